/**
 * The decisions of an import, apart from its I/O (src/import/worker.ts runs them): which chapters
 * and items still need an issue, which points values to write, which issues still wait for their
 * first verdict, and the job's final counts. Pure: the worker hands in what the item map and the
 * verification read say.
 */
import type { Chapter, ChecklistDefinition, ChecklistItem } from './types';

/** An item's issue as the verification pass read it: its id and the fields asked for. */
export interface ReadIssue {
  id: string;
  fields?: Record<string, unknown> | null | undefined;
}

/**
 * The chapter issue keys known so far: the job's checkpoint, completed by the item map (a key the
 * job already holds wins). Null prototype: a chapter id such as `constructor` is a plain key.
 *
 * @example
 * knownChapterKeys({ c1: 'AUD-1' }, [['c2', 'AUD-2']]) // { c1: 'AUD-1', c2: 'AUD-2' }
 */
export function knownChapterKeys(fromJob: Readonly<Record<string, string>> | undefined, fromMap: Iterable<readonly [string, string]>): Record<string, string> {
  const keys: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, fromJob);
  for (const [chapterId, key] of fromMap) keys[chapterId] ??= key;
  return keys;
}

/**
 * Chapters that hold at least one item of the checklist and have no issue yet, in checklist order.
 *
 * @example
 * chaptersToCreate(def, { c1: 'AUD-1' }) // the other used chapters, e.g. [{ id: 'c2', … }]
 */
export function chaptersToCreate(def: Pick<ChecklistDefinition, 'chapters' | 'items'>, chapterKeys: Readonly<Record<string, string>>): Chapter[] {
  const used = new Set(def.items.map((item) => item.chapterId));
  return def.chapters.filter((chapter) => used.has(chapter.id) && chapterKeys[chapter.id] === undefined);
}

/**
 * Items the item map has no issue for, in checklist order: the only ones an import creates.
 *
 * @example
 * itemsToCreate(def, new Set(['1.1'])) // every item but 1.1
 */
export function itemsToCreate(def: Pick<ChecklistDefinition, 'items'>, mapped: { has(itemId: string): boolean }): ChecklistItem[] {
  return def.items.filter((item) => !mapped.has(item.id));
}

/** How many of the checklist's items the map holds an issue for. */
export function mappedItemCount(def: Pick<ChecklistDefinition, 'items'>, mapped: { has(itemId: string): boolean }): number {
  return def.items.filter((item) => mapped.has(item.id)).length;
}

/**
 * The points field value of each item issue whose stored value differs. Met-model items carry no
 * points: the field stays empty (a 0 written before is cleared), never "0 pts".
 *
 * @example
 * pointsFieldChanges({ model: 'points', items: [{ id: '1.1', points: 3 }] }, new Map([['1.1', { id: '10', fields: {} }]]), 'cf')
 * // [{ issueId: '10', value: 3 }]
 */
export function pointsFieldChanges(
  def: Pick<ChecklistDefinition, 'model'> & { items: readonly Pick<ChecklistItem, 'id' | 'points'>[] },
  issues: ReadonlyMap<string, ReadIssue>,
  pointsFieldId: string,
): { issueId: string; value: number | null }[] {
  return def.items.flatMap((item) => {
    const issue = issues.get(item.id);
    const value = def.model === 'met' ? null : item.points;
    return issue && (issue.fields?.[pointsFieldId] ?? null) !== value ? [{ issueId: issue.id, value }] : [];
  });
}

/**
 * The item issues whose evidence field is still empty: the only ones that get a custom checklist's
 * initial answers (a resumed or repeated job never overwrites what the team has since recorded).
 *
 * @example
 * blankEvidenceIssues(new Map([['1.1', { id: '10', fields: { cf: null } }]]), 'cf') // the same map
 */
export function blankEvidenceIssues<T extends ReadIssue>(issues: ReadonlyMap<string, T>, evidenceFieldId: string): Map<string, T> {
  return new Map([...issues].filter(([, issue]) => (issue.fields?.[evidenceFieldId] ?? null) === null));
}

/**
 * A finished job's counts: items already there when it started, and the ones it created.
 *
 * @example
 * importCounts({ items: [a, b, c] }, 1) // { existing: 1, created: 2, failed: 0 }
 */
export function importCounts(def: Pick<ChecklistDefinition, 'items'>, existingAtStart: number | undefined): { existing: number; created: number; failed: 0 } {
  const existing = existingAtStart ?? 0;
  return { existing, created: def.items.length - existing, failed: 0 };
}
