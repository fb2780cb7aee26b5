/**
 * The proof behind a waiver: a named exemption ("SOC 2 or ISO 27001", "AWS DevOps Competency")
 * holds only while the certificate or report that grants it is current, so the person applying it
 * attaches that proof, and the waiver lapses when the proof expires.
 *
 * Choices made here:
 * - The proof is an evidence-like record (kind, title, url or note saying where the auditor finds
 *   it, effective date, expiry date) checked with the evidence rules (evidence-validate.ts), which
 *   use the one free-text rule. Both dates are required: a proof without an end is not a proof of
 *   something current. `attachment` is refused: an attachment lives on one issue, a waiver on none.
 * - A named waiver needs its proof. A team's own (custom) waiver may carry one: when it does, it
 *   lapses the same way; without one it stays in force until removed, as before.
 * - The expiry date is the proof's last valid day (as for evidence). The waiver lapses the day
 *   after: that day is its "lapse date", and from it scoring no longer applies it.
 * - Waivers applied before proof was asked for have none: they stay applied (removing an
 *   exemption the team relied on would change the score behind their backs), and a named one shows
 *   the risk "no proof on record" until it is applied again with its proof.
 * - Risks: `waiver-expiring` from 30 days before the lapse date, `waiver-lapsed` from it on.
 */
import { checkEvidenceInput } from './evidence-validate';
import { daysBetween, isCalendarDate } from './evidence-dates';
import type { EvidenceKind, IsoDate } from './evidence-types';
import { isRecord } from './records';
import type { AppliedWaiver, ChecklistDefinition } from './types';

/** The proof stored with a waiver. */
export interface WaiverProof {
  kind: Exclude<EvidenceKind, 'attachment'>;
  title: string;
  url?: string;
  note?: string;
  /** YYYY-MM-DD: the day the certificate or report took effect. */
  effectiveDate: IsoDate;
  /** YYYY-MM-DD: its last valid day. */
  expiryDate: IsoDate;
}

export const WAIVER_RISK_KINDS = ['waiver-expiring', 'waiver-lapsed', 'waiver-no-proof'] as const;
export type WaiverRiskKind = (typeof WAIVER_RISK_KINDS)[number];

export interface WaiverRisk {
  /** The first item the waiver covers (checklist order), so the risk sits with an item like the others. */
  itemId: string;
  waiverId: string;
  kind: WaiverRiskKind;
  detail: string;
  /** The lapse date, for `waiver-expiring` and `waiver-lapsed`. */
  date?: IsoDate;
}

const PROOF_FIELDS = ['kind', 'title', 'url', 'note', 'effectiveDate', 'expiryDate'] as const;

/**
 * Checks the proof a person sends with a waiver, on `today`: every problem in words that say what
 * to fix ("Proof expiryDate: required: …"), or the cleaned proof.
 *
 * @example
 * checkWaiverProof({ kind: 'document', title: 'ISO 27001 certificate', url: 'https://trust.example/iso.pdf',
 *   effectiveDate: '2025-06-01', expiryDate: '2028-05-31' }, '2026-03-01');
 * // → { ok: true, value: { kind: 'document', title: 'ISO 27001 certificate', url: '…', effectiveDate: '2025-06-01', expiryDate: '2028-05-31' } }
 */
export function checkWaiverProof(raw: unknown, today: IsoDate): { ok: true; value: WaiverProof } | { ok: false; problems: string[] } {
  if (!isRecord(raw)) {
    return { ok: false, problems: ['Attach the proof: a title, a link or a note saying where the auditor finds it, and its effective and expiry dates.'] };
  }
  const problems: string[] = [];
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) {
    if ((PROOF_FIELDS as readonly string[]).includes(key)) fields[key] = raw[key];
    else problems.push(`Proof ${key.length > 40 ? `${key.slice(0, 40)}…` : key}: is not a proof field; use only ${PROOF_FIELDS.join(', ')}`);
  }
  if (fields.kind === 'attachment') {
    problems.push('Proof kind: an attachment belongs to one issue and a waiver to none; link to the document, or say in a note where the auditor finds it');
    delete fields.kind;
  }
  for (const date of ['effectiveDate', 'expiryDate'] as const) {
    if (fields[date] === undefined || fields[date] === null || (typeof fields[date] === 'string' && fields[date].trim() === '')) {
      problems.push(
        date === 'expiryDate'
          ? 'Proof expiryDate: required: the last day the certificate or report is valid (YYYY-MM-DD); the waiver lapses after it'
          : 'Proof effectiveDate: required: the day the certificate or report took effect (YYYY-MM-DD)',
      );
      delete fields[date];
    }
  }
  const checked = checkEvidenceInput(fields);
  if (!checked.ok) problems.push(...checked.problems.map((problem) => `Proof ${problem.field}: ${problem.message}`));
  if (problems.length > 0 || !checked.ok) return { ok: false, problems };
  const { kind, title, url, note, effectiveDate, expiryDate } = checked.value;
  if (kind === 'attachment' || effectiveDate === undefined || expiryDate === undefined) return { ok: false, problems: ['Proof: incomplete'] };
  if (expiryDate < today) {
    return { ok: false, problems: [`Proof expiryDate: the proof expired on ${expiryDate}; attach the current certificate or report`] };
  }
  return { ok: true, value: { kind, title, ...(url !== undefined ? { url } : {}), ...(note !== undefined ? { note } : {}), effectiveDate, expiryDate } };
}

