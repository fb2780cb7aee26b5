/**
 * Waived and N/A as results of their own on the Audit page: the pill, the detail line and the
 * counts line say "Waived" where a waiver decided the result, never "Met" (common/result-words.ts
 * has the words, shared with the CSV and the printable report).
 */
import type { Rollup, RollupItem } from '../../../../../../common/contract';
import { resultWords, shownResult, type ShownResult } from '../../../../../../common/result-words';
import type { PillTone } from '../../../components/StatusPill';
import { auditEnglish } from '../messages';
import type { AuditMessages } from '../messages.en';

export const SHOWN_RESULT_TONES: Record<ShownResult, PillTone> = {
  met: 'success',
  waived: 'information',
  na: 'neutral',
  not_met: 'danger',
  not_assessed: 'warning',
};

/** The pill's word and tone for an item: "Waived" for an item a waiver decided. */
export function resultPill(item: Pick<RollupItem, 'result' | 'waivedBy'>, t: AuditMessages = auditEnglish()): { words: string; tone: PillTone } {
  const shown = shownResult(item);
  return { words: t.results[shown], tone: SHOWN_RESULT_TONES[shown] };
}

/**
 * The full words when they say more than the pill: "Waived: Group SOC, by ana, on 2026-03-02" or
 * "N/A: We run no Windows hosts"; undefined otherwise.
 */
export function resultDetail(item: RollupItem, t: AuditMessages = auditEnglish()): string | undefined {
  const words = resultWordsIn(item, t);
  return words === t.results[shownResult(item)] ? undefined : words;
}

/** common/result-words' `resultWords` in the user's language (the CSV and report keep English). */
export function resultWordsIn(item: Parameters<typeof resultWords>[0], t: AuditMessages = auditEnglish()): string {
  const shown = shownResult(item);
  if (shown === 'waived') return t.waivedDetail(item.waivedBy ?? '', item.waiverAppliedBy, item.waiverAppliedAt);
  const justification = item.justification?.trim();
  if (shown === 'na' && justification) return t.naDetail(justification);
  return t.results[shown];
}

/**
 * "50 met · 3 waived · 2 N/A · 1 not met · 5 not assessed · 61 items". An older cached rollup
 * without `waived` counted waived items in `met`; it then reads "met or waived", which is true.
 */
export function countsLine(counts: Rollup['counts'], t: AuditMessages = auditEnglish()): string {
  const met = counts.waived === undefined ? t.countsMetOrWaived(counts.met) : t.countsMet(counts.met, counts.waived);
  return t.counts(met, counts.na, counts.notMet, counts.notAssessed, counts.total);
}
