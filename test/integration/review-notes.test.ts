/** A chapter review's note is free text a person types: control and bidi characters are refused, nothing is written. */
import type { AuditDay } from '../../common/contract';
import { errorCodeOf } from '../../common/errors';
import { startHarness, type Harness } from './harness';

const CHECKLIST = 'aws-msp-7.1';
let h: Harness;
beforeAll(async () => {
  h = startHarness();
  expect((await h.importChecklist(CHECKLIST)).state).toBe('done');
});
afterAll(async () => {
  await h.close();
});

describe('markChapterReviewed note', () => {
  it.each([
    ['NUL', 'Walked it\u0000', 'U+0000'],
    ['BEL', '\u0007Walked it', 'U+0007'],
    ['a right-to-left override', 'Walked it \u202Ecod.exe', 'U+202E'],
    ['a left-to-right isolate', 'Walked \u2066it\u2069', 'U+2066'],
  ])('refuses a note with %s as a bad request and writes nothing', async (_label, note, code) => {
    const before = h.runtime.kvs.keys().map((key) => [key, JSON.stringify(h.runtime.kvs.get(key))]);
    const refused = await h.invoke('markChapterReviewed', { checklistId: CHECKLIST, chapterId: 'operations', note }).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(errorCodeOf(refused)).toBe('invalid-input');
    expect(refused?.message).toContain(`The note contains ${code}`);
    expect(h.runtime.kvs.keys().map((key) => [key, JSON.stringify(h.runtime.kvs.get(key))])).toEqual(before);
  });

  it('keeps tabs and line breaks', async () => {
    const day = await h.invoke<AuditDay>('markChapterReviewed', { checklistId: CHECKLIST, chapterId: 'operations', note: 'Walked it\twith Ana.\nAll fine.' });
    const chapter = day.chapters.find((entry) => entry.chapterId === 'operations');
    expect(chapter?.review?.note).toBe('Walked it\twith Ana.\nAll fine.');
  });
});
