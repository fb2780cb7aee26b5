/**
 * Files that cannot be read at all: each case states the file and the exact message the team will
 * read, because the message is the whole user interface of a failed import.
 */
import { MAX_FILE_BYTES, SheetReadError, readChecklistFile, type SheetReadErrorCode } from '../../../common/sheets';
import { buildXlsx, textBytes } from '../../fixtures/sheets/xlsx';

/** The same bytes with every occurrence of `from` replaced by `to` (same length). */
function patch(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const a = new TextEncoder().encode(from);
  const b = new TextEncoder().encode(to);
  const out = bytes.slice();
  for (let i = 0; i + a.length <= out.length; i++) if (a.every((byte, k) => out[i + k] === byte)) out.set(b, i);
  return out;
}

describe('readChecklistFile with a file it cannot read', () => {
  const cases: { name: string; file: string; bytes: () => Promise<Uint8Array> | Uint8Array; code: SheetReadErrorCode; message: string }[] = [
    {
      name: 'an empty file',
      file: 'list.csv',
      bytes: () => new Uint8Array(0),
      code: 'empty',
      message: 'list.csv: is empty. Choose the file that holds the checklist.',
    },
    {
      name: 'a CSV of blank lines and a BOM',
      file: 'list.csv',
      bytes: () => textBytes('\n \r\n\t\n', { bom: true }),
      code: 'empty',
      message: 'list.csv: is empty. Choose the file that holds the checklist.',
    },
    {
      name: 'a file over 5 MB (checked before the type)',
      file: 'huge.pdf',
      bytes: () => new Uint8Array(MAX_FILE_BYTES + 100 * 1024),
      code: 'too-large',
      message: 'huge.pdf: is 5.1 MB; the limit is 5 MB. Remove images and unused sheets, or export only the checklist sheet as CSV.',
    },
    {
      name: 'a wrong type',
      file: 'checklist.pdf',
      bytes: () => textBytes('%PDF-1.7'),
      code: 'unsupported-type',
      message: 'checklist.pdf: is a .pdf file; choose a .csv, .xlsx, .yaml or .json file.',
    },
    {
      name: 'an old .xls workbook',
      file: 'checklist.xls',
      bytes: () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      code: 'unsupported-type',
      message:
        'checklist.xls: is a .xls file; choose a .csv, .xlsx, .yaml or .json file: it is an old Excel 97-2003 workbook; open it in Excel and save it as "Excel Workbook (.xlsx)".',
    },
    {
      name: 'a file without an extension',
      file: 'checklist',
      bytes: () => textBytes('ID,Title'),
      code: 'unsupported-type',
      message: 'checklist: has no extension; choose a .csv, .xlsx, .yaml or .json file.',
    },
    {
      name: 'a CSV in Latin-1 (bad encoding)',
      file: 'list.csv',
      bytes: () => new Uint8Array([...new TextEncoder().encode('ID,Title\n1,Contr'), 0xf4, ...new TextEncoder().encode('le\n')]),
      code: 'bad-encoding',
      message:
        'list.csv: is not UTF-8 text (byte 0xF4 on line 2). Save it again as UTF-8: in Excel use File › Save As › "CSV UTF-8 (Comma delimited)"; in other editors pick the UTF-8 encoding.',
    },
    {
      name: 'binary data named .csv',
      file: 'list.csv',
      bytes: () => new Uint8Array([0x49, 0x44, 0x00, 0x01, 0x02, 0x00, 0xff]),
      code: 'binary-text',
      message: 'list.csv: should be text (.csv) but holds binary data. Choose a .csv, .xlsx, .yaml or .json file.',
    },
    {
      name: 'an .xlsx workbook named .csv',
      file: 'list.csv',
      bytes: () => buildXlsx([{ name: 'S', rows: [['ID']] }]),
      code: 'binary-text',
      message:
        'list.csv: should be text (.csv) but holds a zip archive (an .xlsx workbook is one). If it is an Excel workbook, give it the .xlsx extension. Choose a .csv, .xlsx, .yaml or .json file.',
    },
    {
      name: 'an .xlsx that is not a zip (CSV text renamed)',
      file: 'list.xlsx',
      bytes: () => textBytes('ID,Title\n1,A\n'),
      code: 'not-xlsx',
      message:
        'list.xlsx: is not an Excel workbook: an .xlsx file is a zip archive, but this is plain text. Open it in Excel and save it as "Excel Workbook (.xlsx)", or export the sheet as CSV.',
    },
    {
      name: 'an .xls renamed .xlsx',
      file: 'list.xlsx',
      bytes: () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      code: 'not-xlsx',
      message: 'list.xlsx: is an old Excel 97-2003 workbook (.xls), not .xlsx. Open it in Excel and save it as "Excel Workbook (.xlsx)".',
    },
    {
      name: 'a truncated .xlsx',
      file: 'list.xlsx',
      bytes: async () => (await buildXlsx([{ name: 'S', rows: [['ID']] }])).slice(0, 2000),
      code: 'not-xlsx',
      message: 'list.xlsx: is a damaged or incomplete zip archive. Save the workbook again in Excel and retry.',
    },
    {
      name: 'a zip that is not a workbook',
      file: 'list.xlsx',
      bytes: async () => patch(await buildXlsx([{ name: 'S', rows: [['ID']] }]), 'xl/workbook.xml', 'xl/notebook.xml'),
      code: 'not-xlsx',
      message: 'list.xlsx: is a zip archive but not an Excel workbook (it has no xl/workbook.xml). Choose the .xlsx file itself.',
    },
    {
      name: 'a CSV with a quote that never closes',
      file: 'list.csv',
      bytes: () => textBytes('ID,Title\n1,"Policies\n2,Backups\n'),
      code: 'bad-csv',
      message: 'list.csv: has a quoted cell that is never closed (row 2). Check the quote marks on that row, or save the sheet again from Excel.',
    },
    {
      name: 'invalid YAML',
      file: 'team.yaml',
      bytes: () => textBytes('id: team-1\nitems: [\n  - id: 1\n'),
      code: 'invalid-yaml',
      message: expect.stringMatching(/^team\.yaml: is not valid YAML \(line \d+\): .+\. Fix that line and choose the file again\.$/) as string,
    },
    {
      name: 'YAML with a repeated key',
      file: 'team.yaml',
      bytes: () => textBytes('id: team-1\nid: team-2\n'),
      code: 'invalid-yaml',
      message: 'team.yaml: is not valid YAML (line 2): Map keys must be unique. Fix that line and choose the file again.',
    },
    {
      name: 'YAML that is a single line of text',
      file: 'team.yaml',
      bytes: () => textBytes('just some words\n'),
      code: 'not-a-definition',
      message:
        'team.yaml: holds a single string, not a checklist: a checklist definition is one mapping with id, framework, name, version, model, chapters and items.',
    },
    {
      name: 'JSON that is an array',
      file: 'team.json',
      bytes: () => textBytes('[{"ID":"1","Title":"A"}]'),
      code: 'not-a-definition',
      message:
        'team.json: holds a JSON list, not a checklist: a checklist definition is one mapping with id, framework, name, version, model, chapters and items.',
    },
    {
      name: 'invalid JSON',
      file: 'team.json',
      bytes: () => textBytes('{"id": "team-1",}'),
      code: 'invalid-json',
      message: expect.stringMatching(/^team\.json: is not valid JSON: .+\. Fix it and choose the file again\.$/) as string,
    },
    {
      name: 'a definition with too many items (> 2,000)',
      file: 'team.json',
      bytes: () => textBytes(JSON.stringify({ id: 'big', items: Array.from({ length: 2001 }, (_, i) => ({ id: `I-${i}` })) })),
      code: 'too-many-items',
      message: 'team.json: has 2,001 items; at most 2,000 can be imported. Split it into several checklists.',
    },
  ];

  it.each(cases)('rejects $name', async ({ file, bytes, code, message }) => {
    const error: unknown = await readChecklistFile({ name: file, bytes: await bytes() }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(SheetReadError);
    expect(error).toMatchObject({ name: 'SheetReadError', code, fileName: file, message });
  });
});
