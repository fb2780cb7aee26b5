/**
 * The rules of a checklist definition that span fields (unique ids, references, the points sum) and
 * the defaults that turn a valid file into a {@link ChecklistDefinition}.
 */
import type { ChecklistDefinition, ChecklistItem, ChecklistValidity, PassRule, ScoringModel } from './types';
import { ProblemList, closestName } from './checklist-problems';
import type { ChapterEntry, HeaderEntry, ItemEntry, Parsed, WaiverEntry } from './checklist-schema';

/** Penalty of an unmet mandatory item under the points model when neither item nor file says. */
export const DEFAULT_PENALTY = 200;

export interface ParsedParts {
  header: Parsed<HeaderEntry>;
  /** `undefined` when the list itself is missing or not a list (already reported). */
  chapters: Parsed<ChapterEntry>[] | undefined;
  items: Parsed<ItemEntry>[] | undefined;
  waivers: Parsed<WaiverEntry>[] | undefined;
}

/**
 * Adds every cross-field problem to `problems`; returns the normalized definition when the whole
 * file (including what was already reported field by field) is valid.
 *
 * @example
 * checkAndNormalize(parts, problems, 'builtin')?.items[0]?.penalty; // → 200 for a mandatory points item
 */
export function checkAndNormalize(
  parts: ParsedParts,
  problems: ProblemList,
  source: ChecklistDefinition['source'],
): ChecklistDefinition | undefined {
  const chapters = parts.chapters ?? [];
  const items = parts.items ?? [];
  const waivers = parts.waivers ?? [];

  const chapterIds = uniqueIds(chapters, 'chapters', 'chapter', problems);
  const itemIds = uniqueIds(items, 'items', 'item', problems);
  uniqueIds(waivers, 'waivers', 'waiver', problems);

  if (parts.chapters !== undefined) checkChapterReferences(items, chapterIds, problems);
  checkReplaces(items, itemIds, problems);
  if (parts.items !== undefined && parts.chapters !== undefined) checkWaivers(waivers, itemIds, chapterIds, problems);

  checkValidityOrder(parts.header, problems);
  const model = parts.header.value.model;
  if (model === 'points') checkPointsModel(parts, problems);
  if (model === 'met') checkMetModel(parts, problems);

  if (!problems.isEmpty) return undefined;
  return normalize(parts, source);
}

function uniqueIds(
  entries: Parsed<{ id: string }>[],
  list: string,
  what: string,
  problems: ProblemList,
): Map<string, number> {
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const id = entry.value.id;
    if (id === undefined) return;
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, index);
    } else if (list === 'items') {
      problems.add('id', `also used by items[${first}]; item ids must be unique`, id);
    } else {
      problems.add(`${list}[${index}].id`, `"${id}" is also used by ${list}[${first}]; ${what} ids must be unique`);
    }
  });
  return seen;
}

function checkChapterReferences(items: Parsed<ItemEntry>[], chapterIds: Map<string, number>, problems: ProblemList): void {
  items.forEach((item, index) => {
    const chapter = item.value.chapter;
    if (chapter === undefined || chapterIds.has(chapter)) return;
    problems.add(itemField(item, index, 'chapter'), `no chapter "${chapter}"; ${suggest(chapter, chapterIds)}`, item.value.id);
  });
}

function checkReplaces(items: Parsed<ItemEntry>[], itemIds: Map<string, number>, problems: ProblemList): void {
  items.forEach((item, index) => {
    item.value.replaces?.forEach((old, j) => {
      const holder = itemIds.get(old);
      if (holder === undefined || holder === index) return;
      problems.add(
        itemField(item, index, `replaces[${j}]`),
        `"${old}" is the id of another item in this version; an item can only replace ids that are gone`,
        item.value.id,
      );
    });
  });
}

