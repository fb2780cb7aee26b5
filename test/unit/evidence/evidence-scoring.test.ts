/** The pure parts of the evidence use case: lenient reading, the cache digest, strict mode and risks. */
import { evidenceValue, type EvidenceEntry, type EvidenceFieldValue } from '../../../src/domain/evidence';
import type { ChecklistDefinition, ItemState } from '../../../src/domain/types';
import { fromDigest, toDigest } from '../../../src/domain/evidence-digest';
import { readEvidence } from '../../../src/domain/evidence-read';
import { auditRisks, scoreWithEvidence, strictResult, utcDay } from '../../../src/domain/evidence-scoring';

const TODAY = '2026-03-01';

const entry = (overrides: Partial<EvidenceEntry> = {}): EvidenceEntry => ({
  id: 'ev-1',
  kind: 'link',
  title: 'Patch policy',
  url: 'https://intranet.example/patching',
  addedAt: '2026-01-10T09:00:00.000Z',
  addedBy: 'admin',
  reviewState: 'pending',
  ...overrides,
});
const value = (...entries: EvidenceEntry[]): EvidenceFieldValue => evidenceValue(entries);

describe('readEvidence', () => {
  describe('when the stored value is valid or empty', () => {
    it.each([
      ['null', null, 0],
      ['undefined', undefined, 0],
      ['one entry', value(entry()), 1],
    ])('reads %s with nothing ignored', (_case, raw, count) => {
      const reading = readEvidence(raw);
      expect(reading.ignored).toEqual([]);
      expect(reading.value.count).toBe(count);
    });
  });

  describe('when entries break the rules', () => {
    it('keeps the good entries and names each problem by its place', () => {
      const raw = { ...value(entry()), entries: [entry(), entry({ id: 'ev-2', url: 'javascript:alert(1)' }), 'text', entry()] };
      const reading = readEvidence(raw);
      expect(reading.value.entries.map((e) => e.id)).toEqual(['ev-1']);
      expect(reading.value.count).toBe(1);
      expect(reading.ignored).toEqual([
        { field: 'entries[1].url', message: 'must be an https:// or http:// link, not javascript:' },
        { field: 'entries[2]', message: 'must be an evidence entry (an object)' },
        { field: 'entries[3].id', message: 'repeats id "ev-1"; only the first entry with it is kept' },
      ]);
    });

    it('recomputes the summary rather than trusting the stored one', () => {
      const raw = { entries: [entry({ reviewState: 'rejected' })], count: 9, accepted: 9, pending: 0, rejected: 0, reviewState: 'accepted' };
      expect(readEvidence(raw).value).toMatchObject({ count: 1, accepted: 0, rejected: 1, reviewState: 'rejected' });
    });

    it('keeps at most 50 entries', () => {
      const raw = { entries: Array.from({ length: 52 }, (_, i) => entry({ id: `ev-${i}` })) };
      const reading = readEvidence(raw);
      expect(reading.value.count).toBe(50);
      expect(reading.ignored.map((p) => p.field)).toEqual(['entries[50]', 'entries[51]']);
    });

    it.each([
      ['a string', 'evidence'],
      ['an object without entries', { count: 1 }],
      ['entries that are not a list', { entries: {} }],
    ])('reads %s as no evidence, saying so', (_case, raw) => {
      expect(readEvidence(raw)).toEqual({
        value: evidenceValue([]),
        ignored: [{ field: 'entries', message: 'the stored value is not a list of evidence entries' }],
      });
    });
  });
});

describe('evidence digest', () => {
  it('keeps what risks and strict mode read, through a round trip', () => {
    const original = value(entry({ reviewState: 'accepted', effectiveDate: '2026-01-01', expiryDate: '2026-03-10' }), entry({ id: 'ev-2', title: 'Demo', reviewState: 'rejected' }));
    const digest = toDigest(original);
    expect(digest).toEqual([
      ['ev-1', 'Patch policy', 'accepted', '2026-01-01', '2026-03-10'],
      ['ev-2', 'Demo', 'rejected', null, null],
    ]);
    const rebuilt = fromDigest(digest);
    expect(rebuilt).toMatchObject({ count: 2, accepted: 1, rejected: 1, nextExpiry: '2026-03-10' });
    const items = [{ id: '8.3', result: 'met' as const, source: 'status' as const }];
    expect(auditRisks(items, new Map([['8.3', rebuilt]]), TODAY)).toEqual(auditRisks(items, new Map([['8.3', original]]), TODAY));
  });
});

