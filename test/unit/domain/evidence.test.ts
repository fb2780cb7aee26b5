import {
  EVIDENCE_LIMITS,
  EvidenceError,
  addEvidence,
  editEvidence,
  evidenceValue,
  removeEvidence,
  reviewEvidence,
  type EvidenceEntry,
  type EvidenceFieldValue,
} from '../../../src/domain/evidence';

/** The frozen clock: every operation gets its time from here, never from the system clock. */
const NOW = new Date('2026-03-01T10:00:00.000Z');
const LATER = new Date('2026-03-05T16:30:00.000Z');
const ctx = (newId = 'ev-1', actor = 'alice') => ({ actor, now: NOW, newId });

const linkInput = { kind: 'link', title: 'Patch policy', url: 'https://intranet.example/patching' };

/** A stored entry; each test states only what matters to it. */
const stored = (id: string, overrides: Partial<EvidenceEntry> = {}): EvidenceEntry => ({
  id,
  kind: 'link',
  title: `Evidence ${id}`,
  url: `https://x.example/${id}`,
  addedAt: '2026-02-01T09:00:00.000Z',
  addedBy: 'alice',
  reviewState: 'pending',
  ...overrides,
});

const accepted = (id: string, overrides: Partial<EvidenceEntry> = {}) =>
  stored(id, { reviewState: 'accepted', reviewer: 'bob', reviewedAt: '2026-02-02T09:00:00.000Z', ...overrides });

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const frozenValue = (...entries: EvidenceEntry[]): EvidenceFieldValue => deepFreeze(evidenceValue(entries));

const errorOf = (fn: () => unknown): EvidenceError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof EvidenceError) return error;
    throw error;
  }
  throw new Error('expected an EvidenceError');
};

beforeAll(() => {
  // A system clock far from NOW: any Date.now() inside the domain would show up in the results.
  jest.useFakeTimers({ now: new Date('1999-12-31T23:59:59.000Z') });
});
afterAll(() => jest.useRealTimers());

describe('addEvidence', () => {
  describe('when the field is empty', () => {
    it.each<[string, EvidenceFieldValue | null | undefined]>([
      ['null', null],
      ['undefined', undefined],
      ['an empty value', evidenceValue([])],
    ])('returns one pending entry stamped with actor, now and the new id (from %s)', (_label, value) => {
      expect(addEvidence(value, linkInput, ctx())).toEqual({
        entries: [
          {
            id: 'ev-1',
            kind: 'link',
            title: 'Patch policy',
            url: 'https://intranet.example/patching',
            addedAt: '2026-03-01T10:00:00.000Z',
            addedBy: 'alice',
            reviewState: 'pending',
          },
        ],
        count: 1,
        accepted: 0,
        pending: 1,
        rejected: 0,
        reviewState: 'pending',
      });
    });
  });

  describe('when the field has entries', () => {
    it('appends the entry, leaves the old value untouched and recomputes the summary', () => {
      const before = frozenValue(accepted('a', { expiryDate: '2026-12-04' }));
      const after = addEvidence(before, { ...linkInput, expiryDate: '2026-06-30' }, ctx('b'));
      expect(after.entries.map((e) => e.id)).toEqual(['a', 'b']);
      expect(after).toMatchObject({ count: 2, accepted: 1, pending: 1, rejected: 0, nextExpiry: '2026-06-30', reviewState: 'pending' });
      expect(before.entries).toHaveLength(1);
    });
  });

  describe('when the issue already holds the maximum', () => {
    const full = frozenValue(...Array.from({ length: EVIDENCE_LIMITS.maxEntries }, (_, i) => stored(`e${i}`)));

    it('accepts the 50th entry', () => {
      const almost = evidenceValue(full.entries.slice(0, 49));
      expect(addEvidence(almost, linkInput, ctx('last')).count).toBe(50);
    });

    it('throws too-many for the 51st, saying what to do', () => {
      const error = errorOf(() => addEvidence(full, linkInput, ctx('one-more')));
      expect(error).toMatchObject({ name: 'EvidenceError', kind: 'too-many' });
      expect(error.message).toBe(
        'This issue already holds 50 evidence entries, the most one issue can hold (50); remove an entry that is out of date, or link one document that lists the rest.',
      );
    });
  });

  describe('when the input or context is invalid', () => {
    it.each<[string, () => unknown, string, string]>([
      ['a javascript: url', () => addEvidence(null, { ...linkInput, url: 'javascript:alert(1)' }, ctx()), 'invalid', 'url: must be an https:// or http:// link, not javascript:'],
      ['an input with reviewState', () => addEvidence(null, { ...linkInput, reviewState: 'accepted' }, ctx()), 'invalid', 'reviewState: is set by the app, not by the request; leave it out'],
      ['a taken id', () => addEvidence(frozenValue(stored('ev-1')), linkInput, ctx('ev-1')), 'conflict', 'Evidence id "ev-1" is already used on this issue; add the entry again with a new id.'],
      ['an empty new id', () => addEvidence(null, linkInput, ctx('')), 'invalid', 'newId: must be an evidence id of 1 to 64 letters, digits, "_" or "-"'],
      ['an actor with spaces', () => addEvidence(null, linkInput, ctx('ev-1', 'a b')), 'invalid', 'actor: must be an Atlassian account id'],
      ['an invalid date as now', () => addEvidence(null, linkInput, { ...ctx(), now: new Date('nope') }), 'invalid', 'now: must be a valid Date (the time of the change)'],
    ])('throws for %s', (_label, fn, code, fragment) => {
      const error = errorOf(fn);
      expect(error.kind).toBe(code);
      expect(error.message).toContain(fragment);
    });
  });
});

