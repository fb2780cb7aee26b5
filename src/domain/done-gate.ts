/**
 * "Done means evidenced" (issue 23): whether a checklist item's issue may move to a status of the
 * done category. Pure: the caller reads the verdict data, the waivers and the settings and passes
 * them in with today's date.
 *
 * An item may be Done when one of these holds:
 * - accepted evidence in force: at least one entry accepted, its effective date come and its expiry
 *   date not passed, and (where four eyes is on) reviewed by someone other than who added it;
 * - N/A with its justification, when the configuration lets N/A count and the checklist's N/A rule
 *   accepts the recorded answer (a checklist that allows N/A only through exemptions needs a waiver);
 * - a waiver in force covering the item or its chapter.
 *
 * The configuration (saved on the validator by a Jira admin) says which items the gate covers
 * (mandatory only, the default, or every item) and whether N/A counts (default: yes).
 */
import { checkNaAnswer } from './na-rule';
import { isInForce } from './evidence-dates';
import type { EvidenceEntry, IsoDate } from './evidence-types';
import type { ChecklistDefinition, ChecklistItem } from './types';
import type { DoneGateConfig } from '../../common/gate-config';

export { DEFAULT_GATE_CONFIG, GATE_SCOPES, readGateConfig } from '../../common/gate-config';
export type { DoneGateConfig, GateConfigReading, GateScope } from '../../common/gate-config';

/** A waiver in force, as far as the gate needs it. */
export interface GateWaiver {
  name: string;
  items: readonly string[];
  chapters: readonly string[];
}

export interface DoneGateInput {
  def: ChecklistDefinition;
  item: ChecklistItem;
  evidence: readonly EvidenceEntry[];
  /** The assessment in force (from the app's evidence field), if any. */
  assessment: { result: string | null; justification?: string } | undefined;
  waivers: readonly GateWaiver[];
  fourEyes: boolean;
  today: IsoDate;
  config: DoneGateConfig;
}

export type DoneGateDecision =
  | { allowed: true; because: 'not-gated' | 'evidence' | 'na' | 'waiver' }
  | { allowed: false; message: string };

/** Whether the item may move to a done-category status, and if not, what is missing. */
export function doneGate(input: DoneGateInput): DoneGateDecision {
  const { item, config } = input;
  if (config.scope === 'mandatory' && !item.mandatory) return { allowed: true, because: 'not-gated' };
  if (input.waivers.some((w) => w.items.includes(item.id) || w.chapters.includes(item.chapterId))) return { allowed: true, because: 'waiver' };
  const counted = input.evidence.filter((entry) => countsAsAccepted(entry, input.today, input.fourEyes));
  if (counted.length > 0) return { allowed: true, because: 'evidence' };
  if (config.naCounts && input.assessment?.result === 'na' && checkNaAnswer(input.def, item, input.assessment.justification).ok) {
    return { allowed: true, because: 'na' };
  }
  return { allowed: false, message: `${item.id} ${item.title} can't be Done yet: ${missing(input)}` };
}

function countsAsAccepted(entry: EvidenceEntry, today: IsoDate, fourEyes: boolean): boolean {
  if (entry.reviewState !== 'accepted' || !isInForce(entry, today)) return false;
  return !fourEyes || (entry.reviewer !== undefined && entry.reviewer !== entry.addedBy);
}

function entries(count: number): string {
  return count === 1 ? 'its evidence entry is' : `its ${count} evidence entries are`;
}

/** What is missing, in one sentence a person can act on. */
function missing(input: DoneGateInput): string {
  const { evidence, today, fourEyes } = input;
  const reasons: string[] = [];
  const pending = evidence.filter((e) => e.reviewState === 'pending').length;
  const rejected = evidence.filter((e) => e.reviewState === 'rejected').length;
  const accepted = evidence.filter((e) => e.reviewState === 'accepted');
  const expired = accepted.filter((e) => e.expiryDate !== undefined && e.expiryDate < today).length;
  const notYet = accepted.filter((e) => e.effectiveDate !== undefined && e.effectiveDate > today).length;
  const selfReviewed = fourEyes ? accepted.filter((e) => isInForce(e, today) && (e.reviewer === undefined || e.reviewer === e.addedBy)).length : 0;
  if (evidence.length === 0) reasons.push('it has no evidence');
  if (evidence.length > 0 && pending === evidence.length) reasons.push(`${entries(pending)} pending review`);
  else if (pending > 0) reasons.push(`${pending} pending review`);
  if (rejected > 0) reasons.push(`${rejected} rejected`);
  if (expired > 0) reasons.push(`${expired} accepted but expired`);
  if (notYet > 0) reasons.push(`${notYet} accepted but not yet in force`);
  if (selfReviewed > 0) reasons.push(`${selfReviewed} accepted only by who added it (four eyes: someone else must review it)`);
  if (evidence.length > 0 && pending !== evidence.length) reasons[0] = `of its ${evidence.length} evidence ${evidence.length === 1 ? 'entry' : 'entries'}, ${reasons[0] ?? ''}`;
  const na = naNote(input);
  return `${reasons.join(', ')}.${na ? ` ${na}` : ''} It needs accepted evidence in force${input.config.naCounts ? ', a justified N/A' : ''} or a waiver.`;
}

function naNote(input: DoneGateInput): string | undefined {
  if (input.assessment?.result !== 'na') return undefined;
  if (!input.config.naCounts) return 'N/A does not count toward Done under this validator\'s configuration.';
  const check = checkNaAnswer(input.def, input.item, input.assessment.justification);
  return check.ok ? undefined : check.message;
}
