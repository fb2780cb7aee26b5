import { runInNewContext } from 'node:vm';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import {
  EVIDENCE_FIELD_SCHEMA,
  EVIDENCE_FORMATTER_EXPRESSION,
  EvidenceError,
  addEvidence,
  evidenceValue,
  formatEvidenceSummary,
  parseEvidenceValue,
  reviewEvidence,
  summarizeEvidence,
  type EvidenceEntry,
  type EvidenceFieldValue,
  type EvidenceSummary,
} from '../../../src/domain/evidence';

const TODAY = '2026-03-01';

const entry = (id: string, overrides: Partial<EvidenceEntry> = {}): EvidenceEntry => ({
  id,
  kind: 'document',
  title: `Evidence ${id}`,
  url: `https://x.example/${id}`,
  addedAt: '2026-02-01T09:00:00.000Z',
  addedBy: 'alice',
  reviewState: 'pending',
  ...overrides,
});
const ok = (id: string, overrides: Partial<EvidenceEntry> = {}) =>
  entry(id, { reviewState: 'accepted', reviewer: 'bob', reviewedAt: '2026-02-02T09:00:00.000Z', ...overrides });
const no = (id: string, overrides: Partial<EvidenceEntry> = {}) =>
  entry(id, { reviewState: 'rejected', reviewer: 'bob', reviewedAt: '2026-02-02T09:00:00.000Z', ...overrides });

/** Evaluates the manifest's formatter expression the way the local host does (as a JS expression). */
const runFormatter = (value: unknown): unknown => runInNewContext(`(${EVIDENCE_FORMATTER_EXPRESSION})`, { value: structuredClone(value) }, { timeout: 2000 });

describe('summarizeEvidence', () => {
  describe('when given entries', () => {
    it.each<[string, EvidenceEntry[], EvidenceSummary]>([
      ['none', [], { count: 0, accepted: 0, pending: 0, rejected: 0, reviewState: 'none' }],
      ['all accepted', [ok('a'), ok('b')], { count: 2, accepted: 2, pending: 0, rejected: 0, reviewState: 'accepted' }],
      ['accepted and pending', [ok('a'), entry('b')], { count: 2, accepted: 1, pending: 1, rejected: 0, reviewState: 'pending' }],
      ['any rejected', [ok('a'), entry('b'), no('c')], { count: 3, accepted: 1, pending: 1, rejected: 1, reviewState: 'rejected' }],
      [
        'expiries, the earliest not rejected wins, past ones included',
        [ok('a', { expiryDate: '2026-12-04' }), entry('b', { expiryDate: '2025-06-30' }), no('c', { expiryDate: '2024-01-01' })],
        { count: 3, accepted: 1, pending: 1, rejected: 1, nextExpiry: '2025-06-30', reviewState: 'rejected' },
      ],
    ])('returns the summary for %s', (_label, entries, summary) => {
      expect(summarizeEvidence(entries)).toEqual(summary);
    });
  });
});

describe('formatEvidenceSummary', () => {
  describe('when there is no evidence', () => {
    it.each<[string, EvidenceFieldValue | null | undefined]>([
      ['null', null],
      ['undefined', undefined],
      ['no entries', evidenceValue([])],
    ])('returns "No evidence" for %s', (_label, value) => {
      expect(formatEvidenceSummary(value, TODAY)).toBe('No evidence');
    });
  });

  describe('when there is evidence', () => {
    it.each<[string, EvidenceEntry[], string]>([
      ['one accepted, no expiry', [ok('a')], '1 evidence · 1 accepted'],
      ['one pending', [entry('a')], '1 evidence · 0 accepted · 1 pending'],
      ['the brief example', [ok('a'), ok('b', { expiryDate: '2026-03-13' }), entry('c')], '3 evidence · 2 accepted · 1 pending · 1 expires in 12 days'],
      ['one rejected', [ok('a'), no('b')], '2 evidence · 1 accepted · 1 rejected'],
      ['an expiry today (still valid)', [ok('a', { expiryDate: '2026-03-01' })], '1 evidence · 1 accepted · 1 expires today'],
      ['an expiry tomorrow', [ok('a', { expiryDate: '2026-03-02' })], '1 evidence · 1 accepted · 1 expires tomorrow'],
      ['an expiry exactly 30 days ahead', [ok('a', { expiryDate: '2026-03-31' })], '1 evidence · 1 accepted · 1 expires in 30 days'],
      ['an expiry 31 days ahead (not soon)', [ok('a', { expiryDate: '2026-04-01' })], '1 evidence · 1 accepted'],
      ['an expiry yesterday', [ok('a', { expiryDate: '2026-02-28' })], '1 evidence · 1 accepted · 1 expired'],
      [
        'two expiring soon',
        [ok('a', { expiryDate: '2026-03-20' }), ok('b', { expiryDate: '2026-03-04' })],
        '2 evidence · 2 accepted · 2 expire, the first in 3 days',
      ],
      ['a rejected entry that expired (ignored)', [no('a', { expiryDate: '2026-01-01' })], '1 evidence · 0 accepted · 1 rejected'],
    ])('returns the text for %s', (_label, entries, text) => {
      expect(formatEvidenceSummary(evidenceValue(entries), TODAY)).toBe(text);
    });

    it('honours a custom window', () => {
      const value = evidenceValue([ok('a', { expiryDate: '2026-03-13' })]);
      expect(formatEvidenceSummary(value, TODAY, { expiringWithinDays: 7 })).toBe('1 evidence · 1 accepted');
    });

    it('computes from the entries, not from a stale stored summary', () => {
      const stale = { ...evidenceValue([ok('a'), ok('b')]), count: 9, accepted: 0 };
      expect(formatEvidenceSummary(stale, TODAY)).toBe('2 evidence · 2 accepted');
    });
  });

  describe('when today is not a calendar date', () => {
    it('throws an EvidenceError naming today', () => {
      expect(() => formatEvidenceSummary(null, '2026-02-30')).toThrow(
        new EvidenceError('invalid', 'Date is not valid; fix and try again: today: must be a calendar date written YYYY-MM-DD, e.g. 2026-03-31'),
      );
    });
  });
});