describe('strictResult', () => {
  const met = { result: 'met' as const, source: 'status' as const, reason: 'Issue MSP-1 is Done' };
  describe('when strict mode changes nothing', () => {
    it.each([
      ['strict mode is off', met, null, false],
      ['the item is not met', { ...met, result: 'not_assessed' as const }, null, true],
      ['a waiver met the item', { ...met, source: 'waiver' as const }, null, true],
      ['accepted evidence is in force', met, value(entry({ reviewState: 'accepted', expiryDate: TODAY })), true],
    ])('returns undefined when %s', (_case, resolved, evidence, strictMode) => {
      expect(strictResult(resolved, evidence, { strictMode, today: TODAY })).toBeUndefined();
    });
  });

  describe('when the item is met without accepted evidence in force', () => {
    it.each([
      ['no evidence', null],
      ['only pending evidence', value(entry())],
      ['accepted evidence that expired yesterday', value(entry({ reviewState: 'accepted', expiryDate: '2026-02-28' }))],
      ['accepted evidence not yet effective', value(entry({ reviewState: 'accepted', effectiveDate: '2026-03-02' }))],
    ])('makes it not met with %s', (_case, evidence) => {
      expect(strictResult(met, evidence, { strictMode: true, today: TODAY })).toEqual({
        result: 'not_met',
        reason: 'Strict mode: not met without accepted evidence in force (Issue MSP-1 is Done)',
      });
    });
  });
});

describe('auditRisks', () => {
  it('names the issue of each risk and leaves waived items out', () => {
    const items = [
      { id: '1.1', issueKey: 'MSP-1', result: 'met' as const, source: 'status' as const },
      { id: '1.2', result: 'met' as const, source: 'waiver' as const },
    ];
    expect(auditRisks(items, new Map(), TODAY)).toEqual([
      { itemId: '1.1', issueKey: 'MSP-1', kind: 'met-without-evidence', detail: 'Met but has no evidence; add what an auditor will ask to see.' },
    ]);
  });
});

describe('scoreWithEvidence', () => {
  const def: ChecklistDefinition = {
    id: 'tiny-1.0',
    framework: 'tiny',
    name: 'Tiny',
    version: '1.0',
    description: '',
    model: 'points',
    passRule: { kind: 'points', passMark: 150 },
    maxScore: 200,
    naPolicy: 'award',
    chapters: [{ id: '1', title: 'One', order: 1 }],
    items: [
      { id: '1.1', chapterId: '1', title: 'A', requirement: '', evidence: [], points: 100, mandatory: true, penalty: 50, replaces: [] },
      { id: '1.2', chapterId: '1', title: 'B', requirement: '', evidence: [], points: 100, mandatory: false, penalty: 0, replaces: [] },
    ],
    waivers: [],
    source: 'custom',
  };
  const states: ItemState[] = [
    { itemId: '1.1', issueKey: 'T-1', statusCategory: 'done', statusName: 'Done' },
    { itemId: '1.2', issueKey: 'T-2', statusCategory: 'done', statusName: 'Done' },
  ];
  const evidence = new Map([['1.1', value(entry({ reviewState: 'accepted' }))]]);

  it('leaves the score alone without strict mode, listing the risks', () => {
    const { report, risks } = scoreWithEvidence(def, states, evidence, { strictMode: false, today: TODAY });
    expect(report.score).toBe(200);
    expect(risks.map((r) => [r.itemId, r.kind])).toEqual([['1.2', 'met-without-evidence']]);
  });

  it('rescores under strict mode, keeping every total consistent and saying why', () => {
    const { report } = scoreWithEvidence(def, states, evidence, { strictMode: true, today: TODAY });
    expect(report.score).toBe(100);
    expect(report.passed).toBe(false);
    expect(report.counts).toMatchObject({ met: 1, notMet: 1 });
    expect(report.chapters[0]).toMatchObject({ earned: 100, met: 1 });
    expect(report.items[1]).toMatchObject({ id: '1.2', result: 'not_met', reason: 'Strict mode: not met without accepted evidence in force (Issue T-2 is Done)' });
  });
});

describe('utcDay', () => {
  it('is the UTC calendar day, whatever the local time zone', () => {
    expect(utcDay(new Date('2026-03-01T23:30:00-05:00'))).toBe('2026-03-02');
  });
});
