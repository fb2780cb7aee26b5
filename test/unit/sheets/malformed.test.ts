/**
 * Malformed files: each case states the file and the exact message the team will read, because the
 * message is the whole user interface of a failed import.
 */
import { MAX_FILE_BYTES, SheetReadError, buildChecklist, guessSheetMapping, readChecklistFile, type ChecklistMeta, type SheetProblem, type SheetReadErrorCode } from '../../../common/sheets';
import { buildAwsWorkbook } from '../../fixtures/sheets/build-aws-workbook';
import { MET_META, POINTS_META, buildCsv, readCsvText, readTable } from '../../fixtures/sheets/workbooks';
import { buildXlsx, textBytes } from '../../fixtures/sheets/xlsx';

/** The same bytes with every occurrence of `from` replaced by `to` (same length). */
function patch(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const a = new TextEncoder().encode(from);
  const b = new TextEncoder().encode(to);
  const out = bytes.slice();
  for (let i = 0; i + a.length <= out.length; i++) if (a.every((byte, k) => out[i + k] === byte)) out.set(b, i);
  return out;
}

function rows(count: number, row: (n: number) => string): string {
  return Array.from({ length: count }, (_, i) => row(i + 1)).join('\n');
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

describe('buildChecklist with rows it cannot import', () => {
  const longTitle = 'T'.repeat(256);
  const cases: { name: string; csv: string; meta?: ChecklistMeta; problems: SheetProblem[] }[] = [
    {
      name: 'a sheet with only headers',
      csv: 'ID,Title,Points\n',
      problems: [{ row: 1, column: '', message: 'the sheet has column headers but no items below them' }],
    },
    {
      name: 'no id column',
      csv: 'Title,Points\nPolicies,10\n',
      problems: [{ row: 1, column: '', message: 'no column holds the item id; map a column such as "ID" or "Control ID" to id' }],
    },
    {
      name: 'no title column',
      csv: 'ID,Points\n1.1,10\n',
      problems: [{ row: 1, column: '', message: 'no column holds the item title; map a column such as "Title" or "Name" to title' }],
    },
    {
      name: 'duplicate ids',
      csv: 'ID,Title\n1.1,Policies\n1.2,Backups\n1.1,Reviews\n',
      problems: [{ row: 4, column: 'ID', message: 'id "1.1" is used twice: row 2 and row 4; item ids must be unique' }],
    },
    {
      name: 'ids that differ only in case',
      csv: 'ID,Title\nSEC-1,Policies\nsec-1,Backups\n',
      problems: [{ row: 3, column: 'ID', message: 'id "sec-1" is used twice: row 2 and row 3; item ids must be unique' }],
    },
    {
      name: 'an id with spaces',
      csv: 'ID,Title\nBUS 001,Policies\n',
      problems: [
        {
          row: 2,
          column: 'ID',
          message: 'id "BUS 001" may only hold letters, digits, ".", "_" and "-" (no spaces), starting with a letter or digit, e.g. SEC-001',
        },
      ],
    },
    {
      name: 'an empty id on a filled row',
      csv: 'ID,Title,Points\n,Policies,10\n',
      meta: { ...POINTS_META, passMark: 5 },
      problems: [{ row: 2, column: 'ID', message: 'id is empty; every item needs an id such as 8.3 or SEC-001' }],
    },
    {
      name: 'an empty title',
      csv: 'ID,Title,Mandatory\n1.1,,yes\n',
      problems: [{ row: 2, column: 'Title', message: 'title is empty; every item needs a title' }],
    },
    {
      name: 'a title too long',
      csv: `ID,Title\n1.1,${longTitle}\n`,
      problems: [{ row: 2, column: 'Title', message: 'title is 256 characters long; at most 255 fit in a Jira summary, so shorten it' }],
    },
    {
      name: 'non-numeric points',
      csv: 'ID,Title,Points\n1.1,Policies,ten\n1.2,Backups,20\n',
      meta: POINTS_META,
      problems: [{ row: 2, column: 'Points', message: '"ten" is not a number; points must be a whole number such as 10' }],
    },
    {
      name: 'negative points (not a formula)',
      csv: 'ID,Title,Points\n1.1,Policies,-5\n1.2,Backups,25\n',
      meta: POINTS_META,
      problems: [{ row: 2, column: 'Points', message: 'negative points (-5); points must be 0 or more' }],
    },
    {
      name: 'fractional points',
      csv: 'ID,Title,Score\n1.1,Policies,2.5\n1.2,Backups,20\n',
      meta: POINTS_META,
      problems: [{ row: 2, column: 'Score', message: '2.5 is not a whole number; points must be whole numbers such as 10' }],
    },
    {
      name: 'points that do not sum to the stated max',
      csv: 'ID,Title,Points\n1.1,Policies,10\n1.2,Backups,20\n',
      meta: { ...POINTS_META, maxScore: 100 },
      problems: [{ row: 0, column: 'max score', message: 'the item points add up to 30 but the maximum score is 100; they must be equal' }],
    },
    {
      name: 'points that do not sum to the Total row',
      csv: 'ID,Title,Points\n1.1,Policies,10\n1.2,Backups,20\nTotal,,40\n',
      meta: POINTS_META,
      problems: [{ row: 0, column: 'max score', message: 'the item points add up to 30 but the Total row says 40; they must be equal' }],
    },
    {
      name: 'no pass mark under the points model',
      csv: 'ID,Title,Points\n1.1,Policies,10\n',
      meta: { ...POINTS_META, passMark: undefined },
      problems: [{ row: 0, column: 'pass mark', message: 'the points model needs a pass mark, e.g. 900 out of 1000' }],
    },
    {
      name: 'a pass mark above the maximum',
      csv: 'ID,Title,Points\n1.1,Policies,10\n',
      meta: { ...POINTS_META, passMark: 11 },
      problems: [{ row: 0, column: 'pass mark', message: 'pass mark 11 is more than the maximum score 10; nobody could pass' }],
    },
    {
      name: 'a penalty on an item that is not mandatory',
      csv: 'ID,Title,Points,Mandatory,Penalty\n1.1,Policies,30,no,50\n',
      meta: POINTS_META,
      problems: [{ row: 2, column: 'Penalty', message: 'penalty 50 on an item that is not mandatory; only mandatory items lose points when not met' }],
    },
    {
      name: 'an unknown mandatory value',
      csv: 'ID,Title,Mandatory\n1.1,Policies,maybe\n',
      problems: [
        {
          row: 2,
          column: 'Mandatory',
          message: '"maybe" is not a mandatory value; use yes/no, true/false, mandatory/recommended, required/optional or 1/0',
        },
      ],
    },
    {
      name: 'an unknown Met? value',
      csv: 'ID,Title,Met?\n1.1,Policies,Partly\n',
      problems: [{ row: 2, column: 'Met?', message: '"Partly" is not a result; use Yes, No or N/A, or leave it blank when not assessed yet' }],
    },
    {
      name: 'an unknown complexity',
      csv: 'ID,Title,Effort\n1.1,Policies,huge\n',
      problems: [{ row: 2, column: 'Effort', message: '"huge" is not a complexity; use low, medium or high' }],
    },
    {
      name: 'a HYPERLINK formula in a title',
      csv: 'ID,Title\n1.1,"=HYPERLINK(""http://x"",""click"")"\n',
      problems: [{ row: 2, column: 'Title', message: "cell starts with '=' — formulas are not allowed; remove it" }],
    },
    {
      name: 'an @SUM formula in an id',
      csv: 'ID,Title\n@SUM(A1),Policies\n',
      problems: [{ row: 2, column: 'ID', message: "cell starts with '@' — formulas are not allowed; remove it" }],
    },
    {
      name: 'a + formula and a leading tab in the requirement and chapter',
      csv: 'ID,Title,Requirement,Chapter\n1.1,Policies,+cmd|calc,"\tGov"\n',
      problems: [
        { row: 2, column: 'Requirement', message: "cell starts with '+' — formulas are not allowed; remove it" },
        { row: 2, column: 'Chapter', message: 'cell starts with a tab — formulas are not allowed; remove it' },
      ],
    },
    {
      name: 'a - formula in a requirement, behind spaces',
      csv: 'ID,Title,Requirement\n1.1,Policies,  -2+3\n',
      problems: [{ row: 2, column: 'Requirement', message: "cell starts with '-' — formulas are not allowed; remove it" }],
    },
    {
      name: 'a formula in the points column',
      csv: 'ID,Title,Points\n1.1,Policies,=10+10\n',
      meta: POINTS_META,
      problems: [{ row: 2, column: 'Points', message: "cell starts with '=' — formulas are not allowed; remove it" }],
    },
    {
      name: 'too many items (> 2,000)',
      csv: `ID,Title\n${rows(2001, (n) => `I-${n},Item ${n}`)}\n`,
      problems: [{ row: 0, column: '', message: 'the file has 2,001 items; at most 2,000 can be imported, so split it' }],
    },
    {
      name: 'settings that are not valid ids or versions',
      csv: 'ID,Title\n1.1,Policies\n',
      meta: { ...MET_META, id: 'my checklist', version: '7 .1', name: ' ' },
      problems: [
        {
          row: 0,
          column: 'checklist id',
          message: '"my checklist" is not a valid checklist id; use letters, digits, ".", "_" and "-", starting with a letter or digit, e.g. team-msp-1',
        },
        { row: 0, column: 'name', message: 'the checklist needs a name' },
        { row: 0, column: 'version', message: '"7 .1" is not a version; use one word such as 1.0 or 2025-08' },
      ],
    },
    {
      name: 'a row with only an id (an item missing its title, not a group header)',
      csv: 'ID,Title,\n1.1,Policies,\n1.2,,\n',
      problems: [{ row: 3, column: 'Title', message: 'title is empty; every item needs a title' }],
    },
  ];

  it.each(cases)('lists $name', async ({ csv, meta, problems }) => {
    const result = await buildCsv(csv, meta ?? MET_META);
    expect(result.problems).toEqual(problems);
  });

  it('lists every problem of a file in one pass, in sheet order', async () => {
    const result = await buildCsv('ID,Title,Points\n1.1,,x\nA B,Ok,5\n1.3,=1+1,5\n', POINTS_META);
    expect(result.problems.map((p) => `${p.row}:${p.column}`)).toEqual(['2:Title', '2:Points', '3:ID', '4:Title']);
    expect(result.definition.items).toEqual([]);
  });

  it('caps a long list of problems', async () => {
    const result = await buildCsv(`ID,Title\n${rows(250, (n) => `bad id ${n},T`)}\n`);
    expect(result.problems).toHaveLength(201);
    expect(result.problems[200]).toEqual({ row: 0, column: '', message: 'and 50 more like these' });
  });

  it('names a blank header by its column letter', async () => {
    const workbook = await readCsvText('ID,,Title\n1.1,x,\n');
    const sheet = workbook.sheets[0]!;
    const mapping = guessSheetMapping(sheet);
    mapping.columns[1] = { index: 1, header: '', field: 'mandatory', confidence: 1 };
    const result = buildChecklist({ workbook, sheet: sheet.name, mapping, meta: MET_META });
    expect(result.problems).toEqual([
      { row: 2, column: 'B', message: expect.stringContaining('"x" is not a mandatory value') as string },
      { row: 2, column: 'Title', message: 'title is empty; every item needs a title' },
    ]);
  });

  it('reports two columns mapped to one field', async () => {
    const workbook = await readCsvText('ID,Title,Name\n1.1,A,B\n');
    const sheet = workbook.sheets[0]!;
    const mapping = guessSheetMapping(sheet);
    mapping.columns[2] = { index: 2, header: 'Name', field: 'title', confidence: 1 };
    const result = buildChecklist({ workbook, sheet: sheet.name, mapping, meta: MET_META });
    expect(result.problems).toEqual([{ row: 1, column: '', message: 'columns "Title" and "Name" are both mapped to title; keep one' }]);
  });

  it('reports an empty sheet and a sheet that does not exist', async () => {
    const workbook = await readTable('team.xlsx', await buildXlsx([{ name: 'Blank', rows: [] }, { name: 'List', rows: [['ID', 'Title'], ['1', 'A']] }]));
    const mapping = guessSheetMapping(workbook.sheets[1]!);
    const result = buildChecklist({
      workbook,
      sources: [
        { sheet: 'Blank', mapping },
        { sheet: 'Missing', mapping },
      ],
      meta: MET_META,
    });
    expect(result.problems).toEqual([
      { sheet: 'Blank', row: 0, column: '', message: 'the sheet is empty; choose the sheet that holds the checklist' },
      { sheet: 'Missing', row: 0, column: '', message: 'the workbook has no sheet "Missing"; its sheets are "Blank", "List"' },
    ]);
  });

  it('rejects a formula cell in an AWS workbook description', async () => {
    const bytes = await buildAwsWorkbook({ extraTechnicalRows: [['OPS-099', '=HYPERLINK("http://x","click")', 'No']] });
    const workbook = await readTable('aws.xlsx', bytes);
    const sheet = workbook.sheets.find((s) => s.name === 'MSP Technical Validation')!;
    const result = buildChecklist({ workbook, sheet: sheet.name, mapping: guessSheetMapping(sheet), meta: MET_META });
    expect(result.problems).toEqual([
      { sheet: 'MSP Technical Validation', row: 18, column: 'Requirement Description', message: "cell starts with '=' — formulas are not allowed; remove it" },
    ]);
  });
});
