/**
 * The identity the app stores on its issues (issue entity property `msp-audit-item`, indexed by the
 * manifest's `jira:entityProperty` module so JQL finds it). Import and version sync are idempotent
 * on it: an issue with this property for an item *is* that item, whatever its summary says now.
 */
import { z } from 'zod';
import type { ExistingItem } from '../domain/sync-plan';
import { itemContentHash, itemTextHash } from '../domain/sync-plan';
import type { Chapter, ChecklistDefinition, ChecklistItem } from '../domain/types';
import { jqlString } from './jql';

export const ITEM_PROPERTY = 'msp-audit-item';
/**
 * The JQL mirror of an item's assessment (`auditAssessment`, `auditComplexity`), written by the app.
 * Never read as the truth: anyone with Edit issues can change an issue property; the assessment in
 * force is in the app's read-only evidence field (src/evidence/verdict.ts).
 */
export const ASSESSMENT_PROPERTY = 'msp-audit-assessment';

/**
 * `duplicate`: the app closed the issue as the duplicate of another issue of the same item (label
 * msp-audit-duplicate, a Duplicate link); it is never scored and never planned.
 */
export type ItemState = 'active' | 'retired' | 'duplicate';

const itemIdentitySchema = z.looseObject({
  kind: z.literal('item'),
  checklistId: z.string(),
  framework: z.string(),
  version: z.string(),
  itemId: z.string(),
  chapterId: z.string(),
  points: z.number(),
  penalty: z.number(),
  mandatory: z.boolean(),
  requirementLevel: z.enum(['mandatory', 'recommended']),
  hash: z.string(),
  textHash: z.string().optional(),
  title: z.string().optional(),
  state: z.enum(['active', 'retired', 'duplicate']),
  /** The bulk create that made the issue (item-map): how a lost answer is recognised. */
  batch: z.string().optional(),
});
export type ItemIdentity = z.infer<typeof itemIdentitySchema>;

/** Chapter Epics carry no `state`, so a search on `state = "active"` finds items only. */
const chapterIdentitySchema = z.looseObject({
  kind: z.literal('chapter'),
  checklistId: z.string(),
  framework: z.string(),
  version: z.string(),
  chapterId: z.string(),
  title: z.string().optional(),
  batch: z.string().optional(),
});
export type ChapterIdentity = z.infer<typeof chapterIdentitySchema>;

export const identitySchema = z.discriminatedUnion('kind', [itemIdentitySchema, chapterIdentitySchema]);
export type Identity = z.infer<typeof identitySchema>;


export function itemIdentity(def: ChecklistDefinition, item: ChecklistItem, state: ItemState = 'active'): ItemIdentity {
  return {
    kind: 'item',
    checklistId: def.id,
    framework: def.framework,
    version: def.version,
    itemId: item.id,
    chapterId: item.chapterId,
    points: item.points,
    penalty: item.penalty,
    mandatory: item.mandatory,
    requirementLevel: item.mandatory ? 'mandatory' : 'recommended',
    hash: itemContentHash(item),
    textHash: itemTextHash(item),
    title: item.title,
    state,
  };
}

export function chapterIdentity(def: ChecklistDefinition, chapter: Chapter): ChapterIdentity {
  return { kind: 'chapter', checklistId: def.id, framework: def.framework, version: def.version, chapterId: chapter.id, title: chapter.title };
}

/** The identity on a search result, or undefined when absent or not ours. */
export function readIdentity(properties: Record<string, unknown> | undefined): Identity | undefined {
  const parsed = identitySchema.safeParse(properties?.[ITEM_PROPERTY]);
  return parsed.success ? parsed.data : undefined;
}

/** What the sync planner needs to know about an item issue. */
export function toExistingItem(issueKey: string, identity: ItemIdentity): ExistingItem {
  return {
    issueKey,
    checklistId: identity.checklistId,
    framework: identity.framework,
    itemId: identity.itemId,
    chapterId: identity.chapterId,
    hash: identity.hash,
    retired: identity.state === 'retired',
    points: identity.points,
    penalty: identity.penalty,
    mandatory: identity.mandatory,
    ...(identity.title !== undefined ? { title: identity.title } : {}),
    ...(identity.textHash !== undefined ? { textHash: identity.textHash } : {}),
  };
}

/** Every issue (items and chapter Epics) of these checklist ids in the project. */
export function checklistIssuesJql(projectKey: string, checklistIds: readonly string[]): string {
  const ids = checklistIds.map(jqlString);
  const clause = ids.length === 1 ? `= ${ids[0]}` : `in (${ids.join(', ')})`;
  return `project = ${jqlString(projectKey)} AND issue.property[${ITEM_PROPERTY}].checklistId ${clause}`;
}

/** The active item issues of one checklist (no chapter Epics, no retired items). */
export function activeItemsJql(projectKey: string, checklistId: string): string {
  return `${checklistIssuesJql(projectKey, [checklistId])} AND issue.property[${ITEM_PROPERTY}].state = "active"`;
}

/** For people: opens a chapter's active items in the issue navigator (manifest search aliases). */
export function chapterItemsJql(projectKey: string, checklistId: string, chapterId: string): string {
  return `project = ${jqlString(projectKey)} AND auditChecklist = ${jqlString(checklistId)} AND auditChapter = ${jqlString(chapterId)} AND auditItemState = "active"`;
}