/**
 * The first day a waiver with this proof no longer counts: the day after the proof's expiry date.
 *
 * @example
 * proofLapseDate({ expiryDate: '2026-03-31' }); // '2026-04-01'
 */
export function proofLapseDate(proof: Pick<WaiverProof, 'expiryDate'>): IsoDate {
  const [y, m, d] = proof.expiryDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Whether a waiver with this proof has lapsed on `today` (no proof: never). */
export function hasLapsed(record: { proof?: WaiverProof }, today: IsoDate): boolean {
  return record.proof !== undefined && today >= proofLapseDate(record.proof);
}

/**
 * The words scoring gives an item a lapsed waiver no longer covers.
 *
 * @example
 * lapsedWords('SOC 2 or ISO 27001', '2026-04-01'); // 'Waiver SOC 2 or ISO 27001 lapsed on 2026-04-01: its proof expired'
 */
export function lapsedWords(name: string, lapsedOn: IsoDate): string {
  return `Waiver ${name} lapsed on ${lapsedOn}: its proof expired`;
}

/**
 * Marks the waivers whose proof expired before `today` (`lapsedOn`), for scoring: a lapsed one no
 * longer decides any result, and the items it covered say why they count on their own again.
 *
 * @example
 * withLapses(toApplied, records, '2026-04-01'); // the SOC 2 waiver gets lapsedOn: '2026-04-01'
 */
export function withLapses(applied: AppliedWaiver[], records: readonly { id: string; proof?: WaiverProof }[], today: IsoDate): AppliedWaiver[] {
  const proofs = new Map(records.map((record) => [record.id, record.proof]));
  return applied.map((waiver) => {
    const proof = proofs.get(waiver.id);
    return proof !== undefined && hasLapsed({ proof }, today) ? { ...waiver, lapsedOn: proofLapseDate(proof) } : waiver;
  });
}

/**
 * The audit risks of the waivers in force on `today`: lapsed, lapsing within `withinDays` days
 * (default 30), or a named waiver with no proof on record. In the order the waivers were applied.
 *
 * @example
 * waiverRisks([soc2WithProofExpiring20260331], def, '2026-03-10');
 * // [{ itemId: '8.1', waiverId: 'soc2-iso27001', kind: 'waiver-expiring', date: '2026-04-01', detail: 'Waiver SOC 2 or ISO 27001 lapses in 22 days (2026-04-01): …' }]
 */
export function waiverRisks(
  records: readonly { id: string; source: 'named' | 'custom'; name: string; items: string[]; chapters: string[]; proof?: WaiverProof }[],
  def: Pick<ChecklistDefinition, 'items'>,
  today: IsoDate,
  withinDays = 30,
): WaiverRisk[] {
  if (!isCalendarDate(today)) throw new RangeError(`today must be a date written YYYY-MM-DD, not ${String(today)}`);
  const risks: WaiverRisk[] = [];
  for (const record of records) {
    const covered = def.items.filter((item) => record.items.includes(item.id) || record.chapters.includes(item.chapterId)).map((item) => item.id);
    const itemId = covered[0] ?? record.items[0] ?? record.chapters[0] ?? record.id;
    const what = covered.length > 6 ? `${covered.slice(0, 6).join(', ')} and ${covered.length - 6} more` : covered.join(', ');
    const base = { itemId, waiverId: record.id };
    const own = covered.length === 1 ? `${what} counts on its own` : `${what} count on their own`;
    if (record.proof === undefined) {
      if (record.source === 'named') {
        risks.push({
          ...base,
          kind: 'waiver-no-proof',
          detail: `Waiver ${record.name} has no proof on record (applied before proof was asked for); it still counts. Remove it and apply it again with its certificate or report and expiry date.`,
        });
      }
      continue;
    }
    const lapse = proofLapseDate(record.proof);
    const daysLeft = daysBetween(today, lapse);
    if (daysLeft <= 0) {
      risks.push({ ...base, kind: 'waiver-lapsed', date: lapse, detail: `${lapsedWords(record.name, lapse)} ("${record.proof.title}"); ${own}. Apply it again with current proof, or meet ${covered.length === 1 ? 'it' : 'them'}.` });
    } else if (daysLeft <= withinDays) {
      risks.push({
        ...base,
        kind: 'waiver-expiring',
        date: lapse,
        detail: `Waiver ${record.name} lapses ${daysLeft === 1 ? 'tomorrow' : `in ${daysLeft} days`} (${lapse}): its proof "${record.proof.title}" is valid until ${record.proof.expiryDate}. Renew it before the audit, or ${own}.`,
      });
    }
  }
  return risks;
}
