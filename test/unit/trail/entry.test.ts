/**
 * A trail entry's bounds, cleaning and hash, and the chain check on chunks built in memory.
 */
import fc from 'fast-check';
import { boundedValue, buildEntry, chunkOf, cleanText, clipText, ENTRY_MAX_BYTES, entryHash, SUMMARY_KEY, TRAIL_CHUNK_ENTRIES, VALUE_MAX_BYTES, type TrailEntry } from '../../../src/trail/entry';
import { withSeq, INDEX_MAX_SEQS } from '../../../src/trail/store';
import { checkChain } from '../../../src/trail/verify';

const AT = new Date('2026-01-01T00:00:00Z');

function chainOf(count: number): TrailEntry[] {
  const entries: TrailEntry[] = [];
  for (let seq = 1; seq <= count; seq++) entries.push(buildEntry({ actor: 'ana', action: 'assessment.set', reason: `r${seq}`, at: AT }, seq, entries.at(-1)?.hash ?? ''));
  return entries;
}
const chunked = (entries: TrailEntry[]) =>
  Array.from({ length: Math.ceil(entries.length / TRAIL_CHUNK_ENTRIES) }, (_, chunk) => ({
    chunk,
    value: { entries: entries.filter((entry) => chunkOf(entry.seq) === chunk), damaged: [] },
  }));
const headOf = (entries: TrailEntry[]) => ({ count: entries.length, lastHash: entries.at(-1)?.hash ?? '' });

describe('buildEntry', () => {
  it('chains to the hash it is given and hashes everything but its hash', () => {
    const entry = buildEntry({ actor: 'ana', action: 'chapter.review', reason: 'ok', at: AT }, 3, 'abc');
    expect(entry).toMatchObject({ seq: 3, prev: 'abc', at: '2026-01-01T00:00:00.000Z', actor: 'ana', reason: 'ok' });
    expect(entry.hash).toBe(entryHash(entry));
    expect(entryHash({ ...entry, reason: 'ok!' })).not.toBe(entry.hash);
  });

  it('stays within ENTRY_MAX_BYTES whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6000, unit: 'grapheme' }), fc.string({ maxLength: 400 }), fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), (reason, id, before, after) => {
        const entry = buildEntry({ actor: id, action: id, checklistId: id, itemId: id, issueKey: id, reason, before, after, at: AT }, 99_999, 'f'.repeat(64));
        return Buffer.byteLength(JSON.stringify(entry)) <= ENTRY_MAX_BYTES;
      }),
      { numRuns: 200 },
    );
  });
});

describe('cleanText / clipText / boundedValue', () => {
  it.each([
    ['a bidi override', 'ok\u202Egnp.exe', 'ok[U+202E]gnp.exe'],
    ['a control character', 'a\u0007b', 'a[U+0007]b'],
    ['line breaks and tabs, kept', 'a\n\tb', 'a\n\tb'],
  ])('shows %s visibly', (_case, text, shown) => {
    expect(cleanText(text)).toBe(shown);
  });

  it('cuts long text on a character boundary and says how much was left out', () => {
    expect(clipText('short', 100)).toBe('short');
    const cut = clipText('😀'.repeat(100), 60);
    expect(cut).toMatch(/^(😀)+ … \[\d+ more characters not kept in the trail\]$/);
    const kept = Array.from(cut.split(' … ')[0]!).length;
    expect(cut).toContain(`[${100 - kept} more characters`);
    expect(Buffer.byteLength(JSON.stringify(cut))).toBeLessThanOrEqual(60);
  });

  it('keeps a small value and summarises a large one with its size and sha256', () => {
    expect(boundedValue({ result: 'met', note: 'a\u202Eb' })).toEqual({ result: 'met', note: 'a[U+202E]b' });
    expect(boundedValue(undefined)).toBeUndefined();
    const large = boundedValue({ text: 'x'.repeat(VALUE_MAX_BYTES) }) as Record<string, unknown>;
    expect(large).toMatchObject({ [SUMMARY_KEY]: expect.stringContaining('too large'), bytes: VALUE_MAX_BYTES + 11, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});

describe('withSeq', () => {
  it('adds a seq once and drops the oldest past the bound, counting them', () => {
    expect(withSeq({ seqs: [1, 2], dropped: 0 }, 2)).toEqual({ seqs: [1, 2], dropped: 0 });
    const full = { seqs: Array.from({ length: INDEX_MAX_SEQS }, (_, i) => i + 1), dropped: 3 };
    const next = withSeq(full, INDEX_MAX_SEQS + 1);
    expect(next.seqs).toHaveLength(INDEX_MAX_SEQS);
    expect(next.seqs[0]).toBe(2);
    expect(next.dropped).toBe(4);
  });
});

describe('checkChain', () => {
  const entries = chainOf(90);

  it('says intact, with the count and the last hash, for an untouched trail', () => {
    expect(checkChain(chunked(entries), headOf(entries), AT)).toEqual({ intact: true, entries: 90, lastHash: entries[89]!.hash, breaks: [], breakCount: 0, checkedAt: AT.toISOString() });
    expect(checkChain([], { count: 0, lastHash: '' }, AT).intact).toBe(true);
  });

  it.each<[string, (list: TrailEntry[]) => TrailEntry[], number, string]>([
    ['an altered entry', (list) => list.map((e) => (e.seq === 42 ? { ...e, reason: 'x' } : e)), 42, 'altered'],
    ['an altered and rehashed entry', (list) => list.map((e) => (e.seq === 42 ? { ...e, reason: 'x', hash: entryHash({ ...e, reason: 'x' }) } : e)), 43, 'chain'],
    ['a removed entry', (list) => list.filter((e) => e.seq !== 42), 42, 'missing'],
    ['the first entry removed', (list) => list.filter((e) => e.seq !== 1), 1, 'missing'],
    ['two swapped entries', (list) => list.map((e) => (e.seq === 42 ? list[42]! : e.seq === 43 ? list[41]! : e)), 42, 'reordered'],
    ['a repeated entry', (list) => [...list.slice(0, 43), list[41]!, ...list.slice(43)], 42, 'reordered'],
  ])('finds %s and where', (_case, tamper, seq, problem) => {
    const tampered = tamper(entries);
    const verdict = checkChain(chunked(tampered), headOf(entries), AT);
    expect(verdict.intact).toBe(false);
    expect(verdict.breaks[0]).toMatchObject({ seq, problem });
  });

  it('finds an entry moved to another chunk', () => {
    const chunks = chunked(entries);
    const moved = chunks[0]!.value.entries.pop()!;
    chunks[1]!.value.entries.unshift(moved);
    expect(checkChain(chunks, headOf(entries), AT).breaks[0]).toMatchObject({ seq: 40, problem: 'misplaced' });
  });

  it('finds a head that counts more entries than the chunks hold, or names another last hash', () => {
    expect(checkChain(chunked(entries.slice(0, 85)), headOf(entries), AT).breaks).toEqual([
      { seq: 86, problem: 'head', message: "The trail's head counts 90 entries but the chunks hold 85: entries 86–90 were removed." },
    ]);
    expect(checkChain(chunked(entries), { count: 90, lastHash: 'x' }, AT).breaks[0]).toMatchObject({ seq: 91, problem: 'head' });
  });
});
