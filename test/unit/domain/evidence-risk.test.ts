import {
  EvidenceError,
  daysBetween,
  evidenceRisks,
  evidenceValue,
  expiryStatus,
  isCalendarDate,
  isMetUnderStrictMode,
  type EvidenceEntry,
  type EvidenceRisk,
  type ItemEvidence,
} from '../../../src/domain/evidence';
import type { ItemResult } from '../../../src/domain/types';

/** The frozen "today" of every case. */
const TODAY = '2026-03-01';

const entry = (id: string, overrides: Partial<EvidenceEntry> = {}): EvidenceEntry => ({
  id,
  kind: 'document',
  title: `Doc ${id}`,
  url: `https://x.example/${id}`,
  addedAt: '2026-02-01T09:00:00.000Z',
  addedBy: 'alice',
  reviewState: 'pending',
  ...overrides,
});
const ok = (id: string, overrides: Partial<EvidenceEntry> = {}) => entry(id, { reviewState: 'accepted', reviewer: 'bob', ...overrides });
const no = (id: string, overrides: Partial<EvidenceEntry> = {}) => entry(id, { reviewState: 'rejected', reviewer: 'bob', ...overrides });

const item = (result: ItemResult, ...entries: EvidenceEntry[]): ItemEvidence => ({ itemId: '8.3', result, evidence: evidenceValue(entries) });

describe('evidenceRisks', () => {
  describe('when an item is met', () => {
    it.each<[string, ItemEvidence, EvidenceRisk[]]>([
      ['without an evidence field', { itemId: '8.3', result: 'met' }, [{ itemId: '8.3', kind: 'met-without-evidence', detail: 'Met but has no evidence; add what an auditor will ask to see.' }]],
      ['with a null field', { itemId: '8.3', result: 'met', evidence: null }, [{ itemId: '8.3', kind: 'met-without-evidence', detail: 'Met but has no evidence; add what an auditor will ask to see.' }]],
      ['with no entries', item('met'), [{ itemId: '8.3', kind: 'met-without-evidence', detail: 'Met but has no evidence; add what an auditor will ask to see.' }]],
      ['with its only evidence rejected', item('met', no('a')), [{ itemId: '8.3', kind: 'only-rejected-evidence', detail: 'Met but its only evidence was rejected; add evidence a reviewer can accept.' }]],
      [
        'with every entry rejected',
        item('met', no('a'), no('b')),
        [{ itemId: '8.3', kind: 'only-rejected-evidence', detail: 'Met but all 2 evidence entries were rejected; add evidence a reviewer can accept.' }],
      ],
      ['with one accepted entry', item('met', ok('a'), no('b')), []],
      ['with pending evidence only (waiting for review, not a risk)', item('met', entry('a')), []],
    ])('%s', (_label, input, risks) => {
      expect(evidenceRisks([input], TODAY)).toEqual(risks);
    });
  });

  describe('when an item is not met', () => {
    it.each<ItemResult>(['not_met', 'not_assessed', 'na'])('reports no missing-evidence risk for %s', (result) => {
      expect(evidenceRisks([item(result), item(result, no('a'))], TODAY)).toEqual([]);
    });
  });

  describe('when evidence expires', () => {
    it.each<[string, string, EvidenceRisk[]]>([
      ['yesterday', '2026-02-28', [{ itemId: '8.3', kind: 'evidence-expired', detail: '"Doc a" expired on 2026-02-28; add a current version or remove it.', date: '2026-02-28', entryId: 'a' }]],
      ['today (its last valid day)', '2026-03-01', [{ itemId: '8.3', kind: 'evidence-expiring', detail: '"Doc a" expires today (2026-03-01); renew it before the audit.', date: '2026-03-01', entryId: 'a' }]],
      ['tomorrow', '2026-03-02', [{ itemId: '8.3', kind: 'evidence-expiring', detail: '"Doc a" expires tomorrow (2026-03-02); renew it before the audit.', date: '2026-03-02', entryId: 'a' }]],
      ['in exactly 30 days', '2026-03-31', [{ itemId: '8.3', kind: 'evidence-expiring', detail: '"Doc a" expires in 30 days (2026-03-31); renew it before the audit.', date: '2026-03-31', entryId: 'a' }]],
      ['in 31 days', '2026-04-01', []],
    ])('reports an accepted entry expiring %s', (_label, expiryDate, risks) => {
      expect(evidenceRisks([item('met', ok('a', { expiryDate }))], TODAY)).toEqual(risks);
    });

    it('reports pending entries too, and ignores rejected ones', () => {
      const risks = evidenceRisks([item('met', ok('a'), entry('b', { expiryDate: '2026-01-31' }), no('c', { expiryDate: '2026-01-31' }))], TODAY);
      expect(risks.map((r) => [r.kind, r.entryId])).toEqual([['evidence-expired', 'b']]);
    });

    it('reports expiry for items in progress but not for N/A items', () => {
      const risks = evidenceRisks(
        [
          { ...item('not_assessed', ok('a', { expiryDate: '2026-02-01' })), itemId: '1.1' },
          { ...item('na', ok('b', { expiryDate: '2026-02-01' })), itemId: '1.2' },
        ],
        TODAY,
      );
      expect(risks.map((r) => [r.itemId, r.kind])).toEqual([['1.1', 'evidence-expired']]);
    });

    it.each<[number, string, number]>([
      [7, '2026-03-08', 1],
      [7, '2026-03-09', 0],
      [0, '2026-03-01', 1],
      [0, '2026-03-02', 0],
    ])('with expiringWithinDays %i, an expiry on %s gives %i expiring risk(s)', (within, expiryDate, n) => {
      expect(evidenceRisks([item('met', ok('a', { expiryDate }))], TODAY, { expiringWithinDays: within })).toHaveLength(n);
    });
  });

  describe('when there are several items', () => {
    it('lists risks in item order, each item its own', () => {
      const risks = evidenceRisks(
        [
          { itemId: '2.1', result: 'met' },
          { ...item('met', no('x')), itemId: '1.4' },
          { ...item('met', ok('y', { expiryDate: '2026-03-10' }), ok('z', { expiryDate: '2025-12-31' })), itemId: '3.2' },
        ],
        TODAY,
      );
      expect(risks.map((r) => [r.itemId, r.kind, r.date])).toEqual([
        ['2.1', 'met-without-evidence', undefined],
        ['1.4', 'only-rejected-evidence', undefined],
        ['3.2', 'evidence-expiring', '2026-03-10'],
        ['3.2', 'evidence-expired', '2025-12-31'],
      ]);
    });

    it('shows a title as plain text inside the detail', () => {
      const [risk] = evidenceRisks([item('met', ok('a', { title: '<script>alert(1)</script>', expiryDate: '2026-01-01' }))], TODAY);
      expect(risk?.detail).toBe('"<script>alert(1)</script>" expired on 2026-01-01; add a current version or remove it.');
    });
  });

  describe('when today is not a calendar date', () => {
    it('throws an EvidenceError', () => {
      expect(() => evidenceRisks([], '2026-3-1')).toThrow(EvidenceError);
    });
  });
});

