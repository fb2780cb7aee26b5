/**
 * `getItemPanel`: what the item panel shows for one issue — the checklist item it stands for, its
 * result and why, the team's assessment (and how N/A may be answered), the evidence with its risks,
 * and any verdict data on the issue the app did not write ("changed outside the app": shown, never
 * counted). Every evidence and assessment change answers with the same panel, built from what it
 * just wrote.
 */
import type { AuditRisk, ComplexityName, EvidenceValueView, ItemPanel, ItemPanelItem, ProjectSettings } from '../../common/contract';
import { readWaivers } from '../platform/records';
import { formatEvidenceSummary } from '../domain/evidence';
import { buildResultRules, resolveItemResult } from '../domain/scoring-result';
import { toAppliedWaivers } from '../domain/waivers';
import type { ChecklistDefinition, ChecklistItem } from '../domain/types';
import type { JiraClient } from '../jira';
import type { EvidenceJira, JiraIssueWithProperties } from '../jira/evidence-issue';
import { ASSESSMENT_PROPERTY, ITEM_PROPERTY, type ItemIdentity } from '../jira/identity';
import type { JiraHttp } from '../jira/http';
import { displayNames } from '../platform/people';
import { toItemState } from '../platform/item-states';
import type { IssueCaller } from '../platform/issue-context';
import { evidenceFieldId } from '../platform/evidence-field-id';
import { itemContextOf, naView, type ItemContext } from './item-context';
import { outsideChanges } from './outside';
import { auditRisks, strictResult, utcDay, withStrictWording } from '../domain/evidence-scoring';
import { readProjectSettings } from '../platform/settings';
import { assessmentInForce, readVerdict, type VerdictReading } from '../domain/verdict-reading';

/** What the issue modules' use cases need; tests hand in the real clients over the local runtime. */
export interface IssueModuleDeps {
  jira: JiraClient;
  issues: EvidenceJira;
  now: () => Date;
}

/** The issue as the panel needs it, read as the user, with the evidence field's id and its item. */
export interface LoadedIssue {
  issue: JiraIssueWithProperties;
  fieldId: string | undefined;
  verdict: VerdictReading;
  item: ItemContext;
}

export async function loadIssue(deps: IssueModuleDeps, caller: IssueCaller): Promise<LoadedIssue> {
  const fieldId = await evidenceFieldId(deps.jira);
  const issue = await deps.issues.getIssue({
    issueKey: caller.issueKey,
    // `attachment`: an evidence entry may name only a file attached to this issue.
    fields: ['status', 'resolution', 'attachment', ...(fieldId !== undefined ? [fieldId] : [])],
    properties: [ITEM_PROPERTY, ASSESSMENT_PROPERTY],
  });
  const verdict = readVerdict(fieldId !== undefined ? (issue.fields[fieldId] ?? null) : null);
  if (verdict.ignored.length > 0) console.info(`[evidence] ${caller.issueKey}: ${verdict.ignored.length} stored problem(s) ignored`);
  return { issue, fieldId, verdict, item: await itemContextOf(issue.properties) };
}

export async function getItemPanel(deps: IssueModuleDeps, caller: IssueCaller): Promise<ItemPanel> {
  const [loaded, grants] = await Promise.all([
    loadIssue(deps, caller),
    deps.issues.getMyPermissions({ issueKey: caller.issueKey, permissions: ['EDIT_ISSUES'] }),
  ]);
  return buildPanel({ ...loaded, projectKey: caller.projectKey, viewer: caller.accountId, canEdit: grants.EDIT_ISSUES === true, now: deps.now() });
}

export interface PanelParts extends LoadedIssue {
  projectKey: string;
  /** Account id of the caller. */
  viewer: string;
  canEdit: boolean;
  now: Date;
  /** Settings already read by the caller (saves a read). */
  settings?: ProjectSettings;
  /** For the display names of reviewers, authors and owners (a default client when absent). */
  http?: JiraHttp;
}