function checkWaivers(
  waivers: Parsed<WaiverEntry>[],
  itemIds: Map<string, number>,
  chapterIds: Map<string, number>,
  problems: ProblemList,
): void {
  waivers.forEach((waiver, index) => {
    const { items = [], chapters = [] } = waiver.value;
    if (items.length === 0 && chapters.length === 0 && !waiver.invalid.has('items') && !waiver.invalid.has('chapters')) {
      problems.add(`waivers[${index}]`, 'waives nothing: list the items or chapters it covers');
    }
    items.forEach((id, j) => {
      if (!itemIds.has(id)) problems.add(`waivers[${index}].items[${j}]`, `no item "${id}"; ${suggest(id, itemIds)}`);
    });
    chapters.forEach((id, j) => {
      if (!chapterIds.has(id)) problems.add(`waivers[${index}].chapters[${j}]`, `no chapter "${id}"; ${suggest(id, chapterIds)}`);
    });
  });
}

/** validFrom ≤ validUntil ≤ usableUntil, each pair only when both are given. */
function checkValidityOrder(header: Parsed<HeaderEntry>, problems: ProblemList): void {
  const { validFrom, validUntil, usableUntil } = header.value;
  if (validFrom !== undefined && validUntil !== undefined && validUntil < validFrom) {
    problems.add('validUntil', `${validUntil} is before validFrom ${validFrom}; the window would be empty`);
  }
  const lastValid = validUntil ?? validFrom;
  if (lastValid !== undefined && usableUntil !== undefined && usableUntil < lastValid) {
    problems.add('usableUntil', `${usableUntil} is before ${validUntil !== undefined ? 'validUntil' : 'validFrom'} ${lastValid}; a version is usable at least while it is valid`);
  }
}

function checkPointsModel(parts: ParsedParts, problems: ProblemList): void {
  const header = parts.header;
  const { maxScore, passRule } = header.value;
  if (maxScore === undefined && !header.invalid.has('maxScore')) {
    problems.add('maxScore', 'required for model points: the sum of all item points, e.g. 1000');
  }
  const sum = pointsSum(parts.items);
  if (maxScore !== undefined && sum !== undefined && sum !== maxScore) {
    problems.add('maxScore', `is ${maxScore} but the item points add up to ${sum}; they must be equal`);
  }
  if (!header.invalid.has('passRule')) {
    const passMark = passRule?.passMark;
    if (passMark === undefined) problems.add('passRule.passMark', 'required for model points, e.g. passRule: { passMark: 900 }');
    else if (maxScore !== undefined && passMark > maxScore) {
      problems.add('passRule.passMark', `${passMark} is more than maxScore ${maxScore}; nobody could pass`);
    }
    if (passRule?.minOptionalPercent !== undefined) {
      problems.add('passRule.minOptionalPercent', 'only applies to model met; under points the pass mark decides');
    }
  }
  (parts.items ?? []).forEach((item, index) => {
    const { penalty, mandatory } = item.value;
    if (penalty !== undefined && penalty > 0 && mandatory !== true && !item.invalid.has('mandatory')) {
      problems.add(
        itemField(item, index, 'penalty'),
        'only mandatory items have a penalty; set mandatory: true or remove the penalty',
        item.value.id,
      );
    }
  });
}

function checkMetModel(parts: ParsedParts, problems: ProblemList): void {
  const { maxScore, passRule, defaultPenalty } = parts.header.value;
  const pointsOnly = 'only applies to model points';
  if (maxScore !== undefined) problems.add('maxScore', `${pointsOnly}; under met the maximum is the number of items`);
  if (passRule?.passMark !== undefined) {
    problems.add('passRule.passMark', `${pointsOnly}; under met use minOptionalPercent or leave passRule out`);
  }
  if (defaultPenalty !== undefined) problems.add('defaultPenalty', `${pointsOnly}; remove it`);
  (parts.items ?? []).forEach((item, index) => {
    const { points, penalty, id } = item.value;
    if (points !== undefined && points > 0) {
      problems.add(itemField(item, index, 'points'), 'must be 0 or omitted under model met: items are met or not', id);
    }
    if (penalty !== undefined && penalty > 0) problems.add(itemField(item, index, 'penalty'), `${pointsOnly}; remove it`, id);
  });
}

