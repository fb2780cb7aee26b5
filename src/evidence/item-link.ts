/**
 * `linkItemCrosswalk`: linking by hand from the item panel — one mapping between the item on the
 * issue and an item of another checklist the project holds, added (or removed) in the site's
 * crosswalk. Nothing from the payload is trusted: this issue and its item come from the context and
 * the project's item map; the other item must be in the version the project works now of another
 * checklist it holds (what the panel offers: crosswalk/versions.ts) and have an issue in the map;
 * the caller needs Edit issues on both issues (asked as the user; an issue they cannot see counts
 * as one they cannot edit). The row is checked as an upload's rows are (no
 * mapping to itself, known items, no cycle of partial mappings) and refused with what to fix,
 * writing nothing. The write is serialised with every other crosswalk write (crosswalk/edit.ts),
 * then recorded in the project's trail. The covered items' rollups follow at once: the rollup applies
 * the saved crosswalk each time it is served (crosswalk/rollup.ts), none of it is cached.
 */
import { randomUUID } from 'node:crypto';
import type { ItemCrosswalk, LinkItemPayload } from '../../common/crosswalk';
import { AccessDeniedError, BadRequestError } from '../../common/errors';
import type { CrosswalkMapping } from '../domain/crosswalk';
import type { ChecklistDefinition } from '../domain/types';
import { applyLink } from '../domain/crosswalk-link';
import { JiraNotFoundError } from '../jira/errors';
import { ITEM_PROPERTY } from '../jira/identity';
import type { IssueCaller } from '../platform/issue-context';
import { crosswalkDecisionsKey } from '../storage/keys';
import type { PendingDecision } from '../trail/pending';
import { beginDecisions, finishDecisions } from '../trail/wal';
import { editCrosswalk } from '../crosswalk/edit';
import { knownChecklists } from '../crosswalk/upload';
import { linkableChecklists } from '../crosswalk/versions';
import { itemContextOf } from './item-context';
import { itemCrosswalk, mappedIssueKey } from './item-crosswalk';
import type { IssueModuleDeps } from './panel';

export async function linkItemCrosswalk(deps: IssueModuleDeps, caller: IssueCaller, input: LinkItemPayload): Promise<ItemCrosswalk> {
  const verb = input.remove === true ? 'remove a mapping of' : 'link';
  await requireEdit(deps, caller.issueKey, `${verb} its item`, caller.projectKey);
  const issue = await deps.issues.getIssue({ issueKey: caller.issueKey, fields: ['status'], properties: [ITEM_PROPERTY] });
  const { identity, def } = await itemContextOf(issue.properties);
  if (!identity || !def) throw new BadRequestError(`${caller.issueKey} does not stand for an active item of a checklist; open the item's own issue to link it.`);
  if ((await mappedIssueKey(deps, caller.projectKey, def, identity.itemId)) !== caller.issueKey) {
    throw new BadRequestError(`${caller.issueKey} claims ${def.name} ${identity.itemId} but is not the issue the app keeps for it; a project admin can adopt it from the Audit page first.`);
  }
  if (input.checklistId === def.id) {
    throw new BadRequestError(`${def.name} ${input.itemId} is in the same checklist as ${identity.itemId}; a mapping links an item to an item of another checklist.`);
  }
  const otherDef = await linkableChecklist(caller.projectKey, def, input.checklistId);
  const here = { checklistId: def.id, itemId: identity.itemId };
  const there = { checklistId: otherDef.id, itemId: input.itemId };
  const mapping: CrosswalkMapping = {
    ...(input.direction === 'covers' ? { from: here, to: there } : { from: there, to: here }),
    coverage: input.coverage,
    ...(input.note !== undefined && input.note.trim() !== '' ? { note: input.note.trim() } : {}),
  };
  const remove = input.remove === true;
  const checklists = await knownChecklists();
  if (!remove) {
    // Unknown item, itself, a bad note: refused before any lock or Jira call on the other issue.
    const alone = applyLink([], mapping, false, checklists);
    if (alone.kind === 'refused') throw refusal(alone.problems);
  }
  const otherKey = otherDef.items.some((item) => item.id === input.itemId) ? await mappedIssueKey(deps, caller.projectKey, otherDef, input.itemId) : undefined;
  if (!remove && otherKey === undefined) {
    throw new BadRequestError(`${otherDef.name} ${input.itemId} has no issue in project ${caller.projectKey}; import or update that checklist first, then link it.`);
  }
  if (otherKey !== undefined) await requireEdit(deps, otherKey, `${verb} it to ${otherDef.name} ${input.itemId}`, caller.projectKey, `the issue of ${otherDef.name} ${input.itemId}`);

  const now = deps.now();
  let pending: PendingDecision[] = [];
  await editCrosswalk(
    (current) => {
      const outcome = applyLink(current, mapping, remove, checklists);
      if (outcome.kind === 'refused') throw refusal(outcome.problems);
      return outcome.kind === 'unchanged' ? { unchanged: true as const, result: undefined } : { mappings: outcome.mappings, result: outcome.before ?? null };
    },
    { savedBy: caller.accountId, now },
    // Under the crosswalk lock, before the new revision: the trail's pending record, whose id the
    // revision keeps (the crosswalk is the site's: other projects' edits follow, the id stays).
    async (before) => {
      const decisionId = randomUUID();
      pending = await beginDecisions(
        [
          {
            projectKey: caller.projectKey,
            actor: caller.accountId,
            action: remove ? 'crosswalk.unlink' : 'crosswalk.link',
            checklistId: def.id,
            itemId: identity.itemId,
            issueKey: caller.issueKey,
            before: before === null || before === undefined ? null : describe(before),
            after: remove ? null : describe(mapping),
            at: now,
          },
        ],
        { kind: 'includes', key: crosswalkDecisionsKey(), path: 'ids', id: decisionId },
        { ids: [decisionId] },
      );
      return { decisionId };
    },
  );
  await finishDecisions(pending);
  return itemCrosswalk(deps, caller);
}

