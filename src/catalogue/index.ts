/**
 * The checklists a project can import: the built-ins that ship with the app and the custom ones
 * teams saved (KVS, see custom-store.ts). A custom checklist cannot shadow a built-in id.
 */
import { NotFoundError } from '../../common/errors';
import type { ChecklistSummary, ChecklistView } from '../../common/contract';
import { builtinChecklists, findBuiltinChecklist } from '../checklists';
import type { ChecklistDefinition } from '../domain/types';
import { listCustomHeaders, loadCustomChecklist, loadCustomChecklistHeader } from './custom-store';
import type { CustomHeaderRecord } from './stored-definition';

export { deleteCustomChecklist, saveCustomChecklist, CustomChecklistError } from './custom-store';

/** No checklist with this id exists (built-in or custom). */
export class UnknownChecklistError extends NotFoundError {
  constructor(readonly checklistId: string) {
    super(`There is no checklist "${checklistId}". Pick one from the list of checklists, or save your own file first.`);
  }
}

export async function listChecklists(): Promise<ChecklistSummary[]> {
  const builtins = builtinChecklists().map(summaryOf);
  const builtinIds = new Set(builtins.map((summary) => summary.id));
  const custom = (await listCustomHeaders()).filter((header) => !builtinIds.has(header.definition.id)).map(customSummaryOf);
  return [...builtins, ...custom];
}

/** The definition with this id, or undefined. */
export async function findChecklist(checklistId: string): Promise<ChecklistDefinition | undefined> {
  return findBuiltinChecklist(checklistId) ?? (await loadCustomChecklist(checklistId));
}

/** A checklist without its items: what a listing, the score history or the prerequisites need. */
export type ChecklistHeader = Omit<ChecklistDefinition, 'items'>;

/**
 * The definition with this id without its items, or undefined: for a custom checklist one small
 * KVS read instead of every items chunk (a 2,000-item checklist's items weigh ~0.7 MB).
 */
export async function findChecklistHeader(checklistId: string): Promise<ChecklistHeader | undefined> {
  return findBuiltinChecklist(checklistId) ?? (await loadCustomChecklistHeader(checklistId));
}

/** The definition with this id; throws {@link UnknownChecklistError} when there is none. */
export async function requireChecklist(checklistId: string): Promise<ChecklistDefinition> {
  const def = await findChecklist(checklistId);
  if (!def) throw new UnknownChecklistError(checklistId);
  return def;
}

/** Ids of every known checklist of a framework (all its versions), for version sync. */
export async function checklistIdsOfFramework(framework: string): Promise<string[]> {
  return (await listChecklists()).filter((summary) => summary.framework === framework).map((summary) => summary.id);
}

export function summaryOf(def: ChecklistDefinition): ChecklistSummary {
  return {
    ...headerSummary(def),
    itemCount: def.items.length,
    mandatoryCount: def.items.filter((item) => item.mandatory).length,
  };
}

export function viewOf(def: ChecklistDefinition): ChecklistView {
  return {
    ...summaryOf(def),
    passRule: def.passRule,
    naPolicy: def.naPolicy,
    chapters: def.chapters.map(({ id, title, order }) => ({ id, title, order })),
    items: def.items.map((item) => ({
      id: item.id,
      chapterId: item.chapterId,
      title: item.title,
      requirement: item.requirement,
      evidence: [...item.evidence],
      points: item.points,
      mandatory: item.mandatory,
      penalty: item.penalty,
      ...(item.complexity !== undefined ? { complexity: item.complexity } : {}),
    })),
    waivers: def.waivers.map((waiver) => ({ ...waiver, items: [...waiver.items], chapters: [...waiver.chapters] })),
  };
}

function customSummaryOf(header: CustomHeaderRecord): ChecklistSummary {
  return {
    ...headerSummary(header.definition),
    itemCount: header.itemCount,
    mandatoryCount: header.mandatoryCount,
    savedAt: header.savedAt,
    ...(header.savedBy !== undefined ? { savedBy: header.savedBy } : {}),
  };
}

function headerSummary(def: Omit<ChecklistDefinition, 'items'>): Omit<ChecklistSummary, 'itemCount' | 'mandatoryCount'> {
  return {
    id: def.id,
    framework: def.framework,
    name: def.name,
    version: def.version,
    description: def.description,
    model: def.model,
    chapterCount: def.chapters.length,
    maxScore: def.maxScore,
    ...(def.passRule.kind === 'points' ? { passMark: def.passRule.passMark } : {}),
    source: def.source,
    ...(def.naRule !== undefined ? { naRule: def.naRule } : {}),
    ...(def.validity !== undefined ? { validity: { ...def.validity } } : {}),
  };
}
