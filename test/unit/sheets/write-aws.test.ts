import ExcelJS from 'exceljs';
import { buildChecklist, recognizeAwsMspWorkbook, type TableWorkbook } from '../../../common/sheets';
import { AWS_COLUMNS, AWS_SHEETS, isAwsMspPack, writeAwsSelfAssessment } from '../../../common/sheets/write-aws';
import type { AuditPackData } from '../../../common/contract';
import { findBuiltinChecklist } from '../../../src/checklists';
import { validateChecklist } from '../../../src/domain/checklist-schema';
import type { ChecklistDefinition, ItemResult } from '../../../src/domain/types';
import { buildAwsWorkbook } from '../../fixtures/sheets/build-aws-workbook';
import { entry, makePack } from '../../fixtures/sheets/pack-data';
import { readTable } from '../../fixtures/sheets/workbooks';

const RESULTS: (ItemResult | undefined)[] = ['met', 'not_met', undefined, 'na', 'met', 'not_assessed'];

function builtin(): ChecklistDefinition {
  const def = findBuiltinChecklist('aws-msp-7.1');
  if (!def) throw new Error('aws-msp-7.1 is not built in');
  return def;
}

async function bytesOf(pack: AuditPackData): Promise<Uint8Array> {
  return new Uint8Array(await (await writeAwsSelfAssessment(pack)).xlsx.writeBuffer());
}

async function reimport(pack: AuditPackData): Promise<{ workbook: TableWorkbook; result: ReturnType<typeof buildChecklist> }> {
  const workbook = await readTable('self-assessment.xlsx', await bytesOf(pack));
  const plan = recognizeAwsMspWorkbook(workbook);
  if (!plan) throw new Error('the exported workbook is not recognised as the AWS self-assessment');
  return { workbook, result: buildChecklist({ workbook, sources: plan.sources, meta: { ...plan.meta, id: 'aws-msp-self', version: plan.meta.version ?? '?' } }) };
}

const expectedMet = (pack: AuditPackData) => Object.fromEntries(pack.items.map((item) => [item.id, item.result === 'met' ? 'met' : 'not_met']));

describe('writeAwsSelfAssessment', () => {
  const waivers = [{ id: 'w1', source: 'custom' as const, name: 'MSSP Competency', reason: 'Level 1 MSSP holder', items: ['SEC-001'], chapters: [], appliedBy: 'acc-alice', appliedAt: '2026-02-20T08:00:00.000Z' }];

  it('round-trips the built-in 7.1 checklist: same ids, titles, mandatory flags, order, version and Met? answers', async () => {
    const def = builtin();
    // SEC-001 is left to its waiver: an assessment on the issue would decide it instead.
    const pack = makePack(def, { result: (i) => (def.items[i]?.id === 'SEC-001' ? undefined : RESULTS[i % RESULTS.length]), waivers });
    expect(pack.items.find((item) => item.id === 'SEC-001')?.waiver?.name).toBe('MSSP Competency');
    expect(isAwsMspPack(pack)).toBe(true);
    const { result } = await reimport(pack);
    expect(result.problems).toEqual([]);
    expect(result.definition.items.map((item) => [item.id, item.title, item.mandatory])).toEqual(def.items.map((item) => [item.id, item.title, item.mandatory]));
    expect(result.definition.version).toBe('7.1');
    expect(result.initialResults).toEqual(expectedMet(pack));
    // The waived control is Yes; N/A and not assessed are No.
    expect(result.initialResults['SEC-001']).toBe('met');
    expect(Object.values(result.initialResults).filter((v) => v === 'met').length).toBe(pack.items.filter((i) => i.result === 'met').length);
    expect(validateChecklist(result.definition, 'self-assessment.xlsx', { source: 'custom' }).items).toHaveLength(def.items.length);
  });

  it('round-trips a team workbook import, and again (export → import → export gives the same answers)', async () => {
    const first = buildTeamImport(await readTable('team.xlsx', await buildAwsWorkbook()));
    const def = validateChecklist(first.definition, 'team.xlsx', { source: 'custom' });
    const pack = makePack(def, { result: (i) => (first.initialResults[def.items[i]!.id] === 'met' ? 'met' : 'not_met') });
    const { result } = await reimport(pack);
    expect(result.problems).toEqual([]);
    expect(result.definition.items.map((item) => [item.id, item.title, item.mandatory, item.chapter])).toEqual(first.definition.items.map((item) => [item.id, item.title, item.mandatory, item.chapter]));
    expect(result.initialResults).toEqual(expectedMet(pack));
  });

  it('writes both sheets with the upload columns, group headers, evidence and the issue key in the comments', async () => {
    const def = builtin();
    const pack = makePack(def, {
      result: (i) => (i === 0 ? 'met' : undefined),
      evidence: (i) => (i === 0 ? [entry('a', { title: '=HYPERLINK("http://evil","x")' }), entry('b', { reviewState: 'pending' }), entry('c', { url: undefined, title: 'Policy binder' })] : []),
      waivers,
      siteUrl: 'https://acme.atlassian.net',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(pack)).buffer as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Introduction', AWS_SHEETS.prerequisites, AWS_SHEETS.technical]);
    const prereq = workbook.getWorksheet(AWS_SHEETS.prerequisites)!;
    expect(prereq.getRow(2).values).toEqual([undefined, ...AWS_COLUMNS]);
    const first = prereq.getRow(3);
    expect(first.getCell(1).value).toBe('BUSP-001');
    expect(String(first.getCell(2).value)).toMatch(/^Web Presence\nMandatory\n\n/);
    expect(first.getCell(3).value).toBe('Yes');
    // Accepted evidence only, one a line, each neutralised.
    expect(first.getCell(4).value).toBe(`'=HYPERLINK("http://evil","x") — https://docs.example.com/a\nPolicy binder`);
    expect(first.getCell(5).value).toBe('Jira issue MSP-1');
    const technical = workbook.getWorksheet(AWS_SHEETS.technical)!;
    expect(technical.getRow(3).getCell(1).value).toBe('Business');
    const sec = technical.getRows(1, technical.rowCount)!.find((row) => row.getCell(1).value === 'SEC-001')!;
    expect(sec.getCell(3).value).toBe('Yes');
    expect(sec.getCell(5).value).toContain('Exemption: MSSP Competency (Level 1 MSSP holder)');
    // Never blank, never N/A.
    const answers = [prereq, technical].flatMap((sheet) => sheet.getRows(3, sheet.rowCount - 2)!.filter((row) => /\d/.test(String(row.getCell(1).value))).map((row) => row.getCell(3).value));
    expect(answers).toHaveLength(def.items.length);
    expect(new Set(answers)).toEqual(new Set(['Yes', 'No']));
  });

  it('answers No for items the exporter cannot see and says so in the Introduction', async () => {
    const pack = makePack(builtin(), { result: () => 'met', hidden: ['BUSP-002'] });
    const { workbook, result } = await reimport(pack);
    expect(result.initialResults['BUSP-002']).toBe('not_met');
    expect(workbook.sheets[0]!.rows.flat().join('\n')).toContain('cannot see their issues (answered No): BUSP-002');
  });
});

function buildTeamImport(workbook: TableWorkbook) {
  const plan = recognizeAwsMspWorkbook(workbook);
  if (!plan) throw new Error('fixture not recognised');
  const result = buildChecklist({ workbook, sources: plan.sources, meta: { ...plan.meta, id: 'aws-msp-team', version: '7.1' } });
  if (result.problems.length > 0) throw new Error(JSON.stringify(result.problems));
  return result;
}
