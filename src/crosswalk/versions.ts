/**
 * The checklists a crosswalk is resolved against in one project (crosswalk-resolve.ts): `held`, the
 * version of each framework the project works now (the newest it ever imported or synced; the
 * checklist being read stands for its own framework), and `known`, every checklist the mappings or
 * the project name plus, when the crosswalk names another version of a held framework, the versions
 * the site knows between them, so a rename over several updates is followed. KVS reads only.
 */
import { findChecklist, listChecklists } from '../catalogue';
import type { CrosswalkMapping } from '../domain/crosswalk';
import { heldVersions } from '../domain/crosswalk-resolve';
import type { ChecklistDefinition } from '../domain/types';
import { projectChecklists } from '../storage/project-state';

/**
 * @example
 * const { known, held } = await crosswalkDefinitions('MSP', mappings, ucs);
 * resolveMappings(mappings, known, held);
 */
export async function crosswalkDefinitions(
  projectKey: string,
  mappings: readonly CrosswalkMapping[],
  viewing?: ChecklistDefinition,
): Promise<{ known: ChecklistDefinition[]; held: ChecklistDefinition[] }> {
  const heldIds = (await projectChecklists(projectKey)).filter((id) => id !== viewing?.id);
  const named = new Set(mappings.flatMap((m) => [m.from.checklistId, m.to.checklistId]));
  const ids = [...new Set([...heldIds, ...named])].filter((id) => id !== viewing?.id);
  const loaded = await loadAll(ids);
  const held = heldVersions(loaded.filter((d) => heldIds.includes(d.id)), viewing);
  const known = [...(viewing ? [viewing] : []), ...loaded];
  return { known: [...known, ...(await versionsBetween(known, held))], held };
}

/**
 * What an item of `viewing` may be linked to by hand: the version the project works now of every
 * other framework it holds (the item panel offers these, and `linkItemCrosswalk` accepts only
 * these), and `everHeld`, every other checklist it ever imported or synced, to name an older one.
 *
 * @example
 * const { linkable } = await linkableChecklists('MSP', ucs); // → [sync-demo-2.0, code-of-ethics]
 */
export async function linkableChecklists(
  projectKey: string,
  viewing: ChecklistDefinition,
): Promise<{ linkable: ChecklistDefinition[]; everHeld: ChecklistDefinition[] }> {
  const everHeld = await loadAll((await projectChecklists(projectKey)).filter((id) => id !== viewing.id));
  return { linkable: linkableOf(heldVersions(everHeld, viewing), viewing), everHeld };
}

/** The held versions (`crosswalkDefinitions`' `held`) an item of `viewing` may link to: none of its own framework (unknown when its definition is gone). */
export function linkableOf(held: readonly ChecklistDefinition[], viewing: { id: string; framework: string | undefined }): ChecklistDefinition[] {
  return held.filter((def) => def.id !== viewing.id && def.framework !== viewing.framework);
}

async function loadAll(ids: readonly string[]): Promise<ChecklistDefinition[]> {
  return (await Promise.all(ids.map((id) => findChecklist(id)))).filter((d): d is ChecklistDefinition => d !== undefined);
}

/** The site's other versions of the held frameworks the crosswalk names in another version (none: no catalogue read). */
async function versionsBetween(loaded: readonly ChecklistDefinition[], held: readonly ChecklistDefinition[]): Promise<ChecklistDefinition[]> {
  const heldIds = new Set(held.map((d) => d.id));
  const heldFrameworks = new Set(held.map((d) => d.framework));
  const frameworks = new Set(loaded.filter((d) => !heldIds.has(d.id) && heldFrameworks.has(d.framework)).map((d) => d.framework));
  if (frameworks.size === 0) return [];
  const have = new Set(loaded.map((d) => d.id));
  const missing = (await listChecklists()).filter((summary) => frameworks.has(summary.framework) && !have.has(summary.id));
  const found = await Promise.all(missing.map((summary) => findChecklist(summary.id)));
  return found.filter((d): d is ChecklistDefinition => d !== undefined);
}