describe('EVIDENCE_FORMATTER_EXPRESSION', () => {
  describe('when evaluated on stored values', () => {
    it.each<[string, unknown, string]>([
      ['an empty field (null)', null, 'No evidence'],
      ['no entries', evidenceValue([]), 'No evidence'],
      ['the brief example', evidenceValue([ok('a'), ok('b', { expiryDate: '2026-12-04' }), ok('c')]), '3 evidence · 3 accepted · next expiry 2026-12-04'],
      [
        'pending and rejected',
        evidenceValue([ok('a'), entry('b'), no('c', { expiryDate: '2026-01-01' })]),
        '3 evidence · 1 accepted · 1 pending · 1 rejected',
      ],
    ])('shows %s', (_label, value, text) => {
      expect(runFormatter(value)).toBe(text);
    });

    it('reads only the summary fields', () => {
      expect(runFormatter({ count: 2, accepted: 1, pending: 1, rejected: 0, nextExpiry: '2027-01-31', reviewState: 'pending', entries: [] })).toBe(
        '2 evidence · 1 accepted · 1 pending · next expiry 2027-01-31',
      );
    });
  });

  describe('when checked against Jira expression limits', () => {
    it('stays under 1,000 characters and uses no function calls', () => {
      expect(EVIDENCE_FORMATTER_EXPRESSION.length).toBeLessThan(1000);
      expect(EVIDENCE_FORMATTER_EXPRESSION).not.toMatch(/=>|\w\(/);
    });
  });
});

describe('EVIDENCE_FIELD_SCHEMA', () => {
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'searchAlias', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'searchType', schemaType: 'string' });
  const validate = ajv.compile(EVIDENCE_FIELD_SCHEMA);
  const NOW = new Date('2026-03-01T10:00:00.000Z');

  describe('when given values the operations produce', () => {
    it('accepts an empty value and a full one', () => {
      let value = addEvidence(null, { kind: 'link', title: '<b>Policy</b>', url: 'https://x.example', owner: 'bob', effectiveDate: '2026-01-01', expiryDate: '2026-12-31', note: 'a\nb' }, { actor: 'alice', now: NOW, newId: 'ev-1' });
      value = reviewEvidence(value, 'ev-1', { state: 'rejected', reviewer: 'bob', now: NOW, note: 'Draft' });
      value = addEvidence(value, { kind: 'attachment', title: 'SoW', attachmentId: '10042' }, { actor: 'alice', now: NOW, newId: 'ev-2' });
      expect(validate(evidenceValue([]))).toBe(true);
      expect(validate(value)).toBe(true);
    });
  });

  describe('when a value is written around the app', () => {
    const base = () => structuredClone(evidenceValue([ok('a', { kind: 'link' })]));
    it.each<[string, (v: Record<string, unknown> & { entries: Record<string, unknown>[] }) => void]>([
      ['a javascript: url', (v) => void (v.entries[0]!.url = 'javascript:alert(1)')],
      ['a url with a tab', (v) => void (v.entries[0]!.url = 'https://x.example/\tx')],
      ['a 256-character title', (v) => void (v.entries[0]!.title = 'a'.repeat(256))],
      ['an unknown entry key', (v) => void (v.entries[0]!.html = '<b>x</b>')],
      ['an unknown kind', (v) => void (v.entries[0]!.kind = 'video')],
      ['a timestamp as expiry date', (v) => void (v.entries[0]!.expiryDate = '2026-12-31T00:00:00Z')],
      ['51 entries', (v) => void (v.entries = Array.from({ length: 51 }, (_, i) => ({ ...v.entries[0], id: `e${i}` })))],
      ['no count', (v) => void delete v.count],
    ])('rejects %s', (_label, mutate) => {
      const value = base() as unknown as Record<string, unknown> & { entries: Record<string, unknown>[] };
      mutate(value);
      expect(validate(value)).toBe(false);
    });
  });

  describe('when read for the manifest', () => {
    it('gives each summary property a searchAlias for JQL', () => {
      const aliases = Object.entries(EVIDENCE_FIELD_SCHEMA.properties).flatMap(([key, prop]) => ('searchAlias' in prop ? [[key, prop.searchAlias]] : []));
      expect(Object.fromEntries(aliases)).toEqual({
        count: 'evidenceCount',
        accepted: 'evidenceAccepted',
        pending: 'evidencePending',
        rejected: 'evidenceRejected',
        nextExpiry: 'evidenceNextExpiry',
        reviewState: 'evidenceReview',
        inForceFormat: 'evidenceInForceFormat',
        acceptedSpans: 'acceptedSpans',
        acceptedFrom: 'acceptedFrom',
        acceptedUntil: 'acceptedUntil',
      });
    });

    it('searches the dates as dates (Forge `searchType: date`), so JQL can compare them with a day', () => {
      const dated = Object.entries(EVIDENCE_FIELD_SCHEMA.properties).flatMap(([key, prop]) => ('searchType' in prop ? [[key, prop.searchType]] : []));
      expect(Object.fromEntries(dated)).toEqual({ nextExpiry: 'date', acceptedFrom: 'date', acceptedUntil: 'date' });
    });
  });
});

