/**
 * Saving a validated custom checklist in the catalogue, under the rules that keep versions apart:
 * a saved definition never changes under its id (projects' issues carry that id and the content
 * hash of each item), so a corrected or newer file is a new version with a new id, and projects
 * move to it through version sync. Saving exactly the same thing again is a no-op, which makes a
 * retried save (or commit) safe.
 */
import { ConflictError } from '../../common/errors';
import type { SaveCustomChecklistResult } from '../../common/custom-checklists';
import { builtinChecklists, findBuiltinChecklist } from '../checklists';
import { canonicalJson, type JsonValue } from '../domain/hash';
import type { ChecklistDefinition } from '../domain/types';
import { withChecklistLock } from './custom-lock';
import { listCustomHeaders, loadCustomChecklist, saveCustomChecklist } from './custom-store';
import type { PreparedChecklist } from './custom-validate';
import { summaryOf } from './index';
import { loadInitialResults, saveInitialResults } from './initial-results';

/** The checklist clashes with one already in the catalogue; nothing was saved. */
export class CustomChecklistConflictError extends ConflictError {}

/**
 * Saves the checklist and its initial results, or throws {@link CustomChecklistConflictError}.
 *
 * @example
 * await storeCustomChecklist(prepareCustomChecklist(raw, results, 'team.csv'), { savedBy: accountId }); // → { checklist, unchanged: false, initialResults: 12 }
 */
export async function storeCustomChecklist(prepared: PreparedChecklist, by: { savedBy: string }, now: Date = new Date()): Promise<SaveCustomChecklistResult> {
  const def = prepared.definition;
  const builtin = findBuiltinChecklist(def.id);
  if (builtin) {
    throw new CustomChecklistConflictError(
      `"${def.id}" is the id of the built-in checklist ${builtin.name} ${builtin.version}; give yours another id or version, e.g. ${def.id}-team.`,
    );
  }
  refuseBuiltinFramework(def.framework);
  return withChecklistLock(def.id, 'saved', () => storeLocked(prepared, by, now));
}

/**
 * A saved checklist is offered as "Update to version X" to every project of its framework, so a
 * custom one in a built-in's framework (aws-msp, mspalliance-ucs, …) could retire the built-in's
 * items across the site. Throws {@link CustomChecklistConflictError} for such a framework id.
 */
export function refuseBuiltinFramework(framework: unknown): void {
  if (typeof framework !== 'string') return;
  const builtin = builtinChecklists().find((def) => def.framework === framework.trim());
  if (!builtin) return;
  throw new CustomChecklistConflictError(
    `"${builtin.framework}" is the framework of a built-in checklist (${builtin.id}); pick another framework name for your own checklist, ` +
      `e.g. ${builtin.framework}-team, so projects on the built-in are never offered it as an update.`,
  );
}

async function storeLocked(prepared: PreparedChecklist, by: { savedBy: string }, now: Date): Promise<SaveCustomChecklistResult> {
  const def = prepared.definition;
  const headers = await listCustomHeaders();
  const sameId = headers.find((header) => header.definition.id === def.id);
  if (sameId) {
    if (await alreadySaved(prepared)) {
      return { checklist: summaryOf(def), unchanged: true, initialResults: countGiven(prepared) };
    }
    const saved = sameId.definition;
    throw new CustomChecklistConflictError(
      `A different checklist is already saved as "${def.id}" (${saved.name} ${saved.version}). Give this file a new version (and so a new id) to save it beside ` +
        'the old one, then move projects to it with "Update to version"; or delete the saved one first if no project uses it.',
    );
  }
  const sameVersion = [...builtinChecklists(), ...headers.map((header) => header.definition)].find(
    (other) => other.framework === def.framework && other.version === def.version,
  );
  if (sameVersion) {
    throw new CustomChecklistConflictError(
      `Version ${def.version} of "${def.framework}" already exists as checklist "${sameVersion.id}" (${sameVersion.name}). ` +
        `Give this file its own version, e.g. ${def.version}-team, so projects can move between the two with "Update to version".`,
    );
  }
  // Answers first, definition last: the definition's header is what makes the checklist exist, so
  // a save cut short leaves no checklist with half its data.
  const initialResults = await saveInitialResults(def.id, prepared.initialResults, { savedBy: by.savedBy, savedAt: now.toISOString() });
  await saveCustomChecklist(def, now, by.savedBy);
  console.info(`[custom-checklist] saved ${def.id} (${def.items.length} items, ${initialResults} initial results)`);
  return { checklist: summaryOf(def), unchanged: false, initialResults };
}

/** The same definition and the same answers are stored under this id already. */
async function alreadySaved(prepared: PreparedChecklist): Promise<boolean> {
  const stored = await loadCustomChecklist(prepared.definition.id);
  if (!stored || fingerprint(stored) !== fingerprint(prepared.definition)) return false;
  const { byItem } = await loadInitialResults(stored);
  return stored.items.every((item, index) => (byItem.get(item.id) ?? null) === (prepared.initialResults[index] ?? null));
}

function fingerprint(def: ChecklistDefinition): string {
  // A ChecklistDefinition is plain JSON data (strings, numbers, booleans, arrays, objects).
  return canonicalJson({ ...def, source: 'custom' } as unknown as JsonValue);
}

function countGiven(prepared: PreparedChecklist): number {
  return prepared.initialResults.filter((result) => result !== null).length;
}
