/**
 * The words and figures of the Audit page, as pure functions so each sentence is tested once and
 * every component says the same thing the same way.
 */
import type { ItemResultName, Rollup, RollupItem, ScoringModelName } from '../../../../../common/contract';
import type { PillTone } from '../../components/StatusPill';
import { auditEnglish } from './messages';
import type { AuditMessages } from './messages.en';

export const verdictWords = (passed: boolean, t: AuditMessages = auditEnglish()): string => t.verdict(passed);

/**
 * The headline: "845 / 1000 — pass mark 900 — not yet" or
 * "52 of 61 met, N/A or waived — 3 mandatory open — not yet". Under the met model the score counts
 * items met, N/A or waived out of all items, and the sentence says so.
 */
export function scoreLine(rollup: Pick<Rollup, 'model' | 'score' | 'maxScore' | 'passMark' | 'passed' | 'mandatoryOpen'>, t: AuditMessages = auditEnglish()): string {
  return figuresLine(rollup.model, rollup.score, rollup.maxScore, rollup.passMark, rollup.mandatoryOpen.length, rollup.passed, t);
}

/** The same sentence for "if every item in progress is met". */
export function projectionLine(rollup: Pick<Rollup, 'model' | 'maxScore' | 'passMark' | 'projection'>, t: AuditMessages = auditEnglish()): string {
  const { score, passed, mandatoryOpen } = rollup.projection;
  return figuresLine(rollup.model, score, rollup.maxScore, rollup.passMark, mandatoryOpen.length, passed, t);
}

function figuresLine(
  model: ScoringModelName,
  score: number,
  maxScore: number,
  passMark: number | null,
  mandatoryOpen: number,
  passed: boolean,
  t: AuditMessages,
): string {
  if (model === 'points') return t.pointsLine(score, maxScore, passMark, t.verdict(passed));
  return t.metLine(score, maxScore, mandatoryOpen, t.verdict(passed));
}

/**
 * Why the score is what it is, in one sentence, so a first "-3800 / 1000" explains itself:
 * "0 points earned of 1000, minus 19 unmet mandatory items × 200 penalty (−3800)." Under the met
 * model: "5 of 59 mandatory items met, N/A or waived; the pass needs all of them."
 */
export function scoreWhyLine(rollup: Pick<Rollup, 'model' | 'maxScore' | 'items'>, t: AuditMessages = auditEnglish()): string {
  const mandatory = rollup.items.filter((item) => item.mandatory);
  if (rollup.model === 'met') {
    const done = mandatory.filter((item) => item.result === 'met' || item.result === 'na').length;
    if (mandatory.length === 0) return t.whyNoMandatory;
    return t.whyMet(done, mandatory.length);
  }
  const earned = rollup.items.reduce((sum, item) => sum + item.earned, 0);
  const costing = rollup.items.filter((item) => item.cost > 0);
  const penalty = costing.reduce((sum, item) => sum + item.cost, 0);
  if (costing.length === 0) return t.whyPointsNoPenalty(earned, rollup.maxScore);
  const first = costing[0]?.cost ?? 0;
  const uniform = costing.every((item) => item.cost === first);
  return t.whyPoints(earned, rollup.maxScore, costing.length, uniform ? first : null, penalty);
}

/** What meeting an open mandatory item is worth: its points plus the penalty it stops costing. */
export function mandatoryCostLine(model: ScoringModelName, item: Pick<RollupItem, 'points' | 'cost'>, naRule?: Rollup['naRule'], t: AuditMessages = auditEnglish()): string {
  // Where N/A comes only through a published exemption, do not suggest answering N/A.
  if (model === 'met') return naRule === 'exemptions' ? t.costExemption : t.costMet;
  return t.costPoints(item.points, item.cost);
}

export const RESULT_TONES: Record<ItemResultName, PillTone> = {
  met: 'success',
  not_met: 'danger',
  na: 'neutral',
  not_assessed: 'warning',
};

/** "just now", "2 minutes ago", "3 hours ago", "5 days ago"; a future time reads as "just now". */
export function relativeTime(iso: string, now: Date, t: AuditMessages = auditEnglish()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return t.unknownTimeAgo;
  const seconds = Math.max(0, Math.round((now.getTime() - then) / 1000));
  if (seconds < 45) return t.justNow;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t.minutesAgo(minutes);
  const hours = Math.round(minutes / 60);
  if (hours < 24) return t.hoursAgo(hours);
  return t.daysAgo(Math.round(hours / 24));
}

/** "3 items are on issues you cannot see." (issue security), or undefined when none are hidden. */
export function hiddenItemsLine(hiddenItems: number | undefined, t: AuditMessages = auditEnglish()): string | undefined {
  if (!hiddenItems || hiddenItems <= 0) return undefined;
  return t.hiddenItems(hiddenItems);
}

export const percent = (value: number, max: number): number => (max > 0 ? Math.round((value / max) * 100) : 0);
