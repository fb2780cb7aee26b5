/**
 * What the preview shows of a built checklist (counts, chapters, items, the team's own answers),
 * and the catalogue's rules checked before saving: the same ones the server applies, shown here so
 * a clash is a line in the problem list rather than a refusal after Save.
 */
import type { SheetProblem } from '../../../../../common/sheets';
import type { ChecklistSummary } from '../../../../../common/contract';
import type { InitialResultName } from '../../../../../common/custom-checklists';
import { uploadEnglish } from './messages';
import type { UploadMessages } from './messages.en';

/** The words of the problems the upload finds itself (the user's language in the view). */
export type UploadProblemWords = UploadMessages['settingProblems'];

export interface PreviewItem {
  id: string;
  title: string;
  chapterId: string;
  points: number | undefined;
  mandatory: boolean;
  result: InitialResultName | undefined;
}

export interface PreviewSummary {
  model: string;
  items: PreviewItem[];
  /** In file order, each with its item count. */
  chapters: { id: string; title: string; items: number }[];
  mandatory: number;
  /** Σ points under the points model. */
  points: number | undefined;
  /** Points model: what an unmet mandatory item costs by default, and how many mandatory items set their own. */
  penalty: { default: number; own: number } | undefined;
  /** How N/A may be answered (`justified` when the file does not say). */
  naRule: 'exemptions' | 'justified' | 'free';
  /** Named exemptions the checklist carries. */
  waivers: string[];
  results: Record<InitialResultName, number>;
}

/**
 * The preview of a raw definition; `undefined` when it has no item list to show.
 *
 * @example
 * summarize({ model: 'met', chapters: [{ id: 'g', title: 'G' }], items: [{ id: '1', chapter: 'g', title: 'T', mandatory: true }] }, {}).mandatory; // → 1
 */
export function summarize(definition: unknown, results: Readonly<Record<string, InitialResultName>>): PreviewSummary | undefined {
  if (!isRecord(definition) || !Array.isArray(definition.items)) return undefined;
  const items: PreviewItem[] = definition.items.filter(isRecord).map((item) => {
    const id = text(item.id);
    return {
      id,
      title: text(item.title),
      chapterId: text(item.chapter),
      points: typeof item.points === 'number' ? item.points : undefined,
      mandatory: item.mandatory === true,
      result: Object.hasOwn(results, id) ? results[id] : undefined,
    };
  });
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.chapterId, (counts.get(item.chapterId) ?? 0) + 1);
  const chapters = (Array.isArray(definition.chapters) ? definition.chapters.filter(isRecord) : []).map((chapter) => ({
    id: text(chapter.id),
    title: text(chapter.title),
    items: counts.get(text(chapter.id)) ?? 0,
  }));
  const model = text(definition.model);
  const tally: Record<InitialResultName, number> = { met: 0, not_met: 0, na: 0 };
  for (const item of items) if (item.result) tally[item.result] += 1;
  const own = definition.items.filter((item) => isRecord(item) && item.mandatory === true && typeof item.penalty === 'number').length;
  const rule = text(definition.naRule);
  return {
    model,
    items,
    chapters,
    mandatory: items.filter((item) => item.mandatory).length,
    points: model === 'points' ? items.reduce((sum, item) => sum + (item.points ?? 0), 0) : undefined,
    // The file format's default when a definition file says nothing is 200 (AWS 4.x); a team's sheet always states it.
    penalty: model === 'points' ? { default: typeof definition.defaultPenalty === 'number' ? definition.defaultPenalty : 200, own } : undefined,
    naRule: rule === 'exemptions' || rule === 'free' ? rule : 'justified',
    waivers: (Array.isArray(definition.waivers) ? definition.waivers.filter(isRecord) : []).map((waiver) => text(waiver.name)),
    results: tally,
  };
}

/**
 * A saved checklist never changes under its id, may not take a built-in's id, and one version of a
 * framework is saved once: the server refuses these, so the form lists them first.
 */
export function catalogueProblems(definition: unknown, existing: readonly ChecklistSummary[], t: UploadProblemWords = uploadEnglish().settingProblems): SheetProblem[] {
  if (!isRecord(definition)) return [];
  const id = text(definition.id).trim();
  const framework = text(definition.framework).trim();
  const version = text(definition.version).trim();
  const problems: SheetProblem[] = [];
  const sameId = existing.find((summary) => summary.id === id);
  if (sameId?.source === 'builtin') {
    problems.push({ row: 0, column: t.columns.checklistId, message: t.builtinId(id, `${sameId.name} ${sameId.version}`) });
  } else if (sameId) {
    problems.push({ row: 0, column: t.columns.checklistId, message: t.savedId(id, `${sameId.name} ${sameId.version}`) });
  }
  const builtin = existing.find((summary) => summary.framework === framework && summary.source === 'builtin');
  if (builtin) {
    problems.push({ row: 0, column: t.columns.framework, message: t.builtinFramework(framework, builtin.id) });
  }
  const sameVersion = existing.find((summary) => summary.framework === framework && summary.version === version && summary.id !== id);
  if (sameVersion && version !== '') {
    problems.push({ row: 0, column: t.columns.version, message: t.sameVersion(version, framework, sameVersion.id, sameVersion.name) });
  }
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
