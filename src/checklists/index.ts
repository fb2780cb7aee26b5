/**
 * The checklists that ship with the app. Their YAML lives next to this file; the bundle carries it
 * through `builtin.generated.ts` (see scripts/gen-checklists.ts).
 */
import { parseChecklist } from '../domain/checklist-schema';
import type { ChecklistDefinition } from '../domain/types';
import { BUILTIN_CHECKLIST_FILES } from './builtin.generated';

let cache: ChecklistDefinition[] | undefined;

/**
 * Every built-in checklist, parsed on first use and cached for the life of the function instance.
 * The definitions are frozen: a warm Forge instance serves many requests from the same objects, so
 * a caller that wants to change one must copy it first.
 *
 * @example
 * builtinChecklists().map((checklist) => checklist.id);
 * // → ['aws-msp-4.x', 'aws-msp-7.1', 'mspalliance-code-of-ethics', 'mspalliance-ucs-23']
 */
export function builtinChecklists(): ChecklistDefinition[] {
  cache ??= deepFreeze(BUILTIN_CHECKLIST_FILES.map(({ file, text }) => parseChecklist(text, file, { source: 'builtin' })));
  return cache;
}

/**
 * The built-in checklist with this id, or `undefined`.
 *
 * @example
 * findBuiltinChecklist('aws-msp-7.1')?.items.length; // → 61
 */
export function findBuiltinChecklist(id: string): ChecklistDefinition | undefined {
  return builtinChecklists().find((checklist) => checklist.id === id);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
