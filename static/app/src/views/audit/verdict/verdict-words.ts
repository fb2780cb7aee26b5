/** What the verdict is and what it stands on, in words: pure, so each sentence is tested once (English unless given the user's catalogue). */
import { auditEnglish } from '../messages';
import type { AuditMessages } from '../messages.en';
import type { Rollup } from '../../../../../../common/contract';

/** Whose decision the verdict is not, by the program the checklist belongs to. */
function decider(rollup: Pick<Rollup, 'checklistId' | 'checklistName'>, t: AuditMessages): string {
  if (rollup.checklistId.startsWith('aws-msp') || /\bAWS\b/.test(rollup.checklistName)) return t.deciderAws;
  if (/MSPAlliance/i.test(rollup.checklistName)) return t.deciderExaminer;
  return t.deciderBody;
}

/**
 * @example
 * verdictSentence({ checklistId: 'aws-msp-7.1', checklistName: 'AWS MSP Validation Checklist', version: '7.1' });
 * // 'The verdict is readiness against AWS MSP Validation Checklist 7.1: whether you would pass if the audit were today, …'
 */
export function verdictSentence(rollup: Pick<Rollup, 'checklistId' | 'checklistName' | 'version'>, t: AuditMessages = auditEnglish()): string {
  return t.verdictSentence(`${rollup.checklistName} ${rollup.version}`, decider(rollup, t));
}

/** What an unmet mandatory item costs under the points model; undefined under met (it only blocks the pass). */
export function penaltySentence(rollup: Pick<Rollup, 'model' | 'mandatoryPenalty'>, t: AuditMessages = auditEnglish()): string | undefined {
  const penalty = rollup.mandatoryPenalty;
  if (rollup.model !== 'points' || penalty === undefined) return undefined;
  if (penalty.max === 0) return t.penaltyNone;
  if (penalty.min === penalty.max) return t.penaltyEach(penalty.max);
  return t.penaltyBetween(penalty.min, penalty.max);
}

/** The items answered N/A in a way the checklist does not allow, counted as not met. */
export function naRefusedSentence(ids: readonly string[] | undefined, t: AuditMessages = auditEnglish()): string | undefined {
  if (!ids || ids.length === 0) return undefined;
  const list = ids.length > 8 ? t.andMore(ids.slice(0, 8).join(', '), ids.length - 8) : ids.join(', ');
  return t.naRefused(ids.length, list);
}
