/**
 * What the preview shows of a built checklist (counts, chapters, items, the team's own answers),
 * and the catalogue's rules checked before saving: the same ones the server applies, shown here so
 * a clash is a line in the problem list rather than a refusal after Save.
 */
import type { SheetProblem } from '../../../../../common/sheets';
import type { ChecklistSummary } from '../../../../../common/contract';
import type { InitialResultName } from '../../../../../common/custom-checklists';

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
  return {
    model,
    items,
    chapters,
    mandatory: items.filter((item) => item.mandatory).length,
    points: model === 'points' ? items.reduce((sum, item) => sum + (item.points ?? 0), 0) : undefined,
    results: tally,
  };
}

/**
 * A saved checklist never changes under its id, may not take a built-in's id, and one version of a
 * framework is saved once: the server refuses these, so the form lists them first.
 */
export function catalogueProblems(definition: unknown, existing: readonly ChecklistSummary[]): SheetProblem[] {
  if (!isRecord(definition)) return [];
  const id = text(definition.id).trim();
  const framework = text(definition.framework).trim();
  const version = text(definition.version).trim();
  const problems: SheetProblem[] = [];
  const sameId = existing.find((summary) => summary.id === id);
  if (sameId?.source === 'builtin') {
    problems.push({ row: 0, column: 'checklist id', message: `"${id}" is the id of the built-in checklist ${sameId.name} ${sameId.version}; choose another id` });
  } else if (sameId) {
    problems.push({
      row: 0,
      column: 'checklist id',
      message: `"${id}" is already saved (${sameId.name} ${sameId.version}); give this file a new version to save it beside that one`,
    });
  }
  const builtin = existing.find((summary) => summary.framework === framework && summary.source === 'builtin');
  if (builtin) {
    problems.push({
      row: 0,
      column: 'framework',
      message: `"${framework}" is the framework of a built-in checklist (${builtin.id}); pick another framework name, e.g. ${framework}-team, so projects on the built-in are never offered this file as an update`,
    });
  }
  const sameVersion = existing.find((summary) => summary.framework === framework && summary.version === version && summary.id !== id);
  if (sameVersion && version !== '') {
    problems.push({
      row: 0,
      column: 'version',
      message: `version ${version} of "${framework}" already exists as "${sameVersion.id}" (${sameVersion.name}); give this file its own version, e.g. ${version}-team`,
    });
  }
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
