/**
 * The stored form of a score history: the whole history in ONE Forge KVS value (≤ 240 KiB), so a
 * chart is one read and a snapshot one write, with no paging and no multi-key consistency to keep.
 *
 * Layout (version 1): columnar, one array per field, every array one entry per point.
 * - Whole-number columns are delta-coded from the previous point (the first from 0). Day to day
 *   a score barely moves, so most entries are `0` or `1`: two bytes each in JSON.
 * - `t` holds `at` as milliseconds after the UTC midnight of the point's day: at most 8 digits,
 *   and exact, so decoding gives back the `toISOString()` text that was stored.
 * - `k` holds `passed` as a text of `1`/`0` characters: one byte a point.
 * - `p` (pass mark, which can be null and almost never changes) is run-length coded as
 *   `[value, count, value, count, …]`.
 * The value is a JSON object rather than a string, so KVS does not escape it a second time.
 * Several points of one day (significant changes) simply have a day delta of 0.
 * Measured (see the test): five years of daily points (1,827) take 39 KiB for a realistic history
 * and 69 KiB in the worst case (every figure jumping every day, at a random millisecond), against
 * 270–284 KiB as plain JSON objects. Retention (history.ts) keeps at most 3,005 points (every
 * change of the last 92 days, 24 a day at most; then a point a day, then a week): the worst case
 * at that bound is ~113 KiB, so a history always fits one value and needs no chunking.
 */
import { dateOfEpochDay, epochDay, instantInDay, msIntoDay } from './history-calendar';
import { normalisePoint, type ScoreHistory, type ScorePoint } from './history';

/** Forge KVS: the largest value one key may hold. */
export const HISTORY_VALUE_MAX_BYTES = 240 * 1024;

/** A score history as stored. Field names are one letter on purpose: they are written once per history, but read by no person. */
export interface EncodedHistory {
  v: 1;
  /** Epoch day (days since 1970-01-01) of each point, delta-coded. */
  d: number[];
  /** `at`: milliseconds after the UTC midnight of the point's day. */
  t: number[];
  /** `score`, delta-coded. */
  s: number[];
  /** `maxScore`, delta-coded. */
  x: number[];
  /** `passMark`, run-length coded: value, count, value, count … */
  p: (number | null)[];
  /** `passed`: `1` or `0` per point. */
  k: string;
  /** `met`, delta-coded. */
  m: number[];
  /** `total`, delta-coded. */
  n: number[];
  /** `mandatoryOpen`, delta-coded. */
  o: number[];
}

/** The history would not fit in one KVS value. */
export class HistoryTooLargeError extends Error {
  override readonly name = 'HistoryTooLargeError';
}

/** A stored history cannot be read back. */
export class HistoryDecodeError extends Error {
  override readonly name = 'HistoryDecodeError';
}

const DELTA_COLUMNS = [
  ['s', 'score'],
  ['x', 'maxScore'],
  ['m', 'met'],
  ['n', 'total'],
  ['o', 'mandatoryOpen'],
] as const;

/**
 * Encodes a history for one KVS value. Points keep their order; each is checked first.
 *
 * @throws HistoryInputError for an invalid point; HistoryTooLargeError if the value would pass 240 KiB
 *   (retention keeps a real history far below that — prune before encoding)
 * @example
 * const value = encodeHistory(history);
 * historyByteSize(value); // bytes KVS will store
 * decodeHistory(value);   // deep-equals history (with `at` in toISOString form)
 */
export function encodeHistory(history: ScoreHistory): EncodedHistory {
  const encoded: EncodedHistory = { v: 1, d: [], t: [], s: [], x: [], p: [], k: '', m: [], n: [], o: [] };
  let previousDay = 0;
  const previous: Record<(typeof DELTA_COLUMNS)[number][1], number> = { score: 0, maxScore: 0, met: 0, total: 0, mandatoryOpen: 0 };
  const passed: string[] = [];
  for (const raw of history) {
    const point = normalisePoint(raw);
    const day = epochDay(point.date);
    encoded.d.push(day - previousDay);
    previousDay = day;
    encoded.t.push(msIntoDay(point.date, point.at));
    for (const [column, field] of DELTA_COLUMNS) {
      encoded[column].push(point[field] - previous[field]);
      previous[field] = point[field];
    }
    pushRun(encoded.p, point.passMark);
    passed.push(point.passed ? '1' : '0');
  }
  encoded.k = passed.join('');

  const bytes = historyByteSize(encoded);
  if (bytes > HISTORY_VALUE_MAX_BYTES) {
    throw new HistoryTooLargeError(
      `A score history of ${history.length} points takes ${bytes} bytes, over the ${HISTORY_VALUE_MAX_BYTES}-byte storage limit; apply pruneHistory before saving.`,
    );
  }
  return encoded;
}

