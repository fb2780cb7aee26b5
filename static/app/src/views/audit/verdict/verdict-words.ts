/** What the verdict is and what it stands on, in words: pure, so each sentence is tested once. */
import type { Rollup } from '../../../../../../common/contract';

/** Whose decision the verdict is not, by the program the checklist belongs to. */
function decider(rollup: Pick<Rollup, 'checklistId' | 'checklistName'>): string {
  if (rollup.checklistId.startsWith('aws-msp') || /\bAWS\b/.test(rollup.checklistName)) return 'AWS’s decision: AWS decides after its own review and the third-party audit';
  if (/MSPAlliance/i.test(rollup.checklistName)) return 'the examiner’s decision: an independent examiner issues the report';
  return 'the certifying body’s decision';
}

/**
 * @example
 * verdictSentence({ checklistId: 'aws-msp-7.1', checklistName: 'AWS MSP Validation Checklist', version: '7.1' });
 * // 'The verdict is readiness against AWS MSP Validation Checklist 7.1: whether you would pass if the audit were today, …'
 */
export function verdictSentence(rollup: Pick<Rollup, 'checklistId' | 'checklistName' | 'version'>): string {
  return `The verdict is readiness against ${rollup.checklistName} ${rollup.version}: whether you would pass if the audit were today, judged item by item from your Jira issues, evidence and waivers. It is not ${decider(rollup)}.`;
}

/** What an unmet mandatory item costs under the points model; undefined under met (it only blocks the pass). */
export function penaltySentence(rollup: Pick<Rollup, 'model' | 'mandatoryPenalty'>): string | undefined {
  const penalty = rollup.mandatoryPenalty;
  if (rollup.model !== 'points' || penalty === undefined) return undefined;
  if (penalty.max === 0) return 'An unmet mandatory item costs no points on this checklist: it only shows as open.';
  if (penalty.min === penalty.max) return `Each unmet mandatory item costs ${penalty.max} points off the score (the checklist’s penalty).`;
  return `Each unmet mandatory item costs between ${penalty.min} and ${penalty.max} points off the score (the checklist’s penalties).`;
}

/** The items answered N/A in a way the checklist does not allow, counted as not met. */
export function naRefusedSentence(ids: readonly string[] | undefined): string | undefined {
  if (!ids || ids.length === 0) return undefined;
  const list = ids.length > 8 ? `${ids.slice(0, 8).join(', ')} and ${ids.length - 8} more` : ids.join(', ');
  return `${ids.length === 1 ? 'Item' : 'Items'} ${list} ${ids.length === 1 ? 'is' : 'are'} answered N/A in a way this checklist does not allow (no exemption covers ${ids.length === 1 ? 'it' : 'them'}, or the justification is missing), so ${ids.length === 1 ? 'it counts' : 'they count'} as not met. Answer met or not met, give the justification, or apply the exemption that covers ${ids.length === 1 ? 'it' : 'them'}.`;
}
