/**
 * A crosswalk file of every accepted type, read as the browser reads it (common/crosswalk-file.ts):
 * an .xlsx workbook takes the CSV's columns, keeps each row's sheet and Excel row number, and skips
 * sheets that are not a crosswalk; a file that is none gets a message saying what to fix.
 */
import { readCrosswalkFile } from '../../../common/crosswalk-file';
import { buildXlsx, textBytes } from '../../fixtures/sheets/xlsx';

const HEADER = ['From checklist', 'From item', 'To checklist', 'To item', 'Coverage', 'Note'];

describe('reading a crosswalk file', () => {
  it('reads an .xlsx sheet with the CSV columns, keeping sheet and row, skipping blank rows and an instructions sheet', async () => {
    const bytes = await buildXlsx([
      { name: 'How to', rows: [['Fill in the Mappings sheet, one row per mapping.']] },
      {
        name: 'Mappings',
        rows: [
          [],
          HEADER,
          ['aws-msp-7.1', 'SEC-002', 'mspalliance-ucs-23', '06.01', 'full', 'Same incident process'],
          [],
          ['mspalliance-code-of-ethics', 4.1, 'mspalliance-ucs-23', '03.01', 'partial'],
        ],
        numFmts: { B5: '0.0' },
      },
    ]);
    expect(await readCrosswalkFile({ name: 'map.xlsx', bytes })).toEqual([
      { sheet: 'Mappings', line: 3, fromChecklist: 'aws-msp-7.1', fromItem: 'SEC-002', toChecklist: 'mspalliance-ucs-23', toItem: '06.01', coverage: 'full', note: 'Same incident process' },
      { sheet: 'Mappings', line: 5, fromChecklist: 'mspalliance-code-of-ethics', fromItem: '4.1', toChecklist: 'mspalliance-ucs-23', toItem: '03.01', coverage: 'partial' },
    ]);
  });

  it('reads every crosswalk sheet of a workbook in order, columns in any order', async () => {
    const bytes = await buildXlsx([
      { name: 'AWS to UCS', rows: [['to item', 'to checklist', 'from item', 'from checklist'], ['06.01', 'mspalliance-ucs-23', 'SEC-002', 'aws-msp-7.1']] },
      { name: 'Ethics to UCS', rows: [HEADER, ['mspalliance-code-of-ethics', '4.1', 'mspalliance-ucs-23', '03.01']] },
    ]);
    const rows = await readCrosswalkFile({ name: 'map.xlsx', bytes });
    expect(rows.map((row) => `${row.sheet}!${row.line} ${row.fromChecklist} ${row.fromItem} → ${row.toChecklist} ${row.toItem}`)).toEqual([
      'AWS to UCS!2 aws-msp-7.1 SEC-002 → mspalliance-ucs-23 06.01',
      'Ethics to UCS!2 mspalliance-code-of-ethics 4.1 → mspalliance-ucs-23 03.01',
    ]);
  });

  it('says which column is wrong when no sheet is a crosswalk', async () => {
    const bytes = await buildXlsx([{ name: 'Sheet1', rows: [['From checklist', 'From item', 'Target', 'To item']] }]);
    await expect(readCrosswalkFile({ name: 'map.xlsx', bytes })).rejects.toThrow(
      'map.xlsx has no sheet whose first row names the crosswalk columns (sheet "Sheet1" row 1: unknown column "Target"); put from checklist, from item, to checklist, to item, coverage and note in the first row of the sheet.',
    );
  });

  it('refuses a file that only claims to be .xlsx, with the checklist reader’s message', async () => {
    await expect(readCrosswalkFile({ name: 'map.xlsx', bytes: textBytes('from checklist,from item\n') })).rejects.toThrow(/^map\.xlsx: is not an Excel workbook/);
  });

  it('reads CSV and YAML bytes as the text readers do (a BOM dropped), and points an old .xls at .xlsx', async () => {
    const csv = textBytes('from checklist;from item;to checklist;to item\naws-msp-7.1;SEC-002;mspalliance-ucs-23;06.01\n', { bom: true });
    expect(await readCrosswalkFile({ name: 'map.csv', bytes: csv })).toEqual([{ fromChecklist: 'aws-msp-7.1', fromItem: 'SEC-002', toChecklist: 'mspalliance-ucs-23', toItem: '06.01' }]);
    const yaml = textBytes('- { from: { checklist: aws-msp-7.1, item: SEC-002 }, to: { checklist: mspalliance-ucs-23, item: 06.01 } }\n');
    expect(await readCrosswalkFile({ name: 'map.yml', bytes: yaml })).toEqual([{ fromChecklist: 'aws-msp-7.1', fromItem: 'SEC-002', toChecklist: 'mspalliance-ucs-23', toItem: '06.01' }]);
    await expect(readCrosswalkFile({ name: 'map.xls', bytes: new Uint8Array([0xd0, 0xcf]) })).rejects.toThrow(/save it from your spreadsheet program as "Excel Workbook \(\.xlsx\)"/);
  });
});
