/**
 * What an auditor would catch in the evidence: items claimed met with nothing (or nothing accepted)
 * behind them, and evidence that has expired or will before the audit. Plus strict mode, where an
 * item only counts as met with accepted evidence in force.
 */
import { assertCalendarDate, expiryStatus, isInForce } from './evidence-dates';
import type { EvidenceEntry, EvidenceFieldValue, IsoDate } from './evidence-types';
import type { ItemResult } from './types';

export const EVIDENCE_RISK_KINDS = ['met-without-evidence', 'only-rejected-evidence', 'evidence-expired', 'evidence-expiring', 'evidence-expires-before-audit'] as const;
export type EvidenceRiskKind = (typeof EVIDENCE_RISK_KINDS)[number];

/** One item's evidence as the risk check needs it. */
export interface ItemEvidence {
  itemId: string;
  result: ItemResult;
  /** The item's evidence field; absent or null when the field is empty. */
  evidence?: EvidenceFieldValue | null;
}

export interface EvidenceRisk {
  itemId: string;
  kind: EvidenceRiskKind;
  /** Plain words for the Audit page, saying what to do. */
  detail: string;
  /** The expiry date, for `evidence-expired` and `evidence-expiring`. */
  date?: IsoDate;
  /** The entry concerned, for `evidence-expired` and `evidence-expiring`. */
  entryId?: string;
}

export interface RiskOptions {
  /** An expiry this many days ahead or fewer (today included) is `evidence-expiring`. Default 30. */
  expiringWithinDays?: number;
}

const quoted = (entry: EvidenceEntry) => `"${entry.title}"`;

function daysText(days: number): string {
  if (days === 0) return 'today';
  return days === 1 ? 'tomorrow' : `in ${days} days`;
}

function itemRisks(item: ItemEvidence, today: IsoDate, withinDays: number): EvidenceRisk[] {
  const entries = item.evidence?.entries ?? [];
  const risks: EvidenceRisk[] = [];
  const { itemId } = item;
  if (item.result === 'met' && entries.length === 0) {
    risks.push({ itemId, kind: 'met-without-evidence', detail: 'Met but has no evidence; add what an auditor will ask to see.' });
  } else if (item.result === 'met' && entries.every((e) => e.reviewState === 'rejected')) {
    const n = entries.length;
    risks.push({
      itemId,
      kind: 'only-rejected-evidence',
      detail: `Met but ${n === 1 ? 'its only evidence was' : `all ${n} evidence entries were`} rejected; add evidence a reviewer can accept.`,
    });
  }
  for (const entry of entries) {
    if (entry.reviewState === 'rejected') continue;
    const status = expiryStatus(entry, today, withinDays);
    if (status.state === 'expired') {
      risks.push({
        itemId,
        kind: 'evidence-expired',
        detail: `${quoted(entry)} expired on ${status.expiryDate}; add a current version or remove it.`,
        date: status.expiryDate,
        entryId: entry.id,
      });
    } else if (status.state === 'expiring') {
      risks.push({
        itemId,
        kind: 'evidence-expiring',
        detail: `${quoted(entry)} expires ${daysText(status.daysLeft)} (${status.expiryDate}); renew it before the audit.`,
        date: status.expiryDate,
        entryId: entry.id,
      });
    }
  }
  return risks;
}

/**
 * The evidence risks across items, in item order, on `today`:
 * - `met-without-evidence`: result `met`, no entries at all.
 * - `only-rejected-evidence`: result `met`, every entry rejected. (Pending evidence is not a risk
 *   here: it is waiting for review; strict mode is where it does not count yet.)
 * - `evidence-expired` / `evidence-expiring`: one per entry not rejected whose expiry date has
 *   passed / is 0 … `expiringWithinDays` days away (both ends included; an expiry date of today is
 *   still valid, so it is "expiring", not "expired"). Checked for every result except `na`, since
 *   an item in progress will need its evidence current on audit day too.
 *
 * @example
 * evidenceRisks([{ itemId: '8.3', result: 'met' }], '2026-03-01');
 * // → [{ itemId: '8.3', kind: 'met-without-evidence', detail: 'Met but has no evidence; add what an auditor will ask to see.' }]
 */
export function evidenceRisks(items: readonly ItemEvidence[], today: IsoDate, { expiringWithinDays = 30 }: RiskOptions = {}): EvidenceRisk[] {
  assertCalendarDate(today, 'today');
  return items.filter((item) => item.result !== 'na').flatMap((item) => itemRisks(item, today, expiringWithinDays));
}

/**
 * Strict mode: whether the evidence alone lets an item count as met on `today`. True only with at
 * least one accepted entry in force: its expiry date (if any) is today or later (the expiry date
 * is its last valid day) and its effective date (if any) is today or earlier (a policy that takes
 * effect next month is not evidence today).
 *
 * @example
 * isMetUnderStrictMode(value, '2026-03-01'); // → true when an accepted entry expires on 2026-03-01 or later
 * isMetUnderStrictMode(null, '2026-03-01');  // → false
 */
export function isMetUnderStrictMode(evidence: EvidenceFieldValue | null | undefined, today: IsoDate): boolean {
  assertCalendarDate(today, 'today');
  return (evidence?.entries ?? []).some((entry) => entry.reviewState === 'accepted' && isInForce(entry, today));
}

/**
 * Evidence still valid today whose expiry falls before the audit date, beyond the
 * `expiringWithinDays` window (nearer expiries are `evidence-expiring` already): one
 * `evidence-expires-before-audit` risk per entry not rejected whose expiry date (its last valid day)
 * is before `auditDate`. Items answered N/A are skipped, as in {@link evidenceRisks}.
 *
 * @example
 * expiresBeforeAuditRisks([{ itemId: '8.3', result: 'met', evidence }], '2026-03-01', '2026-06-30');
 * // → [{ itemId: '8.3', kind: 'evidence-expires-before-audit', detail: '"Patch policy" expires on 2026-05-15, before the audit on 2026-06-30; renew it in time.', date: '2026-05-15', entryId: 'a' }]
 */
export function expiresBeforeAuditRisks(items: readonly ItemEvidence[], today: IsoDate, auditDate: IsoDate, { expiringWithinDays = 30 }: RiskOptions = {}): EvidenceRisk[] {
  assertCalendarDate(today, 'today');
  assertCalendarDate(auditDate, 'auditDate');
  return items
    .filter((item) => item.result !== 'na')
    .flatMap((item) =>
      (item.evidence?.entries ?? []).flatMap((entry): EvidenceRisk[] => {
        if (entry.reviewState === 'rejected' || entry.expiryDate === undefined || entry.expiryDate >= auditDate) return [];
        if (expiryStatus(entry, today, expiringWithinDays).state !== 'valid') return [];
        return [
          {
            itemId: item.itemId,
            kind: 'evidence-expires-before-audit',
            detail: `${quoted(entry)} expires on ${entry.expiryDate}, before the audit on ${auditDate}; renew it in time.`,
            date: entry.expiryDate,
            entryId: entry.id,
          },
        ];
      }),
    );
}