/**
 * The checklist `checklistId` names, when an item of `def` may link to it: a version the project
 * works now of another framework (what the item panel offers). An older version it once held, or
 * another version of the item's own framework, is refused naming the one to use.
 */
async function linkableChecklist(projectKey: string, def: ChecklistDefinition, checklistId: string): Promise<ChecklistDefinition> {
  const { linkable, everHeld } = await linkableChecklists(projectKey, def);
  const found = linkable.find((d) => d.id === checklistId);
  if (found) return found;
  const older = everHeld.find((d) => d.id === checklistId);
  if (older?.framework === def.framework) {
    throw new BadRequestError(`${older.name} ${older.version} is another version of this item's own checklist (${def.name} ${def.version}); link to an item of another checklist. Nothing was linked.`);
  }
  const current = older && linkable.find((d) => d.framework === older.framework);
  if (older && current) {
    throw new BadRequestError(
      `${older.name} ${older.version} is not the version project ${projectKey} works now: it works ${current.name} ${current.version} (${current.id}); link to an item of ${current.id}. Nothing was linked.`,
    );
  }
  const ids = linkable.map((d) => d.id);
  throw new BadRequestError(`Project ${projectKey} holds no checklist "${checklistId}"; ${ids.length > 0 ? `link to an item of ${ids.join(', ')}` : 'import another checklist first'}.`);
}

function describe(m: CrosswalkMapping): Record<string, string> {
  return { from: `${m.from.checklistId} ${m.from.itemId}`, to: `${m.to.checklistId} ${m.to.itemId}`, coverage: m.coverage, ...(m.note !== undefined ? { note: m.note } : {}) };
}

function refusal(problems: readonly { message: string }[]): BadRequestError {
  const text = problems.map((p) => p.message).join('; ');
  return new BadRequestError(`Nothing was linked: ${text}.`);
}

/** Edit issues on `issueKey`, asked as the user; an issue they cannot see is one they cannot edit. */
async function requireEdit(deps: IssueModuleDeps, issueKey: string, action: string, projectKey: string, named = issueKey): Promise<void> {
  const grants = await deps.issues.getMyPermissions({ issueKey, permissions: ['EDIT_ISSUES'] }).catch((error: unknown) => {
    if (error instanceof JiraNotFoundError) return {} as { EDIT_ISSUES?: boolean };
    throw error;
  });
  if (grants.EDIT_ISSUES === true) return;
  throw new AccessDeniedError(`You need the Edit issues permission on ${named} to ${action}. Ask a Jira admin of project ${projectKey} to grant it; nothing was linked.`);
}
