/**
 * Crosswalk files at the crosswalk's size limit (issue 18, "20,000 rows"), through the real app,
 * the local Forge runtime (which enforces Forge's 500 KB invoke limit) and KVS: the browser's own
 * planner (common/crosswalk-parts.ts) stages the rows in parts; 20,000 bad rows get per-row
 * messages (1,000 listed, the rest counted) and nothing is saved; 20,000 good rows are stored in
 * parts under one revision, read back whole, and a save sent again answers the same revision.
 */
import type { CrosswalkPreview, CrosswalkRowPayload, SaveCrosswalkResult } from '../../common/crosswalk';
import { CROSSWALK_UPLOAD_LIMITS, planCrosswalkParts, stageCrosswalk, type CrosswalkUploadApi } from '../../common/crosswalk-parts';
import { findBuiltinChecklist } from '../../src/checklists';
import { startHarness, type Harness } from './harness';
import { isAbsent } from '../../src/storage/kvs';

const ids = (id: string) => findBuiltinChecklist(id)!.items.map((item) => item.id);
const byteLength = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/** 20,000 distinct full mappings between real built-ins, both ways (no partial rows: no cycles). */
function goodRows(): CrosswalkRowPayload[] {
  const lists = ['aws-msp-4.x', 'aws-msp-7.1', 'mspalliance-code-of-ethics', 'mspalliance-ucs-23'];
  const rows: CrosswalkRowPayload[] = [];
  for (const [a, from] of lists.entries()) {
    for (const to of lists.slice(a + 1)) {
      for (const x of ids(from)) for (const y of ids(to)) rows.push({ fromChecklist: from, fromItem: x, toChecklist: to, toItem: y }, { fromChecklist: to, fromItem: y, toChecklist: from, toItem: x });
    }
  }
  return rows.slice(0, 20_000);
}