/** Σ item points, or `undefined` when some item's points could not be read (already reported). */
function pointsSum(items: Parsed<ItemEntry>[] | undefined): number | undefined {
  if (items === undefined || items.some((item) => item.invalid.has('points'))) return undefined;
  return items.reduce((sum, item) => sum + (item.value.points ?? 0), 0);
}

/** Item problems are keyed by item id; an item without a usable id is named by position. */
function itemField(item: Parsed<ItemEntry>, index: number, field: string): string {
  return item.value.id === undefined ? `items[${index}].${field}` : field;
}

function suggest(name: string, known: Map<string, number>): string {
  const ids = [...known.keys()];
  const guess = closestName(name, ids);
  if (guess !== undefined) return `did you mean "${guess}"?`;
  const shown = ids.slice(0, 8).join(', ');
  return ids.length === 0 ? 'none are defined' : `known: ${shown}${ids.length > 8 ? ', …' : ''}`;
}

function validityOf(h: HeaderEntry): { validity?: ChecklistValidity } {
  const validity: ChecklistValidity = {};
  if (h.validFrom !== undefined) validity.validFrom = h.validFrom;
  if (h.validUntil !== undefined) validity.validUntil = h.validUntil;
  if (h.usableUntil !== undefined) validity.usableUntil = h.usableUntil;
  if (h.historical === true) validity.historical = true;
  return Object.keys(validity).length > 0 ? { validity } : {};
}

/** Only called once every part is known valid, so the required fields are all present. */
function normalize(parts: ParsedParts, source: ChecklistDefinition['source']): ChecklistDefinition {
  const h = parts.header.value as HeaderEntry;
  const model: ScoringModel = h.model;
  const defaultPenalty = h.defaultPenalty ?? DEFAULT_PENALTY;
  const chapters = (parts.chapters ?? [])
    .map((c, index) => {
      const chapter = c.value as ChapterEntry;
      return { id: chapter.id, title: chapter.title, order: chapter.order ?? index + 1 };
    })
    .sort((a, b) => a.order - b.order);
  const items = (parts.items ?? []).map(({ value }) => {
    const entry = value as ItemEntry;
    const mandatory = entry.mandatory ?? false;
    const item: ChecklistItem = {
      id: entry.id,
      chapterId: entry.chapter,
      title: entry.title,
      requirement: entry.requirement,
      evidence: [...new Set(entry.evidence ?? [])],
      points: model === 'points' ? (entry.points ?? 0) : 0,
      mandatory,
      penalty: model === 'points' && mandatory ? (entry.penalty ?? defaultPenalty) : 0,
      replaces: [...new Set(entry.replaces ?? [])],
    };
    if (entry.complexity !== undefined) item.complexity = entry.complexity;
    const months = entry.evidenceValidMonths ?? h.evidenceValidMonths;
    if (months !== undefined) item.evidenceValidMonths = months;
    return item;
  });
  const passRule: PassRule =
    model === 'points'
      ? { kind: 'points', passMark: h.passRule?.passMark ?? 0 }
      : h.passRule?.minOptionalPercent === undefined
        ? { kind: 'met' }
        : { kind: 'met', minOptionalPercent: h.passRule.minOptionalPercent };
  return {
    id: h.id,
    framework: h.framework,
    name: h.name,
    version: h.version,
    description: (h.description ?? '').trim(),
    model,
    passRule,
    maxScore: model === 'points' ? (h.maxScore ?? 0) : items.length,
    naPolicy: h.naPolicy ?? 'award',
    ...(h.naRule !== undefined ? { naRule: h.naRule } : {}),
    ...validityOf(h),
    ...(h.evidenceValidMonths !== undefined ? { evidenceValidMonths: h.evidenceValidMonths } : {}),
    chapters,
    items,
    waivers: (parts.waivers ?? []).map(({ value }) => {
      const waiver = value as WaiverEntry;
      return { id: waiver.id, name: waiver.name, reason: waiver.reason, items: waiver.items ?? [], chapters: waiver.chapters ?? [] };
    }),
    source,
  };
}
