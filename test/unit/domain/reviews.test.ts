import {
  chapterReviewSummary,
  createChapterReview,
  REVIEW_NOTE_MAX,
  ReviewValidationError,
  reviewStatus,
  upsertReview,
  validateReviewInput,
  type ChapterReview,
  type ItemUpdate,
  type ReviewStatus,
} from '../../../src/domain/reviews';
import { item, pointsChecklist } from './fixtures';

const NOW = new Date('2026-03-02T10:00:00.000Z');
const REVIEWED_AT = '2026-03-02T10:00:00.000Z';

// The functions take the time as an argument; a different frozen system clock proves they never read it.
beforeAll(() => jest.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') }));
afterAll(() => jest.useRealTimers());

const def = pointsChecklist([item('7.1'), item('7.2'), item('8.1'), item('8.2'), item('8.3')]);

const review = (chapterId: string, reviewedAt = REVIEWED_AT, overrides: Partial<ChapterReview> = {}): ChapterReview => ({
  checklistId: def.id,
  chapterId,
  reviewedBy: 'ana',
  reviewedAt,
  ...overrides,
});
const update = (itemId: string, updatedAt: string): ItemUpdate => ({ itemId, updatedAt });

describe('reviewStatus', () => {
  describe('when the chapter has no review', () => {
    it('returns not-reviewed, whatever changed', () => {
      expect(reviewStatus(undefined, [update('8.1', '2026-03-03T00:00:00Z')])).toEqual({ state: 'not-reviewed', changedItems: [] });
    });
  });

  describe('when the chapter was reviewed', () => {
    it.each<[string, ItemUpdate[], ReviewStatus]>([
      ['no item has an update', [], { state: 'reviewed', changedItems: [] }],
      ['every item changed before the review', [update('8.1', '2026-03-01T09:00:00Z'), update('8.2', '2026-03-02T09:59:59.999Z')], { state: 'reviewed', changedItems: [] }],
      ['an item changed at exactly the review time (not stale)', [update('8.1', REVIEWED_AT)], { state: 'reviewed', changedItems: [] }],
      ['the same instant written with a Jira offset', [update('8.1', '2026-03-02T10:00:00.000+0000')], { state: 'reviewed', changedItems: [] }],
      ['an item changed one millisecond after', [update('8.1', '2026-03-02T10:00:00.001Z')], { state: 'stale', changedItems: ['8.1'] }],
      ['an item changed later, in another time zone', [update('8.2', '2026-03-02T11:30:00+01:00')], { state: 'stale', changedItems: ['8.2'] }],
      ['an earlier-looking local time that is a later instant', [update('8.2', '2026-03-02T09:30:00-01:00')], { state: 'stale', changedItems: ['8.2'] }],
      ['an unreadable update time', [update('8.3', 'yesterday')], { state: 'stale', changedItems: ['8.3'] }],
      [
        'several items, one changed twice',
        [update('8.3', '2026-03-04T00:00:00Z'), update('8.1', '2026-03-01T00:00:00Z'), update('8.2', '2026-03-05T00:00:00Z'), update('8.3', '2026-03-06T00:00:00Z')],
        { state: 'stale', changedItems: ['8.3', '8.2'] },
      ],
    ])('returns the state when %s', (_label, updates, expected) => {
      expect(reviewStatus(review('8'), updates)).toEqual(expected);
    });

    it('returns stale for every update when the review time is unreadable', () => {
      expect(reviewStatus(review('8', 'not a date'), [update('8.1', '2020-01-01T00:00:00Z')])).toEqual({ state: 'stale', changedItems: ['8.1'] });
    });
  });
});

describe('chapterReviewSummary', () => {
  describe('when nothing was reviewed', () => {
    it('returns every chapter, in chapter order, not reviewed', () => {
      const reordered = { ...def, chapters: [{ id: '8', title: 'Operations', order: 2 }, { id: '7', title: 'Security', order: 1 }] };
      expect(chapterReviewSummary(reordered, [], [])).toEqual([
        { chapterId: '7', title: 'Security', state: 'not-reviewed', changedItems: [] },
        { chapterId: '8', title: 'Operations', state: 'not-reviewed', changedItems: [] },
      ]);
    });
  });

  describe('when chapters were reviewed and items changed', () => {
    it('returns each chapter judged on its own items only, changed items in checklist order', () => {
      const reviews = [review('7'), review('8')];
      const updates = [update('8.3', '2026-03-03T00:00:00Z'), update('7.1', '2026-03-01T00:00:00Z'), update('8.1', '2026-03-04T00:00:00Z')];
      const summary = chapterReviewSummary(def, reviews, updates);
      expect(summary.map((entry) => [entry.chapterId, entry.state, entry.changedItems])).toEqual([
        ['7', 'reviewed', []],
        ['8', 'stale', ['8.1', '8.3']],
      ]);
      expect(summary[1]?.review).toEqual(review('8'));
    });

    it('returns the state against the latest of several reviews of one chapter', () => {
      const reviews = [review('8', '2026-03-05T00:00:00Z'), review('8', '2026-03-01T00:00:00Z')];
      const [, eight] = chapterReviewSummary(def, reviews, [update('8.1', '2026-03-04T00:00:00Z')]);
      expect(eight).toMatchObject({ state: 'reviewed', review: { reviewedAt: '2026-03-05T00:00:00Z' } });
    });

    it('returns a readable review over an unreadable one', () => {
      const [, eight] = chapterReviewSummary(def, [review('8', 'garbage'), review('8', '2026-03-01T00:00:00Z')], []);
      expect(eight?.review?.reviewedAt).toBe('2026-03-01T00:00:00Z');
    });

    it('ignores reviews of another checklist and updates of unknown items', () => {
      const other = review('8', REVIEWED_AT, { checklistId: 'another-checklist' });
      const summary = chapterReviewSummary(def, [other, review('7')], [update('9.9', '2026-03-09T00:00:00Z')]);
      expect(summary.map((entry) => entry.state)).toEqual(['reviewed', 'not-reviewed']);
    });
  });
});

describe('validateReviewInput', () => {
  describe('when the input is fine', () => {
    it.each([
      ['no note', { chapterId: '8' }],
      ['a note at the limit', { chapterId: '8', note: 'x'.repeat(REVIEW_NOTE_MAX) }],
      ['a note at the limit plus surrounding spaces', { chapterId: '8', note: `  ${'x'.repeat(REVIEW_NOTE_MAX)}\n` }],
      ['a note of 2,000 emoji (characters, not UTF-16 units)', { chapterId: '8', note: '✅'.repeat(1000) + '🙂'.repeat(1000) }],
      ['a note with tabs and line breaks', { chapterId: '8', note: 'Walked it\twith Ana.\r\nAll fine.' }],
      ['a note in a right-to-left script', { chapterId: '8', note: 'راجعنا الفصل' }],
    ])('returns no problem for %s', (_label, input) => {
      expect(validateReviewInput(def, input)).toEqual([]);
    });
  });

  describe('when the input is wrong', () => {
    it.each([
      ['an unknown chapter', { chapterId: '99' }, ['Chapter 99 is not in Test points checklist 1.0; pick one of: 7, 8.']],
      ['an empty chapter', { chapterId: '  ' }, ['Say which chapter was reviewed (chapterId is empty).']],
      ['a note one character too long', { chapterId: '8', note: 'x'.repeat(REVIEW_NOTE_MAX + 1) }, ['The note is 2001 characters; shorten it to at most 2000.']],
      ['a note that is not text', { chapterId: '8', note: 42 as unknown as string }, ['The note must be text.']],
      ['a note with NUL', { chapterId: '8', note: 'ok\u0000' }, ['The note contains U+0000 at character 3, a control or text-direction character that can hide text; remove it.']],
      ['a note with BEL', { chapterId: '8', note: '\u0007ding' }, ['The note contains U+0007 at character 1, a control or text-direction character that can hide text; remove it.']],
      ['a note with a right-to-left override', { chapterId: '8', note: 'fine\u202Etxt.exe' }, ['The note contains U+202E at character 5, a control or text-direction character that can hide text; remove it.']],
      ['a note with a left-to-right isolate', { chapterId: '8', note: '\u2066x\u2069' }, ['The note contains U+2066 at character 1, a control or text-direction character that can hide text; remove it.']],
      [
        'an unknown chapter and a long note',
        { chapterId: 'X', note: 'y'.repeat(2500) },
        ['Chapter X is not in Test points checklist 1.0; pick one of: 7, 8.', 'The note is 2500 characters; shorten it to at most 2000.'],
      ],
    ])('returns every problem for %s', (_label, input, problems) => {
      expect(validateReviewInput(def, input)).toEqual(problems);
    });
  });
});

describe('createChapterReview', () => {
  describe('when the input is valid', () => {
    it('returns the review stamped with the reviewer and the given time, note trimmed', () => {
      expect(createChapterReview(def, { chapterId: ' 8 ', note: '  Walked 8.1–8.3 with Ana\n' }, { accountId: 'ana', now: NOW })).toEqual({
        checklistId: def.id,
        chapterId: '8',
        reviewedBy: 'ana',
        reviewedAt: '2026-03-02T10:00:00.000Z',
        note: 'Walked 8.1–8.3 with Ana',
      });
    });

    it('returns no note when the note is blank', () => {
      expect(createChapterReview(def, { chapterId: '8', note: '   ' }, { accountId: 'ana', now: NOW })).not.toHaveProperty('note');
    });
  });

  describe('when the input is invalid', () => {
    it.each([
      ['an unknown chapter', { chapterId: '9' }, { accountId: 'ana', now: NOW }, /Chapter 9 is not in/],
      ['no reviewer', { chapterId: '8' }, { accountId: ' ', now: NOW }, /reviewer is unknown/],
      ['an invalid time', { chapterId: '8' }, { accountId: 'ana', now: new Date('nope') }, /not a valid date/],
    ])('throws a ReviewValidationError for %s', (_label, input, ctx, message) => {
      const attempt = () => createChapterReview(def, input, ctx);
      expect(attempt).toThrow(ReviewValidationError);
      expect(attempt).toThrow(message);
    });
  });
});

describe('upsertReview', () => {
  describe('when the chapter already has a review', () => {
    it('returns the list with the old review replaced, others kept', () => {
      const seven = review('7');
      const newer = review('8', '2026-03-05T00:00:00Z');
      const other = review('8', REVIEWED_AT, { checklistId: 'ucs-23' });
      expect(upsertReview([review('8'), seven, other], newer)).toEqual([seven, other, newer]);
    });
  });

  describe('when the chapter has no review yet', () => {
    it('returns the list with the review added, without changing the input', () => {
      const list = [review('7')];
      expect(upsertReview(list, review('8'))).toEqual([review('7'), review('8')]);
      expect(list).toHaveLength(1);
    });
  });
});
