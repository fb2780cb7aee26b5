/**
 * The cold read's evidence stand-ins (src/domain/evidence-stand-in.ts): the figures of the entries
 * on their day, and held only that day and for an audit date within the horizon.
 */
import { evidenceRisks, isMetUnderStrictMode } from '../../../src/domain/evidence';
import { evidenceValue } from '../../../src/domain/evidence-summary';
import { fromDigest, toDigest } from '../../../src/domain/evidence-digest';
import { hasStandIns, standInEvidence, standInHorizon, standInOf, standInsHold } from '../../../src/domain/evidence-stand-in';

describe('evidence stand-ins', () => {
  const inForce = standInEvidence('in-force', '2026-12-07', '2027-01-07');
  const held = standInEvidence('held', '2026-12-07', '2027-01-07');

  it('count in strict mode exactly when accepted evidence is in force, and raise no risk', () => {
    expect(isMetUnderStrictMode(inForce, '2026-12-07')).toBe(true);
    expect(isMetUnderStrictMode(held, '2026-12-07')).toBe(false);
    expect(evidenceRisks([{ itemId: 'a', result: 'met', evidence: inForce }, { itemId: 'b', result: 'met', evidence: held }], '2026-12-07')).toEqual([]);
  });

  it('survive the cache (digests) and are told from real evidence', () => {
    expect(standInOf(fromDigest(toDigest(inForce)))).toEqual({ kind: 'in-force', day: '2026-12-07', horizon: '2027-01-07' });
    expect(standInOf(fromDigest(toDigest(held)))?.kind).toBe('held');
    const real = evidenceValue([{ id: 'ev-1', kind: 'link', title: 'Policy', url: 'https://x.example', addedAt: '2026-01-01T00:00:00.000Z', addedBy: 'a', reviewState: 'accepted' }]);
    expect(standInOf(real)).toBeUndefined();
    expect(hasStandIns(new Map([['1', real]]))).toBe(false);
    expect(hasStandIns(new Map([['1', real], ['2', held]]))).toBe(true);
  });

  it('reach 31 days ahead, or to the audit date when later', () => {
    expect(standInHorizon('2026-12-07', undefined)).toBe('2027-01-07');
    expect(standInHorizon('2026-12-07', '2026-12-20')).toBe('2027-01-07');
    expect(standInHorizon('2026-12-07', '2027-03-01')).toBe('2027-03-01');
  });

  it('hold on their day only, and for an audit date no later than their horizon', () => {
    const evidence = new Map([['1', inForce]]);
    expect(standInsHold(evidence, '2026-12-07', undefined)).toBe(true);
    expect(standInsHold(evidence, '2026-12-07', '2027-01-07')).toBe(true);
    expect(standInsHold(evidence, '2026-12-07', '2027-01-08')).toBe(false);
    expect(standInsHold(evidence, '2026-12-08', undefined)).toBe(false);
    expect(standInsHold(new Map(), '2030-01-01', undefined)).toBe(true);
  });
});
