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
 * The penalty in words, as the preview and the Audit page say it.
 *
 * @example
 * penaltyWords({ default: 0, own: 0 }); // 'An unmet mandatory item costs no points: it only shows as open.'
 */
export function penaltyWords(penalty: { default: number; own: number }): string {
  const base =
    penalty.default === 0
      ? 'An unmet mandatory item costs no points: it only shows as open.'
      : `Each unmet mandatory item costs ${penalty.default} points off the score.`;
  if (penalty.own === 0) return base;
  return `${base} ${penalty.own === 1 ? '1 mandatory item sets its own penalty' : `${penalty.own} mandatory items set their own penalty`} in the Penalty column.`;
}

/** How N/A may be answered, in words. */
export const NA_RULE_WORDS: Record<PreviewSummary['naRule'], string> = {
  exemptions: 'Only through the checklist’s named exemptions (applied as waivers); otherwise met or not met.',
  justified: 'Allowed with a written justification of why the item does not apply.',
  free: 'Allowed without a justification.',
};

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
