import { evidenceValue, expiresBeforeAuditRisks, type EvidenceEntry, type ItemEvidence } from '../../../src/domain/evidence';
import { expiresBeforeAuditRisks as direct } from '../../../src/domain/evidence-risk';

/** The frozen "today" of every case. */
const TODAY = '2026-03-01';
const AUDIT = '2026-06-30';

const entry = (id: string, overrides: Partial<EvidenceEntry> = {}): EvidenceEntry => ({
  id,
  kind: 'document',
  title: `Doc ${id}`,
  addedAt: '2026-01-01T00:00:00.000Z',
  addedBy: 'alice',
  reviewState: 'accepted',
  ...overrides,
});
const itemWith = (result: ItemEvidence['result'], ...entries: EvidenceEntry[]): ItemEvidence => ({ itemId: '8.3', result, evidence: evidenceValue(entries) });

describe('expiresBeforeAuditRisks', () => {
  it.each([
    ['expires the day before the audit', '2026-06-29', 1],
    ['expires on the audit day (still valid that day)', '2026-06-30', 0],
    ['expires after the audit', '2026-07-15', 0],
    ['expires within 30 days: already "expiring"', '2026-03-31', 0],
    ['expires in 31 days', '2026-04-01', 1],
    ['has expired: already "expired"', '2026-02-28', 0],
  ])('an entry that %s', (_name, expiryDate, count) => {
    const risks = expiresBeforeAuditRisks([itemWith('met', entry('a', { expiryDate }))], TODAY, AUDIT);
    expect(risks).toHaveLength(count);
    if (count === 1) {
      expect(risks[0]).toEqual({
        itemId: '8.3',
        kind: 'evidence-expires-before-audit',
        detail: `"Doc a" expires on ${expiryDate}, before the audit on ${AUDIT}; renew it in time.`,
        date: expiryDate,
        entryId: 'a',
      });
    }
  });

  it('skips rejected entries, entries without expiry and N/A items; checks open items too', () => {
    const expiry = { expiryDate: '2026-05-01' };
    expect(expiresBeforeAuditRisks([itemWith('met', entry('a', { ...expiry, reviewState: 'rejected' }), entry('b'))], TODAY, AUDIT)).toEqual([]);
    expect(expiresBeforeAuditRisks([itemWith('na', entry('a', expiry))], TODAY, AUDIT)).toEqual([]);
    expect(expiresBeforeAuditRisks([itemWith('not_assessed', entry('a', { ...expiry, reviewState: 'pending' }))], TODAY, AUDIT)).toHaveLength(1);
    expect(direct).toBe(expiresBeforeAuditRisks);
  });

  it('honours a different expiring window and refuses a bad date', () => {
    expect(expiresBeforeAuditRisks([itemWith('met', entry('a', { expiryDate: '2026-03-10' }))], TODAY, AUDIT, { expiringWithinDays: 5 })).toHaveLength(1);
    expect(() => expiresBeforeAuditRisks([], TODAY, '2026-02-30')).toThrow();
  });
});