/**
 * Reads a stored history back. Takes `unknown` because storage can hold anything.
 *
 * @throws HistoryDecodeError saying what is wrong; the caller can start a new history from the next snapshot
 * @example
 * decodeHistory(await kvs.get(historyKey) ?? encodeHistory([]));
 */
export function decodeHistory(value: unknown): ScoreHistory {
  const encoded = checkShape(value);
  const count = encoded.d.length;
  const passMarks = expandRuns(encoded.p, count);
  const history: ScorePoint[] = [];
  let day = 0;
  const running = { score: 0, maxScore: 0, met: 0, total: 0, mandatoryOpen: 0 };
  for (let index = 0; index < count; index += 1) {
    day += encoded.d[index] ?? 0;
    for (const [column, field] of DELTA_COLUMNS) running[field] += encoded[column][index] ?? 0;
    const date = dateOfEpochDay(day);
    history.push({
      date,
      at: instantInDay(date, encoded.t[index] ?? 0),
      ...running,
      passMark: passMarks[index] ?? null,
      passed: encoded.k[index] === '1',
    });
  }
  return history;
}

/**
 * The bytes KVS stores for `value`: its JSON text in UTF-8.
 *
 * @example
 * historyByteSize(encodeHistory([])); // 70
 */
export function historyByteSize(value: EncodedHistory): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

function pushRun(runs: (number | null)[], value: number | null): void {
  const lastValueIndex = runs.length - 2;
  if (lastValueIndex >= 0 && runs[lastValueIndex] === value) {
    runs[lastValueIndex + 1] = (runs[lastValueIndex + 1] ?? 0) + 1;
  } else {
    runs.push(value, 1);
  }
}

function expandRuns(runs: (number | null)[], count: number): (number | null)[] {
  const values: (number | null)[] = [];
  for (let index = 0; index < runs.length; index += 2) {
    const value = runs[index] ?? null;
    const length = runs[index + 1];
    if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 1) unreadable(`pass mark run ${index / 2} has no valid length`);
    if (value !== null && !Number.isSafeInteger(value)) unreadable(`pass mark run ${index / 2} is not a whole number`);
    for (let repeat = 0; repeat < length; repeat += 1) values.push(value);
  }
  if (values.length !== count) unreadable(`pass marks cover ${values.length} points, not ${count}`);
  return values;
}

function checkShape(value: unknown): EncodedHistory {
  if (typeof value !== 'object' || value === null) unreadable('it is not an object');
  const record = value as Record<string, unknown>;
  if (typeof record.v === 'number' && record.v > 1) {
    throw new HistoryDecodeError(`The score history was written by a newer version of the app (format ${record.v}); update the app to read it.`);
  }
  if (record.v !== 1) unreadable(`format ${JSON.stringify(record.v)} is unknown`);
  const count = Array.isArray(record.d) ? record.d.length : -1;
  for (const column of ['d', 't', 's', 'x', 'm', 'n', 'o'] as const) {
    const array = record[column];
    if (!Array.isArray(array) || !array.every((entry) => Number.isSafeInteger(entry))) unreadable(`column ${column} is not a list of whole numbers`);
    if (array.length !== count) unreadable(`column ${column} has ${array.length} entries, not ${count}`);
  }
  if (!Array.isArray(record.p)) unreadable('column p is not a list');
  if (typeof record.k !== 'string' || !/^[01]*$/.test(record.k) || record.k.length !== count) unreadable(`column k is not ${count} characters of 1 or 0`);
  return record as unknown as EncodedHistory;
}

function unreadable(why: string): never {
  throw new HistoryDecodeError(`The stored score history cannot be read: ${why}. Start a new history from the next snapshot.`);
}
