/**
 * Issue links, as far as the app uses them: the site's link types (`GET /issueLinkType`, Jira's
 * defaults) and `POST /issueLink` (201, empty body; a link that exists already is "created" again
 * without a second copy, as Jira words it). Links show on issues as the `issuelinks` field.
 */
import type { Router, RouteContext, RouteResult } from '../http/router';
import { fail, messages } from '../http/errors';
import { bodyObject, isRecord } from '../http/params';
import type { IssueLinkRecord, IssueRecord } from '../state/model';
import type { Store } from '../state/store';

export interface LinkTypeDef {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

/** Jira Cloud's default link types. */
export const LINK_TYPES: readonly LinkTypeDef[] = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
];

function renderType(store: Store, type: LinkTypeDef): Record<string, unknown> {
  return { ...type, self: store.url(`/rest/api/3/issueLinkType/${type.id}`) };
}

function linkType(raw: unknown): LinkTypeDef {
  if (!isRecord(raw)) fail(400, 'Issue link type is required.');
  const found = LINK_TYPES.find((type) => (raw.id !== undefined && type.id === String(raw.id)) || (typeof raw.name === 'string' && type.name.toLowerCase() === raw.name.toLowerCase()));
  if (!found) fail(404, `No issue link type with name '${typeof raw.name === 'string' ? raw.name : String(raw.id)}' found.`);
  return found;
}

function linkedIssue(ctx: RouteContext, raw: unknown): IssueRecord {
  const ref = isRecord(raw) ? (typeof raw.key === 'string' ? raw.key : typeof raw.id === 'string' ? raw.id : undefined) : undefined;
  if (ref === undefined) fail(400, messages.invalidPayload);
  const issue = ctx.store.visibleIssue(ctx.actor, ref);
  if (!issue) fail(404, messages.issueNotFound);
  return issue;
}

function createLink(ctx: RouteContext): RouteResult {
  const body = bodyObject(ctx.req.body);
  const type = linkType(body.type);
  const inward = linkedIssue(ctx, body.inwardIssue);
  const outward = linkedIssue(ctx, body.outwardIssue);
  if (!ctx.store.can(ctx.actor, 'LINK_ISSUES', ctx.store.projectById(outward.projectId))) fail(403, 'You do not have the permission to link issues.');
  const links = (ctx.store.state.issueLinks ??= []);
  const exists = links.some((link) => link.typeId === type.id && link.inwardIssueId === inward.id && link.outwardIssueId === outward.id);
  if (!exists) links.push({ id: String(10000 + links.length), typeId: type.id, inwardIssueId: inward.id, outwardIssueId: outward.id });
  return { status: 201 };
}

/** The `issuelinks` field of an issue, as Jira renders it (the other issue as a short reference). */
export function renderIssueLinks(store: Store, issue: IssueRecord, ref: (other: IssueRecord) => Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const link of store.state.issueLinks ?? []) {
    const type = LINK_TYPES.find((candidate) => candidate.id === link.typeId);
    if (!type) continue;
    const other = (id: string): IssueRecord | undefined => store.issueById(id);
    const base = { id: link.id, self: store.url(`/rest/api/3/issueLink/${link.id}`), type: renderType(store, type) };
    if (link.outwardIssueId === issue.id) {
      const target = other(link.inwardIssueId);
      if (target) out.push({ ...base, outwardIssue: ref(target) });
    } else if (link.inwardIssueId === issue.id) {
      const source = other(link.outwardIssueId);
      if (source) out.push({ ...base, inwardIssue: ref(source) });
    }
  }
  return out;
}

export type { IssueLinkRecord };

export function registerLinkRoutes(router: Router): void {
  router
    .get('/rest/api/3/issueLinkType', (ctx) => ({ status: 200, body: { issueLinkTypes: LINK_TYPES.map((type) => renderType(ctx.store, type)) } }))
    .post('/rest/api/3/issueLink', createLink);
}
