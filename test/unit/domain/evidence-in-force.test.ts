/**
 * The evidence field's searchable in-force summary (src/domain/evidence-in-force.ts): what the cold
 * rollup read's JQL `(acceptedFrom is EMPTY OR acceptedFrom <= today) AND (acceptedUntil is EMPTY OR
 * acceptedUntil >= today)` says of a one-span value must be what isMetUnderStrictMode says of its entries.
 */
import fc from 'fast-check';
import { isMetUnderStrictMode, type EvidenceEntry } from '../../../src/domain/evidence';
import { evidenceValue } from '../../../src/domain/evidence-summary';
import { inForceSummary, type InForceSummary } from '../../../src/domain/evidence-in-force';

const entry = (reviewState: EvidenceEntry['reviewState'], effectiveDate?: string, expiryDate?: string): EvidenceEntry => ({
  id: `e-${reviewState}-${effectiveDate ?? ''}-${expiryDate ?? ''}`,
  kind: 'document',
  title: 'Policy',
  addedAt: '2026-01-01T00:00:00.000Z',
  addedBy: 'admin',
  reviewState,
  ...(effectiveDate !== undefined ? { effectiveDate } : {}),
  ...(expiryDate !== undefined ? { expiryDate } : {}),
});

/** What the cold read's search says of a value with this summary on `today` (one span only). */
const searchSays = (summary: InForceSummary, today: string): boolean =>
  summary.acceptedSpans === 1 && (summary.acceptedFrom === undefined || summary.acceptedFrom <= today) && (summary.acceptedUntil === undefined || summary.acceptedUntil >= today);

describe('inForceSummary', () => {
  it('is no span without accepted evidence; pending and rejected entries do not count', () => {
    expect(inForceSummary([])).toEqual({ inForceFormat: 1, acceptedSpans: 0 });
    expect(inForceSummary([entry('pending'), entry('rejected', '2026-01-01', '2026-02-01')])).toEqual({ inForceFormat: 1, acceptedSpans: 0 });
  });

  it('bounds one window by its dates, and leaves an open end out', () => {
    expect(inForceSummary([entry('accepted', '2026-01-01', '2026-12-31')])).toEqual({ inForceFormat: 1, acceptedSpans: 1, acceptedFrom: '2026-01-01', acceptedUntil: '2026-12-31' });
    expect(inForceSummary([entry('accepted', undefined, '2026-12-31')])).toEqual({ inForceFormat: 1, acceptedSpans: 1, acceptedUntil: '2026-12-31' });
    expect(inForceSummary([entry('accepted')])).toEqual({ inForceFormat: 1, acceptedSpans: 1 });
  });

  it('merges windows that overlap or touch, across a month end, and counts those with a gap', () => {
    expect(inForceSummary([entry('accepted', '2027-02-01', '2027-12-31'), entry('accepted', '2026-02-01', '2027-01-31')])).toMatchObject({ acceptedSpans: 1, acceptedFrom: '2026-02-01', acceptedUntil: '2027-12-31' });
    expect(inForceSummary([entry('accepted', '2026-01-01', '2026-06-30'), entry('accepted', '2026-03-01', '2026-04-01')])).toMatchObject({ acceptedSpans: 1, acceptedUntil: '2026-06-30' });
    expect(inForceSummary([entry('accepted', '2026-01-01', '2026-01-30'), entry('accepted', '2026-02-01', '2026-03-01')])).toEqual({ inForceFormat: 1, acceptedSpans: 2 });
    expect(inForceSummary([entry('accepted', undefined, '2026-01-30'), entry('accepted', '2026-01-10')])).toEqual({ inForceFormat: 1, acceptedSpans: 1 });
  });

  it('with one span, says "in force today" exactly when strict mode does (any entries, any day)', () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    const anEntry = fc
      .tuple(fc.constantFrom('accepted', 'pending', 'rejected') as fc.Arbitrary<EvidenceEntry['reviewState']>, fc.option(day, { nil: undefined }), fc.option(day, { nil: undefined }))
      .map(([state, a, b]) => (a !== undefined && b !== undefined && a > b ? entry(state, b, a) : entry(state, a, b)));
    fc.assert(
      fc.property(fc.array(anEntry, { maxLength: 5 }), day, (entries, today) => {
        const summary = inForceSummary(entries);
        const strict = isMetUnderStrictMode(evidenceValue(entries), today);
        if (summary.acceptedSpans <= 1) expect(searchSays(summary, today)).toBe(strict);
        else expect(summary.acceptedFrom ?? summary.acceptedUntil).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });
});