describe('editEvidence', () => {
  const edit = { actor: 'carol', now: LATER };

  describe('when the entry is pending', () => {
    it('applies the patch, stamps updatedAt/updatedBy and keeps id, addedAt and addedBy', () => {
      const before = frozenValue(stored('a', { note: 'old note' }));
      const after = editEvidence(before, 'a', { title: 'Patch policy v2', note: null, expiryDate: '2027-01-31' }, edit);
      expect(after.entries[0]).toEqual({
        id: 'a',
        kind: 'link',
        title: 'Patch policy v2',
        url: 'https://x.example/a',
        addedAt: '2026-02-01T09:00:00.000Z',
        addedBy: 'alice',
        expiryDate: '2027-01-31',
        reviewState: 'pending',
        updatedAt: '2026-03-05T16:30:00.000Z',
        updatedBy: 'carol',
      });
      expect(after.nextExpiry).toBe('2027-01-31');
      expect(before.entries[0]?.title).toBe('Evidence a');
    });
  });

  describe('when the entry was reviewed', () => {
    it.each<[string, Partial<EvidenceEntry>]>([
      ['accepted', { reviewState: 'accepted', reviewer: 'bob', reviewedAt: '2026-02-02T09:00:00.000Z' }],
      ['rejected', { reviewState: 'rejected', reviewer: 'bob', reviewedAt: '2026-02-02T09:00:00.000Z', reviewNote: 'Draft only' }],
    ])('sends a %s entry back to pending when what it is changes', (_label, review) => {
      const after = editEvidence(frozenValue(stored('a', review)), 'a', { url: 'https://x.example/other' }, edit);
      expect(after.entries[0]).toMatchObject({ reviewState: 'pending', url: 'https://x.example/other' });
      expect(after.entries[0]).not.toHaveProperty('reviewer');
      expect(after.entries[0]).not.toHaveProperty('reviewedAt');
      expect(after.entries[0]).not.toHaveProperty('reviewNote');
    });

    it('keeps the review when only the owner changes, and records a self-review if the reviewer becomes owner', () => {
      const after = editEvidence(frozenValue(accepted('a')), 'a', { owner: 'bob' }, edit);
      expect(after.entries[0]).toMatchObject({ reviewState: 'accepted', reviewer: 'bob', owner: 'bob', selfReviewed: true });
      expect(after.accepted).toBe(1);
    });
  });

  describe('when the patch changes nothing', () => {
    it.each<[string, Record<string, unknown>]>([
      ['an empty patch', {}],
      ['the same title', { title: 'Evidence a' }],
      ['the same title padded with spaces', { title: '  Evidence a ' }],
      ['clearing a field that is not set', { note: null }],
    ])('returns the entries unchanged, without an update stamp, for %s', (_label, patch) => {
      const before = frozenValue(accepted('a'));
      expect(editEvidence(before, 'a', patch, edit)).toEqual(before);
    });
  });

  describe('when the edit is not allowed', () => {
    it.each<[string, () => unknown, string, string]>([
      ['an unknown id', () => editEvidence(frozenValue(stored('a')), 'zz', { title: 'x' }, edit), 'not-found', 'No evidence with id "zz" on this issue; it may have been removed. Reload the issue and try again.'],
      ['an empty field value', () => editEvidence(null, 'a', { title: 'x' }, edit), 'not-found', 'No evidence with id "a"'],
      ['a javascript: url', () => editEvidence(frozenValue(stored('a')), 'a', { url: 'javascript:alert(1)' }, edit), 'invalid', 'url: must be an https:// or http:// link, not javascript:'],
      ['clearing the url of a link', () => editEvidence(frozenValue(stored('a')), 'a', { url: null }, edit), 'invalid', 'url: required for a link: paste its https:// address'],
      ['an expiry before the effective date', () => editEvidence(frozenValue(stored('a', { effectiveDate: '2026-06-01' })), 'a', { expiryDate: '2026-05-01' }, edit), 'invalid', 'expiryDate: must be after effectiveDate (2026-06-01)'],
      ['changing addedBy', () => editEvidence(frozenValue(stored('a')), 'a', { addedBy: 'mallory' }, edit), 'invalid', 'addedBy: is set by the app, not by the request; leave it out'],
      ['a missing actor', () => editEvidence(frozenValue(stored('a')), 'a', { title: 'x' }, { actor: '', now: LATER }), 'invalid', 'actor: must be an Atlassian account id'],
    ])('throws for %s', (_label, fn, code, fragment) => {
      const error = errorOf(fn);
      expect(error.kind).toBe(code);
      expect(error.message).toContain(fragment);
    });
  });
});

