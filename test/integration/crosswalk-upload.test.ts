/**
 * Uploading the site's crosswalk between checklists through the real app, the local Forge runtime
 * and the Jira emulator (issue 18.2): a CSV or YAML file read as the browser reads it, a preview
 * with every row's problems, a save that needs Administer Jira (asked as the user), writes nothing
 * on a bad row, answers a repeated save without writing, and refuses to overwrite a crosswalk
 * someone else saved after the preview.
 */
import type { TrailPage } from '../../common/contract';
import { readCrosswalkText, type CrosswalkPreview, type SaveCrosswalkResult } from '../../common/crosswalk';
import { readCrosswalkFile } from '../../common/crosswalk-file';
import { buildXlsx } from '../fixtures/sheets/xlsx';
import { startHarness, type Harness } from './harness';
import { isAbsent } from '../../src/storage/kvs';

const GOOD_CSV = [
  'From checklist;From item;To checklist;To item;Coverage;Note',
  'mspalliance-code-of-ethics;4.1;mspalliance-ucs-23;03.01;full;NDA policy and signed NDAs',
  'mspalliance-code-of-ethics;6.1;aws-msp-7.1;PEO-001;partial;',
  'aws-msp-7.1;SEC-002;mspalliance-code-of-ethics;6.1;;',
].join('\n');

const GOOD_YAML = `mappings:
  - { from: { checklist: mspalliance-code-of-ethics, item: 4.1 }, to: { checklist: mspalliance-ucs-23, item: 03.01 }, coverage: full }
`;

/** The crosswalk's records (an ABSENT marker, src/storage/kvs.ts, is none). */
const crosswalkKeys = (h: Harness) => h.runtime.kvs.keys().filter((key) => key.startsWith('crosswalk') && !isAbsent(h.runtime.kvs.get(key)));