export async function buildPanel(parts: PanelParts): Promise<ItemPanel> {
  const { issue, verdict, item } = parts;
  const evidence = verdict.evidence;
  const today = utcDay(parts.now);
  const itemIdentity = item.identity;
  // The same settings and waivers the rollup scores with, so the panel and the Audit page agree.
  const [settings, waivers] = await Promise.all([
    parts.settings ?? readProjectSettings(parts.projectKey),
    itemIdentity ? readWaivers(parts.projectKey, itemIdentity.checklistId) : [],
  ]);
  const { strictMode } = settings;
  const trusted = assessmentInForce(verdict);

  let result: ItemPanel['result'] = null;
  let risks: AuditRisk[];
  if (itemIdentity) {
    const scored = itemOf(itemIdentity, item.defItem);
    const state = toItemState({ id: issue.id, key: issue.key, fields: issue.fields, properties: issue.properties }, () => trusted);
    const resolved = resolveItemResult(scored, state ?? { itemId: scored.id, assessment: null }, buildResultRules({ waivers: toAppliedWaivers(waivers, today) }));
    const strict = strictResult(resolved, evidence, { strictMode, today });
    result = strict ?? { result: resolved.result, reason: resolved.reason };
    risks = auditRisks([{ id: scored.id, issueKey: issue.key, result: resolved.result, source: resolved.source }], new Map([[scored.id, evidence]]), today);
    if (strict) risks = withStrictWording(risks, new Set([scored.id]));
  } else {
    // Not an item (or retired): evidence can still expire, so only the expiry risks apply.
    risks = auditRisks([{ id: issue.key, issueKey: issue.key, result: 'not_assessed', source: 'status' }], new Map([[issue.key, evidence]]), today);
  }
  const recorded = verdict.assessment;
  const people = await displayNames(
    parts.projectKey,
    [...evidence.entries.flatMap((entry) => [entry.addedBy, entry.reviewer, entry.owner, entry.updatedBy]), recorded?.assessedBy],
    () => parts.now.getTime(),
    parts.http,
  );
  return {
    issueKey: issue.key,
    item: itemIdentity ? panelItem(itemIdentity, item.def, item.defItem) : null,
    result,
    assessment: {
      result: recorded?.result ?? null,
      complexity: recorded?.complexity ?? null,
      ...(recorded?.justification !== undefined ? { justification: recorded.justification } : {}),
      ...(recorded !== undefined ? { assessedBy: recorded.assessedBy, assessedAt: recorded.assessedAt } : {}),
    },
    na: naView(item),
    outsideChanges: outsideChanges(verdict, issue.properties[ASSESSMENT_PROPERTY]),
    fourEyes: settings.fourEyes,
    viewer: parts.viewer,
    evidence: evidence as EvidenceValueView,
    summaryText: formatEvidenceSummary(evidence, today),
    ignored: verdict.ignored,
    risks,
    strictMode,
    canEdit: parts.canEdit,
    fieldInstalled: parts.fieldId !== undefined,
    today,
    people,
  };
}

/** The item for scoring: from the definition, or from the identity when the checklist is gone. */
function itemOf(identity: ItemIdentity, defItem: ChecklistItem | undefined): ChecklistItem {
  return (
    defItem ?? {
      id: identity.itemId,
      chapterId: identity.chapterId,
      title: identity.title ?? identity.itemId,
      requirement: '',
      evidence: [],
      points: identity.points,
      mandatory: identity.mandatory,
      penalty: identity.penalty,
      replaces: [],
    }
  );
}

function panelItem(identity: ItemIdentity, def: ChecklistDefinition | undefined, defItem: ChecklistItem | undefined): ItemPanelItem {
  const item = itemOf(identity, defItem);
  const chapter = def?.chapters.find((c) => c.id === item.chapterId);
  const complexity: ComplexityName | undefined = item.complexity;
  return {
    checklistId: identity.checklistId,
    checklistName: def?.name ?? identity.framework,
    version: def?.version ?? identity.version,
    model: def?.model ?? 'points',
    id: item.id,
    chapterId: item.chapterId,
    chapterTitle: chapter?.title ?? item.chapterId,
    title: item.title,
    requirement: item.requirement,
    expectedEvidence: [...item.evidence],
    // From the definition (the identity's copy only when the checklist is gone): an issue property is never trusted.
    points: item.points,
    mandatory: item.mandatory,
    penalty: item.penalty,
    ...(complexity !== undefined ? { complexityHint: complexity } : {}),
  };
}
