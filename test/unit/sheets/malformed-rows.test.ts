/**
 * Readable files with rows that cannot be imported: each case states the sheet and the exact
 * problems (row, column, message) the preview lists before anything is saved.
 */
import { buildChecklist, guessSheetMapping, type ChecklistMeta, type SheetProblem } from '../../../common/sheets';
import { buildAwsWorkbook } from '../../fixtures/sheets/build-aws-workbook';
import { MET_META, POINTS_META, buildCsv, readCsvText, readTable } from '../../fixtures/sheets/workbooks';
import { buildXlsx } from '../../fixtures/sheets/xlsx';

function rows(count: number, row: (n: number) => string): string {
  return Array.from({ length: count }, (_, i) => row(i + 1)).join('\n');
}

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
      name: 'a stray Met? value on a row without id (not a group header)',
      csv: 'ID,Title,Met?\n1.1,Policies,Yes\n,,No\n',
      problems: [
        { row: 3, column: 'ID', message: 'id is empty; every item needs an id such as 8.3 or SEC-001' },
        { row: 3, column: 'Title', message: 'title is empty; every item needs a title' },
      ],
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
