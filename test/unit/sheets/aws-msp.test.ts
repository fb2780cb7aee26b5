import { buildChecklist, recognizeAwsMspWorkbook, type AwsMspRecognition, type BuildResult, type TableWorkbook } from '../../../common/sheets';
import { validateChecklist } from '../../../src/domain/checklist-schema';
import {
  AWS_PREREQUISITES,
  AWS_TECHNICAL,
  SECURITY_NOTE,
  buildAwsWorkbook,
  descriptionCell,
  type AwsWorkbookOptions,
} from '../../fixtures/sheets/build-aws-workbook';
import { buildXlsx } from '../../fixtures/sheets/xlsx';
import { readCsvText, readTable } from '../../fixtures/sheets/workbooks';

async function importAws(options: AwsWorkbookOptions = {}): Promise<{ plan: AwsMspRecognition; result: BuildResult; workbook: TableWorkbook }> {
  const workbook = await readTable('MSP self-assessment.xlsx', await buildAwsWorkbook(options));
  const plan = recognizeAwsMspWorkbook(workbook);
  if (plan === undefined) throw new Error('AWS workbook not recognized');
  const result = buildChecklist({ workbook, sources: plan.sources, meta: { ...plan.meta, id: 'aws-msp-self', version: plan.meta.version ?? '7.1' } });
  return { plan, result, workbook };
}

const ALL = [...AWS_PREREQUISITES, ...AWS_TECHNICAL];

describe('recognizeAwsMspWorkbook', () => {
  describe.each([
    ['plain group header rows', {}],
    ['group headers merged across the table', { mergeGroupHeaders: true }],
    ['no Introduction sheet', { withoutIntroduction: true }],
  ])('when the workbook has %s', (_name, options: AwsWorkbookOptions) => {
    it('imports every control without a manual step or a problem', async () => {
      const { result } = await importAws(options);
      expect(result.problems).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.definition.items.map((item) => item.id)).toEqual(ALL.map((control) => control.id));
    });

    it('puts prerequisites in one chapter and technical controls in a chapter per group header', async () => {
      const { result } = await importAws(options);
      expect(result.definition.chapters).toEqual([
        { id: 'prerequisites', title: 'Prerequisites' },
        { id: 'business', title: 'Business' },
        { id: 'people', title: 'People' },
        { id: 'security', title: 'Security' },
        { id: 'operations', title: 'Operations' },
      ]);
      const chapterOf = Object.fromEntries(result.definition.items.map((item) => [item.id, item.chapter]));
      for (const control of AWS_PREREQUISITES) expect(chapterOf[control.id]).toBe('prerequisites');
      for (const control of AWS_TECHNICAL) expect(chapterOf[control.id]).toBe(control.group.toLowerCase());
    });
  });

  it('reads the title from the first line, the mandatory flag from the second, the requirement from the rest', async () => {
    const { result } = await importAws();
    const items = result.definition.items;
    expect(items.map((item) => [item.id, item.title, item.mandatory])).toEqual(ALL.map((c) => [c.id, c.title, c.mandatory]));
    expect(items.filter((item) => !item.mandatory).map((item) => item.id)).toEqual(['OPS-013', 'OPS-018']);
    const overview = items.find((item) => item.id === 'BUS-001');
    expect(overview?.requirement).toBe(
      'An introduction of the company, its offices, people and customers, and how it works with AWS.\n\n' +
        'Evidence is a presentation given at the audit, twenty minutes at most.',
    );
    expect(overview?.evidence).toEqual(['presentation']);
    expect(items.find((item) => item.id === 'SEC-007')?.evidence).toEqual(['demo']);
  });

  it('turns Met? into initial results: Yes → met, No → not_met, blank → none', async () => {
    const { result } = await importAws();
    const expected = Object.fromEntries(
      ALL.filter((c) => c.met !== '').map((c) => [c.id, c.met === 'Yes' ? 'met' : 'not_met']),
    );
    expect(result.initialResults).toEqual(expected);
    expect(Object.keys(result.initialResults)).toHaveLength(9);
  });

  it('uses the met model and keeps the Security section note in the description', async () => {
    const { plan, result } = await importAws();
    expect(plan.meta).toMatchObject({ framework: 'aws-msp', model: 'met' });
    expect(plan.meta.version).toBeUndefined();
    expect(result.definition.model).toBe('met');
    expect(result.definition.maxScore).toBeUndefined();
    expect(result.definition.description).toContain('Validity period: March 2026-August 2026.');
    expect(result.definition.description).toContain(`Security: ${SECURITY_NOTE}`);
  });

  it('produces a definition the backend accepts', async () => {
    const { result } = await importAws();
    const definition = validateChecklist(result.definition, 'MSP self-assessment.xlsx', { source: 'custom' });
    expect(definition.items).toHaveLength(12);
    expect(definition.chapters.map((chapter) => chapter.order)).toEqual([1, 2, 3, 4, 5]);
  });

  it('finds the version when the Introduction sheet states one', async () => {
    const bytes = await buildXlsx([
      { name: 'Introduction', rows: [['MSP Validation Checklist Version 7.1']] },
      { name: 'MSP Technical Validation', rows: [['ID', 'Requirement Description', 'Met?'], ['Business'], ['BUS-001', descriptionCell(AWS_TECHNICAL[0]!), 'Yes']] },
    ]);
    const plan = recognizeAwsMspWorkbook(await readTable('aws.xlsx', bytes));
    expect(plan?.meta.version).toBe('7.1');
    expect(plan?.sources.map((source) => source.sheet)).toEqual(['MSP Technical Validation']);
  });

  it('reports a bad row by sheet, row and column', async () => {
    const { result } = await importAws({ extraTechnicalRows: [['OPS 099', 'Bad id\nMandatory\n\nText.', 'Maybe']] });
    expect(result.problems).toEqual([
      { sheet: 'MSP Technical Validation', row: 18, column: 'ID', message: expect.stringContaining('id "OPS 099" may only hold') },
      { sheet: 'MSP Technical Validation', row: 18, column: 'Met?', message: expect.stringContaining('"Maybe" is not a result') },
    ]);
  });

  it('names both sheets when an id repeats across them', async () => {
    const { result } = await importAws({ extraTechnicalRows: [['BUSP-001', 'Again\nMandatory\n\nText.', '']] });
    expect(result.problems).toEqual([
      {
        sheet: 'MSP Technical Validation',
        row: 18,
        column: 'ID',
        message: 'id "BUSP-001" is used twice: row 5 of "MSP Prerequisites" and row 18; item ids must be unique',
      },
    ]);
  });

  describe('when the workbook is something else', () => {
    it.each([
      ['a plain team sheet', 'ID,Title\n1,A\n'],
      ['the right columns under a wrong sheet name', 'ID,Requirement Description,Met?\nBUS-001,"A\nMandatory\n\nB",Yes\n'],
    ])('returns undefined for %s', async (_name, csv) => {
      expect(recognizeAwsMspWorkbook(await readCsvText(csv))).toBeUndefined();
    });

    it('returns undefined for a definition file', () => {
      expect(recognizeAwsMspWorkbook({ kind: 'yaml', fileName: 'a.yaml', definition: {} })).toBeUndefined();
    });
  });
});
