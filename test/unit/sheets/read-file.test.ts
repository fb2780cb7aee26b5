import { readChecklistFile, type Sheet, type Workbook } from '../../../common/sheets';
import { buildXlsx, textBytes } from '../../fixtures/sheets/xlsx';
import { readTable } from '../../fixtures/sheets/workbooks';

function onlySheet(workbook: Workbook): Sheet {
  if (!('sheets' in workbook) || workbook.sheets.length !== 1 || workbook.sheets[0] === undefined) {
    throw new Error('expected one sheet');
  }
  return workbook.sheets[0];
}

describe('readChecklistFile', () => {
  describe('when the file is CSV', () => {
    const cases: { name: string; file: string; bytes: Uint8Array; rows: string[][] }[] = [
      {
        name: 'comma-separated',
        file: 'list.csv',
        bytes: textBytes('ID,Title,Points\n1.1,Policies,10\n1.2,Backups,20\n'),
        rows: [['ID', 'Title', 'Points'], ['1.1', 'Policies', '10'], ['1.2', 'Backups', '20']],
      },
      {
        name: 'semicolon-separated (Excel where the decimal mark is a comma)',
        file: 'list.csv',
        bytes: textBytes('ID;Title;Points\n1.1;Policies, written;10\n'),
        rows: [['ID', 'Title', 'Points'], ['1.1', 'Policies, written', '10']],
      },
      {
        name: 'tab-separated with a .tsv name',
        file: 'list.tsv',
        bytes: textBytes('ID\tTitle\n1.1\tPolicies\n'),
        rows: [['ID', 'Title'], ['1.1', 'Policies']],
      },
      {
        name: 'UTF-8 with a byte order mark (Excel "CSV UTF-8")',
        file: 'list.csv',
        bytes: textBytes('ID,Title\n1.1,Évaluation des risques\n', { bom: true }),
        rows: [['ID', 'Title'], ['1.1', 'Évaluation des risques']],
      },
      {
        name: 'a quoted cell spanning lines, as Excel exports multi-line cells',
        file: 'list.csv',
        bytes: textBytes('ID,Requirement Description\nBUS-001,"Company Overview\nMandatory\n\nTell the story."\n'),
        rows: [['ID', 'Requirement Description'], ['BUS-001', 'Company Overview\nMandatory\n\nTell the story.']],
      },
      {
        name: 'blank rows kept so row numbers match the file',
        file: 'list.csv',
        bytes: textBytes('ID,Title\r\n\r\n1.1,Policies\r\n\r\n\r\n'),
        rows: [['ID', 'Title'], [''], ['1.1', 'Policies']],
      },
      {
        name: 'UTF-16 with a byte order mark (Excel "Unicode Text")',
        file: 'list.txt',
        bytes: new Uint8Array([0xff, 0xfe, ...[...'ID\tTitle\n1\tA'].flatMap((c) => [c.charCodeAt(0), 0])]),
        rows: [['ID', 'Title'], ['1', 'A']],
      },
    ];
    it.each(cases)('reads $name', async ({ file, bytes, rows }) => {
      const workbook = await readChecklistFile({ name: file, bytes });
      expect(workbook.kind).toBe('csv');
      expect(onlySheet(workbook).rows).toEqual(rows);
    });

    it('names the sheet after the file and accepts an ArrayBuffer', async () => {
      const bytes = textBytes('ID,Title\n1,A\n');
      const workbook = await readChecklistFile({ name: 'C:\\audit\\Team list.csv', bytes: bytes.slice().buffer });
      expect(onlySheet(workbook).name).toBe('Team list');
    });
  });

  describe('when the file is XLSX', () => {
    it('reads every sheet in order, with rows at their Excel positions', async () => {
      const bytes = await buildXlsx([
        { name: 'Notes', rows: [['Read me']] },
        { name: 'Checklist', rows: [['Team checklist'], [], ['ID', 'Title'], ['1.1', 'Policies']] },
      ]);
      const workbook = await readTable('team.xlsx', bytes);
      expect(workbook.kind).toBe('xlsx');
      expect(workbook.sheets.map((sheet) => sheet.name)).toEqual(['Notes', 'Checklist']);
      expect(workbook.sheets[1]?.rows).toEqual([['Team checklist'], [], ['ID', 'Title'], ['1.1', 'Policies']]);
    });

    const cells: { name: string; value: import('exceljs').CellValue; numFmt?: string; text: string; formula?: string }[] = [
      { name: 'a string', value: 'Policies', text: 'Policies' },
      { name: 'a whole number', value: 10, text: '10' },
      { name: 'a float with binary noise', value: 0.1 + 0.2, text: '0.3' },
      { name: 'an id typed 8.10 in a 0.00 column', value: 8.1, numFmt: '0.00', text: '8.10' },
      { name: 'a boolean', value: true, text: 'TRUE' },
      { name: 'a date', value: new Date(Date.UTC(2026, 2, 31)), text: '2026-03-31' },
      { name: 'a date and time', value: new Date(Date.UTC(2026, 2, 31, 9, 30)), text: '2026-03-31T09:30:00.000Z' },
      { name: 'rich text', value: { richText: [{ text: 'Web ', font: { bold: true } }, { text: 'Presence' }] }, text: 'Web Presence' },
      { name: 'a hyperlink', value: { text: 'Policy page', hyperlink: 'https://example.com/policy' }, text: 'Policy page' },
      { name: 'an error value', value: { error: '#N/A' }, text: '#N/A' },
      { name: 'a formula, as its cached result', value: { formula: 'SUM(1,2)', result: 3 }, text: '3', formula: 'SUM(1,2)' },
      { name: 'a formula without a cached result', value: { formula: 'NOW()' }, text: '', formula: 'NOW()' },
    ];
    it.each(cells)('reads $name as "$text"', async ({ value, numFmt, text, formula }) => {
      const bytes = await buildXlsx([{ name: 'S', rows: [['ID', 'Value'], ['1', value]], numFmts: numFmt ? { B2: numFmt } : {} }]);
      const sheet = onlySheet(await readTable('cells.xlsx', bytes));
      expect(sheet.rows[1]?.[1]).toBe(text);
      expect(sheet.formulas).toEqual(formula === undefined ? [] : [{ row: 2, column: 2, formula }]);
    });

    it('shows a merged range once, in its top-left cell', async () => {
      const bytes = await buildXlsx([{ name: 'S', rows: [['ID', 'Title'], ['Business']], merges: ['A2:B2'] }]);
      expect(onlySheet(await readTable('merged.xlsx', bytes)).rows[1]).toEqual(['Business', '']);
    });
  });

  describe('when the file is a checklist definition', () => {
    it('reads YAML, keeping unquoted versions and ids exactly as written', async () => {
      const yaml = 'id: team-1\nversion: 4.10\nmodel: points\nmaxScore: 100\nitems:\n  - { id: 8.10, points: 10 }\n';
      const workbook = await readChecklistFile({ name: 'team.yml', bytes: textBytes(yaml) });
      expect(workbook).toEqual({
        kind: 'yaml',
        fileName: 'team.yml',
        definition: { id: 'team-1', version: '4.10', model: 'points', maxScore: 100, items: [{ id: '8.10', points: 10 }] },
      });
    });

    it('reads JSON as written', async () => {
      const json = '{"id":"team-1","version":"1.0","items":[{"id":"1.1","points":5}]}';
      const workbook = await readChecklistFile({ name: 'team.JSON', bytes: textBytes(json) });
      expect(workbook).toEqual({ kind: 'json', fileName: 'team.JSON', definition: JSON.parse(json) });
    });
  });
});
