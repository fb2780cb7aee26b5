/**
 * `getItemPanel`: what the item panel and the evidence editor show for one issue — the checklist
 * item it stands for, its result and why, the team's assessment, and the evidence with its risks.
 * Every evidence and assessment change answers with the same panel, built from what it just wrote.
 */
import { z } from 'zod';
import type { AuditRisk, ComplexityName, EvidenceValueView, ItemPanel, ItemPanelItem } from '../../common/contract';
import { readWaivers } from '../audit-day/records';
import { findChecklist } from '../catalogue';
import { formatEvidenceSummary, type EvidenceFieldValue, type EvidenceProblem } from '../domain/evidence';
import { buildResultRules, resolveItemResult } from '../domain/scoring-result';
import { toAppliedWaivers } from '../domain/waivers';
import type { ChecklistDefinition, ChecklistItem } from '../domain/types';
import type { JiraClient } from '../jira';
import type { EvidenceJira, JiraIssueWithProperties } from '../jira/evidence-issue';
import { ASSESSMENT_PROPERTY, ITEM_PROPERTY, readIdentity, type ItemIdentity } from '../jira/identity';
import { toItemState } from '../rollup/states';
import type { IssueCaller } from './context';
import { evidenceFieldId } from './field-id';
import { readEvidence, type EvidenceReading } from './read';
import { auditRisks, strictResult, utcDay, withStrictWording } from './scoring';
import { readProjectSettings } from './settings';

/** What the issue modules' use cases need; tests hand in the real clients over the local runtime. */
export interface IssueModuleDeps {
  jira: JiraClient;
  issues: EvidenceJira;
  now: () => Date;
}

const assessmentSchema = z.looseObject({
  result: z.enum(['met', 'not_met', 'na']).nullish().catch(null),
  complexity: z.enum(['low', 'medium', 'high']).nullish().catch(null),
  assessedBy: z.string().optional().catch(undefined),
  assessedAt: z.string().optional().catch(undefined),
});

/** The issue as the panel needs it, read as the user, with the evidence field's id. */
export interface LoadedIssue {
  issue: JiraIssueWithProperties;
  fieldId: string | undefined;
  reading: EvidenceReading;
}

export async function loadIssue(deps: IssueModuleDeps, caller: IssueCaller): Promise<LoadedIssue> {
  const fieldId = await evidenceFieldId(deps.jira);
  const issue = await deps.issues.getIssue({
    issueKey: caller.issueKey,
    fields: ['status', 'resolution', ...(fieldId !== undefined ? [fieldId] : [])],
    properties: [ITEM_PROPERTY, ASSESSMENT_PROPERTY],
  });
  const reading = readEvidence(fieldId !== undefined ? issue.fields[fieldId] : null);
  if (reading.ignored.length > 0) console.info(`[evidence] ${caller.issueKey}: ${reading.ignored.length} stored problem(s) ignored`);
  return { issue, fieldId, reading };
}

export async function getItemPanel(deps: IssueModuleDeps, caller: IssueCaller): Promise<ItemPanel> {
  const [loaded, grants] = await Promise.all([
    loadIssue(deps, caller),
    deps.issues.getMyPermissions({ issueKey: caller.issueKey, permissions: ['EDIT_ISSUES'] }),
  ]);
  return buildPanel({
    ...loaded,
    projectKey: caller.projectKey,
    evidence: loaded.reading.value,
    ignored: loaded.reading.ignored,
    canEdit: grants.EDIT_ISSUES === true,
    now: deps.now(),
  });
}

export interface PanelParts {
  projectKey: string;
  issue: JiraIssueWithProperties;
  fieldId: string | undefined;
  evidence: EvidenceFieldValue;
  ignored: EvidenceProblem[];
  canEdit: boolean;
  now: Date;
}

export async function buildPanel(parts: PanelParts): Promise<ItemPanel> {
  const { issue, evidence } = parts;
  const today = utcDay(parts.now);
  const identity = readIdentity(issue.properties);
  const itemIdentity = identity?.kind === 'item' && identity.state === 'active' ? identity : undefined;
  // The same settings and waivers the rollup scores with, so the panel and the Audit page agree.
  const [{ strictMode }, def, waivers] = await Promise.all([
    readProjectSettings(parts.projectKey),
    itemIdentity ? findChecklist(itemIdentity.checklistId) : undefined,
    itemIdentity ? readWaivers(parts.projectKey, itemIdentity.checklistId) : [],
  ]);
  const defItem = itemIdentity ? def?.items.find((item) => item.id === itemIdentity.itemId) : undefined;

  let result: ItemPanel['result'] = null;
  let risks: AuditRisk[];
  if (itemIdentity) {
    const scored = itemOf(itemIdentity, defItem);
    const resolved = resolveItemResult(
      scored,
      toItemState({ id: issue.id, key: issue.key, fields: issue.fields, properties: issue.properties }),
      buildResultRules({ waivers: toAppliedWaivers(waivers) }),
    );
    const strict = strictResult(resolved, evidence, { strictMode, today });
    result = strict ?? { result: resolved.result, reason: resolved.reason };
    risks = auditRisks([{ id: scored.id, issueKey: issue.key, result: resolved.result, source: resolved.source }], new Map([[scored.id, evidence]]), today);
    if (strict) risks = withStrictWording(risks, new Set([scored.id]));
  } else {
    // Not an item (or retired): evidence can still expire, so only the expiry risks apply.
    risks = auditRisks([{ id: issue.key, issueKey: issue.key, result: 'not_assessed', source: 'status' }], new Map([[issue.key, evidence]]), today);
  }
  const assessment = assessmentSchema.safeParse(issue.properties[ASSESSMENT_PROPERTY] ?? {});
  const stored = assessment.success ? assessment.data : { result: null, complexity: null };
  return {
    issueKey: issue.key,
    item: itemIdentity ? panelItem(itemIdentity, def, defItem) : null,
    result,
    assessment: {
      result: stored.result ?? null,
      complexity: stored.complexity ?? null,
      ...(stored.assessedBy !== undefined ? { assessedBy: stored.assessedBy } : {}),
      ...(stored.assessedAt !== undefined ? { assessedAt: stored.assessedAt } : {}),
    },
    evidence: evidence as EvidenceValueView,
    summaryText: formatEvidenceSummary(evidence, today),
    ignored: parts.ignored,
    risks,
    strictMode,
    canEdit: parts.canEdit,
    fieldInstalled: parts.fieldId !== undefined,
    today,
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
    points: identity.points,
    mandatory: identity.mandatory,
    penalty: identity.penalty,
    ...(complexity !== undefined ? { complexityHint: complexity } : {}),
  };
}