describe('a crosswalk of 20,000 rows', () => {
  let h: Harness;
  let api: CrosswalkUploadApi;
  beforeEach(() => {
    h = startHarness();
    api = {
      beginCrosswalkUpload: (payload) => h.invoke('beginCrosswalkUpload', payload),
      appendCrosswalkRows: (payload) => h.invoke('appendCrosswalkRows', payload),
      previewCrosswalk: (payload) => h.invoke('previewCrosswalk', payload),
      saveCrosswalk: (payload) => h.invoke('saveCrosswalk', payload),
    };
  });
  afterEach(async () => {
    await h.close();
  });
  const savedKeys = () => h.runtime.kvs.keys().filter((key) => (key === 'crosswalk' || key.startsWith('crosswalk-rows:')) && !isAbsent(h.runtime.kvs.get(key)));

  it('does not fit one invoke, so it is staged in parts that each fit one KVS value', async () => {
    const rows = goodRows();
    expect(rows).toHaveLength(20_000);
    expect(byteLength({ rows })).toBeGreaterThan(2 * 500 * 1024);
    await expect(h.invoke('previewCrosswalk', { rows })).rejects.toThrow(/exceeds 500 KB, Forge's limit/);
    const parts = planCrosswalkParts(rows);
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) expect(byteLength({ rows: part })).toBeLessThanOrEqual(CROSSWALK_UPLOAD_LIMITS.partBytes + 16);
    expect(parts.flat()).toEqual(rows);
  });

  it('lists the first 1,000 problems of 20,000 bad rows, counts the rest, and saves nothing', async () => {
    const rows = goodRows().map((row, index) => (index % 2 === 0 ? { ...row, toItem: `${row.toItem}-old` } : { ...row, coverage: 'most' }));
    const ref = await stageCrosswalk(api, rows, 'everything.xlsx');
    expect('uploadId' in ref).toBe(true);
    const preview = await api.previewCrosswalk(ref);
    expect([preview.rowCount, preview.problems.length, preview.moreProblems]).toEqual([20_000, 1_000, 19_000]);
    expect(preview.problems[0]).toMatchObject({ row: 1, field: 'toItem', message: expect.stringMatching(/^aws-msp-7\.1 has no item "[^"]+-old"; did you mean/) });
    expect(preview.problems[1]).toMatchObject({ row: 2, field: 'coverage', message: 'must be full or partial (not "most"); leave it empty for full' });

    await expect(api.saveCrosswalk({ ...ref, fileName: 'everything.xlsx', basedOn: null })).rejects.toThrow(/^The crosswalk has 20000 problems; nothing was saved\. Row 1, toItem: /);
    expect(savedKeys()).toEqual([]);
  });

  it('refuses more than 20,000 rows before any part is sent', async () => {
    const rows = [...goodRows(), goodRows()[0]!];
    await expect(stageCrosswalk(api, rows, 'too-many.csv')).rejects.toThrow('The file has 20,001 rows; a crosswalk holds at most 20,000. Split it by checklist pair or drop rows, then upload again.');
    expect(h.runtime.kvs.keys().filter((key) => key.startsWith('crosswalk') && !isAbsent(h.runtime.kvs.get(key)))).toEqual([]);
  });

  it('stores 20,000 good rows in parts under one revision; a save sent again answers the same revision; the next save sweeps the old parts', async () => {
    const rows = goodRows();
    const ref = await stageCrosswalk(api, rows, 'everything.csv');
    const preview = await api.previewCrosswalk(ref);
    expect([preview.problems, preview.full, preview.current]).toEqual([[], 20_000, null]);

    const saved = await api.saveCrosswalk({ ...ref, fileName: 'everything.csv', basedOn: null });
    expect(saved).toMatchObject({ unchanged: false, saved: { rowCount: 20_000, fileName: 'everything.csv' } });
    const chunks = savedKeys().filter((key) => key.startsWith('crosswalk-rows:'));
    expect(chunks.length).toBeGreaterThan(1);
    for (const key of chunks) {
      expect(key.startsWith(`crosswalk-rows:${saved.saved.revision}:`)).toBe(true);
      expect(byteLength(h.runtime.kvs.get(key))).toBeLessThanOrEqual(240 * 1024);
    }
    const stored = chunks.flatMap((key) => (h.runtime.kvs.get(key) as { rows: string[][] }).rows);
    expect(stored.map((row) => row.slice(0, 4).join(' '))).toEqual(rows.map((row) => `${row.fromChecklist} ${row.fromItem} ${row.toChecklist} ${row.toItem}`));
    // The staged parts are gone once saved; the upload remembers what it saved.
    expect(h.runtime.kvs.keys().filter((key) => key.startsWith('crosswalk-upload-rows:'))).toEqual([]);

    // The answer was lost (a 5xx after the save happened): the same call again is answered as saved, writing nothing.
    const before = JSON.stringify(h.runtime.kvs.keys().sort());
    await expect(api.saveCrosswalk({ ...ref, fileName: 'everything.csv', basedOn: null })).resolves.toEqual({ saved: saved.saved, unchanged: true });
    expect(JSON.stringify(h.runtime.kvs.keys().sort())).toBe(before);
    // Staged again from the start (the browser reloaded): the same rows are found saved.
    const again = await stageCrosswalk(api, rows, 'everything.csv');
    await expect(api.saveCrosswalk({ ...again, fileName: 'everything.csv', basedOn: null })).resolves.toEqual({ saved: saved.saved, unchanged: true });

    const smaller = await api.saveCrosswalk({ rows: rows.slice(0, 10), fileName: 'ten.csv', basedOn: saved.saved.revision });
    expect(savedKeys().sort()).toEqual(['crosswalk', `crosswalk-rows:${smaller.saved.revision}:0000`]);
  });

  it('keeps an upload to the account that began it, and names a part that never arrived', async () => {
    const rows = goodRows().slice(0, 5_000);
    const parts = planCrosswalkParts(rows);
    expect(parts.length).toBeGreaterThan(1);
    const { uploadId } = await api.beginCrosswalkUpload({ fileName: 'map.csv', rowCount: rows.length, partCount: parts.length });
    await api.appendCrosswalkRows({ uploadId, index: 0, rows: parts[0]! });
    await expect(h.invoke('appendCrosswalkRows', { uploadId, index: 1, rows: parts[1] }, { accountId: 'lead' })).rejects.toThrow(/There is no crosswalk upload .* of yours/);
    await expect(api.previewCrosswalk({ uploadId })).rejects.toThrow(new RegExp(`^Part${parts.length > 2 ? 's' : ''} 2.* of ${parts.length} never arrived`));
    await expect(h.invoke('beginCrosswalkUpload', { fileName: 'map.csv', rowCount: 10, partCount: 1 }, { accountId: 'lead' })).rejects.toThrow(/Administer Jira/);
    await expect(api.beginCrosswalkUpload({ fileName: 'map.csv', rowCount: 0, partCount: 1 })).rejects.toThrow('The file has no rows; add one row per mapping under the header.');
    await expect(api.beginCrosswalkUpload({ fileName: 'map.csv', rowCount: 10, partCount: 11 })).rejects.toThrow('An upload of 10 rows comes in 1 to 10 parts, not 11.');
    await expect(h.invoke<SaveCrosswalkResult>('saveCrosswalk', { uploadId, rows: [], fileName: 'map.csv' })).rejects.toThrow(/not both and not neither/);
    const preview: Promise<CrosswalkPreview> = api.previewCrosswalk({ uploadId: '00000000-0000-4000-8000-000000000000' });
    await expect(preview).rejects.toThrow(/There is no crosswalk upload/);
  });
});