describe('removeEvidence', () => {
  describe('when the id exists', () => {
    it('returns the other entries with the summary recomputed', () => {
      const before = frozenValue(accepted('a', { expiryDate: '2026-04-01' }), stored('b', { reviewState: 'rejected' }), stored('c'));
      const after = removeEvidence(before, 'a');
      expect(after.entries.map((e) => e.id)).toEqual(['b', 'c']);
      expect(after).toMatchObject({ count: 2, accepted: 0, pending: 1, rejected: 1, reviewState: 'rejected' });
      expect(after).not.toHaveProperty('nextExpiry');
      expect(before.count).toBe(3);
    });

    it('returns an empty value with reviewState none after the last entry goes', () => {
      expect(removeEvidence(frozenValue(stored('a')), 'a')).toEqual({ entries: [], count: 0, accepted: 0, pending: 0, rejected: 0, reviewState: 'none' });
    });
  });

  describe('when the id is unknown', () => {
    it('throws not-found', () => {
      expect(errorOf(() => removeEvidence(frozenValue(stored('a')), 'b'))).toMatchObject({ name: 'EvidenceError', kind: 'not-found' });
    });
  });
});

describe('reviewEvidence', () => {
  describe('when another person reviews', () => {
    it.each<['accepted' | 'rejected', Partial<EvidenceFieldValue>]>([
      ['accepted', { accepted: 1, pending: 0, rejected: 0, reviewState: 'accepted' }],
      ['rejected', { accepted: 0, pending: 0, rejected: 1, reviewState: 'rejected' }],
    ])('records %s with reviewer and time', (state, summary) => {
      const after = reviewEvidence(frozenValue(stored('a')), 'a', { state, reviewer: 'bob', now: LATER });
      expect(after.entries[0]).toMatchObject({ reviewState: state, reviewer: 'bob', reviewedAt: '2026-03-05T16:30:00.000Z' });
      expect(after.entries[0]).not.toHaveProperty('selfReviewed');
      expect(after).toMatchObject(summary);
    });

    it('keeps the reviewer note apart from the evidence note', () => {
      const after = reviewEvidence(frozenValue(stored('a', { note: 'v1 draft' })), 'a', {
        state: 'rejected',
        reviewer: 'bob',
        now: LATER,
        note: '  Link the signed version.  ',
      });
      expect(after.entries[0]).toMatchObject({ note: 'v1 draft', reviewNote: 'Link the signed version.' });
    });

    it('replaces an earlier review and drops its note', () => {
      const before = frozenValue(stored('a', { reviewState: 'rejected', reviewer: 'bob', reviewedAt: '2026-02-02T09:00:00.000Z', reviewNote: 'Draft' }));
      const after = reviewEvidence(before, 'a', { state: 'accepted', reviewer: 'dave', now: LATER });
      expect(after.entries[0]).toMatchObject({ reviewState: 'accepted', reviewer: 'dave' });
      expect(after.entries[0]).not.toHaveProperty('reviewNote');
    });
  });

  describe('when the reviewer added or owns the evidence', () => {
    it.each<[string, Partial<EvidenceEntry>]>([
      ['added it', { addedBy: 'bob' }],
      ['owns it', { owner: 'bob' }],
    ])('allows it and records selfReviewed when the reviewer %s', (_label, overrides) => {
      const after = reviewEvidence(frozenValue(stored('a', overrides)), 'a', { state: 'accepted', reviewer: 'bob', now: LATER });
      expect(after.entries[0]).toMatchObject({ reviewState: 'accepted', reviewer: 'bob', selfReviewed: true });
    });
  });

  describe('when the state is pending', () => {
    it('reopens the entry and clears the review', () => {
      const before = frozenValue(accepted('a', { reviewNote: 'ok', selfReviewed: true }));
      const after = reviewEvidence(before, 'a', { state: 'pending', reviewer: 'bob', now: LATER });
      expect(after.entries[0]).toEqual(stored('a'));
      expect(after.reviewState).toBe('pending');
    });
  });

  describe('when the review is invalid', () => {
    it.each<[string, () => unknown, string, string]>([
      ['an unknown id', () => reviewEvidence(frozenValue(stored('a')), 'x', { state: 'accepted', reviewer: 'bob', now: LATER }), 'not-found', 'No evidence with id "x"'],
      ['an unknown state', () => reviewEvidence(frozenValue(stored('a')), 'a', { state: 'approved' as never, reviewer: 'bob', now: LATER }), 'invalid', 'state: must be one of: pending, accepted, rejected'],
      ['a reviewer that is not an account id', () => reviewEvidence(frozenValue(stored('a')), 'a', { state: 'accepted', reviewer: '', now: LATER }), 'invalid', 'reviewer: must be an Atlassian account id'],
      ['a note over 2,000 characters', () => reviewEvidence(frozenValue(stored('a')), 'a', { state: 'rejected', reviewer: 'bob', now: LATER, note: 'n'.repeat(2001) }), 'invalid', 'note: must be at most 2000 characters (it has 2001)'],
    ])('throws for %s', (_label, fn, code, fragment) => {
      const error = errorOf(fn);
      expect(error.kind).toBe(code);
      expect(error.message).toContain(fragment);
    });
  });
});
