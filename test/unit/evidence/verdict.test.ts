/**
 * The verdict data as the app trusts it (pure): which stored field values the app wrote, what a
 * value saved before the field was read-only still counts for, and when the assessment property
 * (the JQL mirror) differs from the app's record.
 */
import { evidenceValue, type EvidenceEntry } from '../../../src/domain/evidence';
import { assessmentMirror, isAppWritten, mirrorDiffers, storedAssessment, verdictValue, withoutUntrustedReviews } from '../../../src/domain/evidence-verdict';
import { outsideChanges } from '../../../src/evidence/outside';
import { assessmentInForce, readVerdict } from '../../../src/domain/verdict-reading';

const accepted: EvidenceEntry = {
  id: 'ev-1',
  kind: 'link',
  title: 'Policy',
  url: 'https://x.example/p',
  addedAt: '2026-01-01T00:00:00.000Z',
  addedBy: 'admin',
  reviewState: 'accepted',
  reviewer: 'lead',
  reviewedAt: '2026-01-02T00:00:00.000Z',
  reviewNote: 'Signed',
};
const record = { result: 'na' as const, complexity: 'low' as const, justification: 'No such workloads', assessedBy: 'lead', assessedAt: '2026-02-01T09:00:00.000Z' };

describe('which values the app wrote', () => {
  it.each([
    [null, false],
    [{ entries: [] }, false],
    [{ entries: [], v: 1 }, false],
    [{ entries: [], v: '2' }, false],
    [{ entries: [], v: 2 }, true],
    ['text', false],
  ])('%j → %s', (raw, expected) => {
    expect(isAppWritten(raw)).toBe(expected);
  });

  it('reads the assessment of an app-written value only, and a damaged one as none', () => {
    expect(storedAssessment(verdictValue(evidenceValue([]), record))).toEqual(record);
    expect(storedAssessment({ ...verdictValue(evidenceValue([]), undefined), assessment: { ...record, result: 'passed' } })).toBeUndefined();
    expect(storedAssessment({ entries: [], assessment: record })).toBeUndefined();
  });
});

describe('a value saved before the app owned the field (legacy)', () => {
  it('keeps the entries but takes their review decisions back to pending', () => {
    const { value, setAside } = withoutUntrustedReviews(evidenceValue([accepted, { ...accepted, id: 'ev-2', reviewState: 'pending', reviewer: undefined }]));
    expect(setAside).toBe(1);
    expect(value.entries[0]).toEqual({ id: 'ev-1', kind: 'link', title: 'Policy', url: 'https://x.example/p', addedAt: accepted.addedAt, addedBy: 'admin', reviewState: 'pending' });
    expect(value).toMatchObject({ count: 2, accepted: 0, pending: 2, reviewState: 'pending' });
  });

  it('has no assessment, and says why its reviews count as pending', () => {
    const reading = readVerdict({ ...evidenceValue([accepted]), assessment: record });
    expect(reading).toMatchObject({ legacy: true, reviewsSetAside: 1, assessment: undefined });
    expect(assessmentInForce(reading)).toEqual({ result: null });
    expect(outsideChanges(reading, undefined)).toEqual([expect.stringContaining('its 1 review decision cannot be shown to come from the app and count as pending')]);
  });

  it('leaves an app-written value as it is', () => {
    const reading = readVerdict(verdictValue(evidenceValue([accepted]), record));
    expect(reading).toMatchObject({ legacy: false, reviewsSetAside: 0, assessment: record });
    expect(reading.evidence.entries[0]).toEqual(accepted);
    expect(assessmentInForce(reading)).toEqual({ result: 'na', justification: 'No such workloads' });
    expect(outsideChanges(reading, assessmentMirror(record))).toEqual([]);
  });
});

describe('the assessment property is a mirror, compared on result and complexity', () => {
  it.each([
    ['absent', undefined, record, false],
    ['the app’s own mirror', assessmentMirror(record), record, false],
    ['another assessor only', { ...assessmentMirror(record), assessedBy: 'someone' }, record, false],
    ['another result', { result: 'met', complexity: 'low' }, record, true],
    ['another complexity', { result: 'na', complexity: 'high' }, record, true],
    ['a result where the app has none', { result: 'met' }, undefined, true],
    ['an empty object where the app has none', {}, undefined, false],
    ['not an object', 'met', undefined, true],
  ])('%s → differs: %s', (_name, property, expected, differs) => {
    expect(mirrorDiffers(property, expected)).toBe(differs);
  });
});