describe('isMetUnderStrictMode', () => {
  describe('when deciding on today', () => {
    it.each<[string, EvidenceEntry[], boolean]>([
      ['no entries', [], false],
      ['only pending evidence', [entry('a')], false],
      ['only rejected evidence', [no('a')], false],
      ['an accepted entry without expiry', [ok('a')], true],
      ['an accepted entry expiring today (still valid)', [ok('a', { expiryDate: '2026-03-01' })], true],
      ['an accepted entry that expired yesterday', [ok('a', { expiryDate: '2026-02-28' })], false],
      ['an accepted entry effective today', [ok('a', { effectiveDate: '2026-03-01' })], true],
      ['an accepted entry effective tomorrow (not in force yet)', [ok('a', { effectiveDate: '2026-03-02' })], false],
      ['an expired accepted entry next to a valid one', [ok('a', { expiryDate: '2025-01-01' }), ok('b', { expiryDate: '2027-01-01' })], true],
      ['a pending entry next to an expired accepted one', [entry('a'), ok('b', { expiryDate: '2025-01-01' })], false],
    ])('returns %s → %s', (_label, entries, expected) => {
      expect(isMetUnderStrictMode(evidenceValue(entries), TODAY)).toBe(expected);
    });

    it.each<[string, null | undefined]>([['null', null], ['undefined', undefined]])('returns false for %s', (_label, value) => {
      expect(isMetUnderStrictMode(value, TODAY)).toBe(false);
    });
  });
});

describe('isCalendarDate', () => {
  describe('when checking strings', () => {
    it.each<[unknown, boolean]>([
      ['2026-03-01', true],
      ['2028-02-29', true],
      ['2000-02-29', true],
      ['1900-02-29', false],
      ['2026-02-30', false],
      ['2026-04-31', false],
      ['0050-01-01', true],
      ['2026-3-1', false],
      [' 2026-03-01', false],
      [20260301, false],
      [null, false],
    ])('%j → %s', (value, expected) => {
      expect(isCalendarDate(value)).toBe(expected);
    });
  });
});

describe('daysBetween', () => {
  describe('when crossing months, leap days and clock changes', () => {
    it.each<[string, string, number]>([
      ['2026-03-01', '2026-03-31', 30],
      ['2026-03-01', '2026-02-28', -1],
      ['2028-02-28', '2028-03-01', 2],
      ['2026-03-28', '2026-03-30', 2],
      ['2026-12-31', '2027-01-01', 1],
    ])('%s → %s is %i days', (from, to, days) => {
      expect(daysBetween(from, to)).toBe(days);
    });
  });
});

describe('expiryStatus', () => {
  describe('when an entry has no expiry date', () => {
    it('returns no-expiry', () => {
      expect(expiryStatus({}, TODAY, 30)).toEqual({ state: 'no-expiry' });
    });
  });

  describe('when the expiry date is far ahead', () => {
    it('returns valid with the days left', () => {
      expect(expiryStatus({ expiryDate: '2026-06-01' }, TODAY, 30)).toEqual({ state: 'valid', expiryDate: '2026-06-01', daysLeft: 92 });
    });
  });
});
