/**
 * The score history of one checklist in one project, stored as ONE KVS value in the codec's form
 * (history-codec.ts: at most 3,005 points — every change of the last 92 days, a point a day for two
 * years, a point a week for three more — ~113 KiB in the worst case, against the 240 KiB limit).
 * Snapshots come from the daily run (one point a day) and from every significant change, each kept
 * with its time.
 *
 * Days are UTC calendar days: a scheduled trigger runs with no user and so no time zone, and the
 * chart needs one stable day boundary for every viewer.
 */
import { z } from 'zod';
import { decodeHistory, encodeHistory, HistoryDecodeError } from '../domain/history-codec';
import { historySeries, recordSnapshot, scorePointFromReport, type ScoreHistory } from '../domain/history';
import type { ScoreHistoryPoint } from '../../common/contract';
import type { ScoreReport } from '../domain/types';
import { scoreHistoryKey } from '../storage/keys';
import { readValue, writeValue } from '../storage/kvs';

/** The UTC calendar day of `now`, `YYYY-MM-DD`. */
export function historyDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Score movement worth a point between daily runs: 1 % of the maximum under the points model (10 of
 * 1000), one item under the met model. The pass flipping, open mandatory items or the scale changing
 * are significant whatever the delta (history.ts).
 */
export function significantDelta(report: Pick<ScoreReport, 'model' | 'maxScore'>): number {
  return report.model === 'points' ? Math.max(1, Math.round(report.maxScore / 100)) : 1;
}

/** The history as the chart draws it: from its first day to today (or its last day, if later). */
export function seriesOf(history: ScoreHistory, today: string): ScoreHistoryPoint[] {
  const first = history[0];
  const last = history[history.length - 1];
  if (!first || !last) return [];
  return historySeries(history, first.date, last.date > today ? last.date : today);
}

/** The stored history, oldest first; an unreadable value reads as empty (logged), so the next snapshot starts afresh. */
export async function readHistory(projectKey: string, checklistId: string): Promise<ScoreHistory> {
  const raw = await readValue(scoreHistoryKey(projectKey, checklistId), z.unknown());
  if (raw === undefined) return [];
  try {
    return decodeHistory(raw);
  } catch (error) {
    if (!(error instanceof HistoryDecodeError)) throw error;
    console.warn(`[history] ${projectKey}/${checklistId}: stored history unreadable; starting a new one`);
    return [];
  }
}

/**
 * Records a snapshot of `report` at `now`. `daily` records when the day has no point yet; `change`
 * records a significant change as a point of its own (earlier points of the day stay). Returns the
 * history after the snapshot, or undefined when nothing was written.
 */
export async function recordScore(
  projectKey: string,
  checklistId: string,
  report: ScoreReport,
  options: { now: Date; trigger: 'daily' | 'change'; history?: ScoreHistory },
): Promise<ScoreHistory | undefined> {
  const history = options.history ?? (await readHistory(projectKey, checklistId));
  const point = scorePointFromReport(report, { date: historyDay(options.now), at: options.now });
  const result = recordSnapshot(history, point, { significantDelta: significantDelta(report), trigger: options.trigger });
  if (!result.recorded) return undefined;
  await writeValue(scoreHistoryKey(projectKey, checklistId), encodeHistory(result.history));
  return result.history;
}

/**
 * A `change` snapshot that never fails its caller (the score on screen matters more than the chart).
 * Returns the history as it stands afterwards, for a caller about to show it.
 */
export async function recordChangeSnapshot(projectKey: string, checklistId: string, report: ScoreReport, now: Date): Promise<ScoreHistory | undefined> {
  try {
    const history = await readHistory(projectKey, checklistId);
    const recorded = await recordScore(projectKey, checklistId, report, { now, trigger: 'change', history });
    if (recorded) console.info(`[history] ${projectKey}/${checklistId}: significant change recorded`);
    return recorded ?? history;
  } catch (error) {
    console.warn(`[history] ${projectKey}/${checklistId}: change snapshot failed: ${error instanceof Error ? error.name : 'error'}`);
    return undefined;
  }
}