describe('crosswalk upload', () => {
  let h: Harness;
  beforeEach(() => {
    h = startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('previews a CSV file: counts, pairs, no problems, nothing saved yet', async () => {
    const rows = readCrosswalkText(GOOD_CSV, 'map.csv');
    const preview = await h.invoke<CrosswalkPreview>('previewCrosswalk', { rows });
    expect(preview).toEqual({
      rowCount: 3,
      full: 2,
      partial: 1,
      pairs: [
        { from: 'mspalliance-code-of-ethics', to: 'mspalliance-ucs-23', rows: 1 },
        { from: 'mspalliance-code-of-ethics', to: 'aws-msp-7.1', rows: 1 },
        { from: 'aws-msp-7.1', to: 'mspalliance-code-of-ethics', rows: 1 },
      ],
      problems: [],
      moreProblems: 0,
      current: null,
    });
    expect(crosswalkKeys(h)).toEqual([]);
  });

  it('reads item ids in YAML exactly as written (03.01 stays 03.01)', async () => {
    const rows = readCrosswalkText(GOOD_YAML, 'map.yaml');
    expect(rows).toEqual([{ fromChecklist: 'mspalliance-code-of-ethics', fromItem: '4.1', toChecklist: 'mspalliance-ucs-23', toItem: '03.01', coverage: 'full' }]);
    expect((await h.invoke<CrosswalkPreview>('previewCrosswalk', { rows })).problems).toEqual([]);
  });

  it('lists each bad row in the preview, and a save of them writes nothing', async () => {
    const rows = readCrosswalkText(
      [
        'from checklist,from item,to checklist,to item,coverage',
        'aws-msp-7.1,SEC-002,mspalliance-ucs-23,06.01,full',
        'aws-msp-7.2,SEC-002,mspalliance-ucs-23,06.01,full',
        'aws-msp-7.1,SEC-999,aws-msp-7.1,SEC-999,full',
      ].join('\n'),
      'bad.csv',
    );
    const preview = await h.invoke<CrosswalkPreview>('previewCrosswalk', { rows });
    expect(preview.problems).toEqual([
      { row: 2, field: 'fromChecklist', message: 'no checklist "aws-msp-7.2"; did you mean "aws-msp-7.1"?' },
      { row: 3, field: 'fromItem', message: expect.stringMatching(/^aws-msp-7\.1 has no item "SEC-999"/) },
      { row: 3, field: 'toItem', message: expect.stringMatching(/^aws-msp-7\.1 has no item "SEC-999"/) },
    ]);
    await expect(h.invoke('saveCrosswalk', { rows, fileName: 'bad.csv' })).rejects.toThrow(
      /^The crosswalk has 3 problems; nothing was saved\. Row 2, fromChecklist: no checklist "aws-msp-7\.2"/,
    );
    expect(crosswalkKeys(h)).toEqual([]);
  });

  it('takes an .xlsx workbook with the CSV columns; each problem names the sheet and the row Excel shows', async () => {
    const bytes = await buildXlsx([
      { name: 'Read me', rows: [['One row per mapping on the Mappings sheet.']] },
      {
        name: 'Mappings',
        rows: [
          ['From checklist', 'From item', 'To checklist', 'To item', 'Coverage', 'Note'],
          ['mspalliance-code-of-ethics', '4.1', 'mspalliance-ucs-23', '03.01', 'full', 'NDA policy and signed NDAs'],
          [],
          ['aws-msp-7.1', 'SEC-002', 'mspalliance-ucs-23', '06.01', 'mostly'],
        ],
      },
    ]);
    const rows = await readCrosswalkFile({ name: 'map.xlsx', bytes });
    const preview = await h.invoke<CrosswalkPreview>('previewCrosswalk', { rows });
    expect(preview.problems).toEqual([{ row: 2, sheet: 'Mappings', line: 4, field: 'coverage', message: 'must be full or partial (not "mostly"); leave it empty for full' }]);
    await expect(h.invoke('saveCrosswalk', { rows, fileName: 'map.xlsx' })).rejects.toThrow(
      'The crosswalk has 1 problem; nothing was saved. Sheet "Mappings" row 4, coverage: must be full or partial (not "mostly"); leave it empty for full.',
    );
    expect(crosswalkKeys(h)).toEqual([]);

    const fixed = rows.map((row) => (row.coverage === 'mostly' ? { ...row, coverage: 'partial' } : row));
    const saved = await h.invoke<SaveCrosswalkResult>('saveCrosswalk', { rows: fixed, fileName: 'map.xlsx' });
    expect(saved.saved).toMatchObject({ rowCount: 2, fileName: 'map.xlsx' });
  });

  it('refuses a save by someone without Administer Jira, before writing anything', async () => {
    const rows = readCrosswalkText(GOOD_CSV, 'map.csv');
    for (const accountId of ['viewer', 'lead']) {
      await expect(h.invoke('saveCrosswalk', { rows, fileName: 'map.csv' }, { accountId })).rejects.toThrow(/You need Jira's global Administer Jira permission to save the crosswalk/);
    }
    expect(crosswalkKeys(h)).toEqual([]);
  });

  it('saves, answers the same rows again without writing, and refuses a save based on an older preview', async () => {
    const rows = readCrosswalkText(GOOD_CSV, 'map.csv');
    const first = await h.invoke<SaveCrosswalkResult>('saveCrosswalk', { rows, fileName: 'map.csv', basedOn: null });
    expect(first).toMatchObject({ unchanged: false, saved: { rowCount: 3, fileName: 'map.csv', savedBy: 'admin' } });
    const stored = crosswalkKeys(h).sort();
    // The header, the rows, and (beside the header, so every page open reads a small header) the save's trail decision id.
    expect(stored).toEqual(['crosswalk', 'crosswalk-decisions', `crosswalk-rows:${first.saved.revision}:0000`]);
    expect(JSON.stringify(h.runtime.kvs.get('crosswalk'))).not.toContain('decisions');

    // A retry after a lost answer: the same rows, the same (old) basis.
    const again = await h.invoke<SaveCrosswalkResult>('saveCrosswalk', { rows, fileName: 'map.csv', basedOn: null });
    expect(again).toEqual({ saved: first.saved, unchanged: true });
    // The save is a decision on the trail of the project it was made from, once (the retry wrote nothing).
    const uploads = () => h.invoke<TrailPage>('getTrail', {}).then((page) => page.entries.filter((entry) => entry.action === 'crosswalk.upload'));
    expect(await uploads()).toEqual([expect.objectContaining({ actor: 'admin', before: null, after: expect.objectContaining({ fileName: 'map.csv', rowCount: 3 }) })]);
    expect(h.runtime.kvs.keys().filter((key) => key.startsWith('trail-pending:') && !key.endsWith('#none'))).toEqual([]);

    const preview = await h.invoke<CrosswalkPreview>('previewCrosswalk', { rows: rows.slice(0, 1) });
    expect(preview.current).toEqual(first.saved);
    await expect(h.invoke('saveCrosswalk', { rows: rows.slice(0, 2), fileName: 'two.csv', basedOn: null })).rejects.toThrow(
      /Someone else saved the crosswalk \(3 rows, .*\) after you previewed yours/,
    );

    const second = await h.invoke<SaveCrosswalkResult>('saveCrosswalk', { rows: rows.slice(0, 1), fileName: 'one.csv', basedOn: first.saved.revision });
    expect(second.saved.rowCount).toBe(1);
    expect((await uploads()).map((entry) => [entry.before, (entry.after as { fileName: string }).fileName])).toEqual([
      [expect.objectContaining({ revision: first.saved.revision, rowCount: 3 }), 'one.csv'],
      [null, 'map.csv'],
    ]);
    // The first revision's rows are swept once the header points at the second.
    expect(crosswalkKeys(h).sort()).toEqual(['crosswalk', 'crosswalk-decisions', `crosswalk-rows:${second.saved.revision}:0000`]);
    expect((h.runtime.kvs.get('crosswalk-decisions') as { ids: string[] }).ids).toHaveLength(2);
  });

  it('stores a large crosswalk in several chunks', async () => {
    const ucs = ['01.01', '01.02', '01.03', '01.04', '01.05', '02.01', '02.02', '02.03', '02.04', '02.05', '02.06'];
    const { findBuiltinChecklist } = await import('../../src/checklists');
    const aws4 = findBuiltinChecklist('aws-msp-4.x')!.items.map((item) => item.id);
    const rows = aws4.flatMap((from) => ucs.map((to) => ({ fromChecklist: 'aws-msp-4.x', fromItem: from, toChecklist: 'mspalliance-ucs-23', toItem: to, coverage: 'partial', note: `Both ask for the same record of ${from}: ${'the register, its owner and its last review. '.repeat(3)}` })));
    const saved = await h.invoke<SaveCrosswalkResult>('saveCrosswalk', { rows, fileName: 'big.csv' });
    expect(saved.saved.rowCount).toBe(rows.length);
    expect(crosswalkKeys(h).filter((key) => key.startsWith('crosswalk-rows:')).length).toBeGreaterThan(1);
  });
});
