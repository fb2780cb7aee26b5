/**
 * Waived and N/A as results of their own on the Audit page: the pill, the detail line and the
 * counts line say "Waived" where a waiver decided the result, never "Met" (common/result-words.ts
 * has the words, shared with the CSV and the printable report).
 */
import type { Rollup, RollupItem } from '../../../../../../common/contract';
import { resultWords, shownResult, SHOWN_RESULT_WORDS, type ShownResult } from '../../../../../../common/result-words';
import type { PillTone } from '../../../components/StatusPill';

export const SHOWN_RESULT_TONES: Record<ShownResult, PillTone> = {
  met: 'success',
  waived: 'information',
  na: 'neutral',
  not_met: 'danger',
  not_assessed: 'warning',
};

/** The pill's word and tone for an item: "Waived" for an item a waiver decided. */
export function resultPill(item: Pick<RollupItem, 'result' | 'waivedBy'>): { words: string; tone: PillTone } {
  const shown = shownResult(item);
  return { words: SHOWN_RESULT_WORDS[shown], tone: SHOWN_RESULT_TONES[shown] };
}

/**
 * The full words when they say more than the pill: "Waived: Group SOC, by ana, on 2026-03-02" or
 * "N/A: We run no Windows hosts"; undefined otherwise.
 */
export function resultDetail(item: RollupItem): string | undefined {
  const words = resultWords(item);
  return words === SHOWN_RESULT_WORDS[shownResult(item)] ? undefined : words;
}

/**
 * "50 met · 3 waived · 2 N/A · 1 not met · 5 not assessed · 61 items". An older cached rollup
 * without `waived` counted waived items in `met`; it then reads "met or waived", which is true.
 */
export function countsLine(counts: Rollup['counts']): string {
  const met = counts.waived === undefined ? `${counts.met} met or waived` : `${counts.met} met · ${counts.waived} waived`;
  return `${met} · ${counts.na} N/A · ${counts.notMet} not met · ${counts.notAssessed} not assessed · ${counts.total} items`;
}