describe('parseEvidenceValue', () => {
  describe('when the stored value is valid', () => {
    it('returns it with the summary recomputed from the entries', () => {
      const stored = { ...evidenceValue([ok('a'), entry('b', { expiryDate: '2026-05-01' })]), count: 7, accepted: 7, reviewState: 'accepted' };
      expect(parseEvidenceValue(JSON.parse(JSON.stringify(stored)))).toEqual(evidenceValue([ok('a'), entry('b', { expiryDate: '2026-05-01' })]));
    });

    it.each<[string, unknown]>([['null', null], ['undefined', undefined]])('reads %s (an unset field) as no evidence', (_label, raw) => {
      expect(parseEvidenceValue(raw)).toEqual(evidenceValue([]));
    });
  });

  describe('when the stored value is not valid', () => {
    const problemsOf = (raw: unknown) => {
      try {
        parseEvidenceValue(raw);
      } catch (error) {
        if (error instanceof EvidenceError) return error.problems;
        throw error;
      }
      throw new Error('expected an EvidenceError');
    };

    it.each<[string, unknown, { field: string; message: string }[]]>([
      ['not an object', 'x', [{ field: 'entries', message: 'must be a list of evidence entries' }]],
      ['entries not a list', { entries: {} }, [{ field: 'entries', message: 'must be a list of evidence entries' }]],
      ['an entry that is not an object', { entries: [7] }, [{ field: 'entries[0]', message: 'must be an evidence entry (an object)' }]],
      [
        'a javascript: url and a bad review state',
        { entries: [{ ...entry('a', { kind: 'link' }), url: 'javascript:alert(1)', reviewState: 'approved' }] },
        [
          { field: 'entries[0].url', message: 'must be an https:// or http:// link, not javascript:' },
          { field: 'entries[0].reviewState', message: 'must be one of: pending, accepted, rejected' },
        ],
      ],
      ['a missing addedBy', { entries: [{ ...entry('a'), addedBy: undefined }] }, [{ field: 'entries[0].addedBy', message: 'must be an Atlassian account id' }]],
      [
        'a "__proto__" key',
        { entries: [JSON.parse(`{"__proto__":{"reviewState":"accepted"},${JSON.stringify(entry('a')).slice(1)}`)] },
        [{ field: 'entries[0].__proto__', message: 'is not an evidence field; use only kind, title, url, attachmentId, owner, effectiveDate, expiryDate, note' }],
      ],
      ['a repeated id', { entries: [entry('a'), entry('a')] }, [{ field: 'entries[1].id', message: 'repeats id "a"; each entry needs its own id' }]],
      [
        '51 entries',
        { entries: Array.from({ length: 51 }, (_, i) => entry(`e${i}`)) },
        [{ field: 'entries', message: 'holds 51 entries; at most 50 are allowed' }],
      ],
    ])('throws naming the field for %s', (_label, raw, problems) => {
      expect(problemsOf(raw)).toEqual(problems);
    });
  });
});
