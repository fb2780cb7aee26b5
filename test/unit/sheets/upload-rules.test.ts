/**
 * What a team's own checklist states before it is saved: the penalty of an unmet mandatory item
 * (0 unless the team sets it; a row's Penalty cell wins) and how N/A may be answered (the AWS
 * workbook: only through AWS's published exemptions, which the import carries).
 */
import { validateChecklist } from '../../../src/domain/checklist-schema';
import { scoreChecklist } from '../../../src/domain/scoring';
import { buildUpload, changeMeta, initialMeta, naAnswerWarnings, sourceFor } from '../../../static/app/src/views/upload/upload-model';
import { uploadEnglish, uploadMessages } from '../../../static/app/src/views/upload/messages';
import { messagesFor } from '../../../static/app/src/i18n';
import { recognizeAwsMspWorkbook, type TableWorkbook } from '../../../common/sheets';
import { buildAwsWorkbook } from '../../fixtures/sheets/build-aws-workbook';
import { readCsvText, readTable } from '../../fixtures/sheets/workbooks';

const { naRuleWords: NA_RULE_WORDS, penaltyWords } = uploadEnglish();

const POINTS_CSV = ['ID,Title,Points,Mandatory', '1.1,Policies,50,yes', '1.2,Reports,50,no'].join('\n');
const PENALTY_CSV = ['ID,Title,Points,Mandatory,Penalty', '1.1,Policies,40,yes,30', '1.2,Reports,30,yes,', '1.3,Extras,30,no,'].join('\n');

async function upload(csv: string, change: Parameters<typeof changeMeta>[1] = {}) {
  const source = sourceFor(await readCsvText(csv, 'team-points.csv'));
  const draft = changeMeta(initialMeta(source, []), { model: 'points', passMark: '80', ...change }, []);
  return { draft, build: buildUpload(source, draft, []) };
}

describe('a team points checklist and its penalty', () => {
  it('costs nothing for an unmet mandatory item unless the team says so, and the preview says it', async () => {
    const { build } = await upload(POINTS_CSV);
    expect(build.problems).toEqual([]);
    expect(build.summary?.penalty).toEqual({ default: 0, own: 0 });
    expect(penaltyWords(build.summary!.penalty!)).toBe('An unmet mandatory item costs no points: it only shows as open.');
    const def = validateChecklist(build.definition, 'team-points.csv', { source: 'custom' });
    expect(def.items.map((item) => item.penalty)).toEqual([0, 0]);
    // Nothing met: 0 / 100, not "-200 / 100".
    expect(scoreChecklist(def, []).score).toBe(0);
  });

  it('uses the penalty set beside the pass mark for rows without their own', async () => {
    const { build } = await upload(POINTS_CSV, { penalty: '25' });
    expect(penaltyWords(build.summary!.penalty!)).toBe('Each unmet mandatory item costs 25 points off the score.');
    const def = validateChecklist(build.definition, 'team-points.csv', { source: 'custom' });
    expect(scoreChecklist(def, []).score).toBe(-25);
  });

  it('takes a row’s own Penalty cell over the setting, and says how many rows set one', async () => {
    const { build } = await upload(PENALTY_CSV, { penalty: '10' });
    expect(build.problems).toEqual([]);
    expect(penaltyWords(build.summary!.penalty!)).toBe('Each unmet mandatory item costs 10 points off the score. 1 mandatory item sets its own penalty in the Penalty column.');
    const def = validateChecklist(build.definition, 'team-points.csv', { source: 'custom' });
    expect(def.items.map((item) => item.penalty)).toEqual([30, 10, 0]);
  });

  it('refuses a penalty that is not a whole number, and says where', async () => {
    const { build } = await upload(POINTS_CSV, { penalty: 'lots' });
    expect(build.problems).toContainEqual({ row: 0, column: 'penalty', message: '"lots" is not a whole number ≥ 0' });
  });

  it('says its own problems in the user’s language', async () => {
    const { draft } = await upload(POINTS_CSV, { penalty: 'lots' });
    const source = sourceFor(await readCsvText(POINTS_CSV, 'team-points.csv'));
    const german = buildUpload(source, draft, [], messagesFor(uploadMessages, 'de-DE').settingProblems);
    expect(german.problems).toContainEqual({ row: 0, column: 'Abzug', message: '„lots“ ist keine ganze Zahl ≥ 0' });
  });
});

describe('a team checklist and its N/A rule', () => {
  it.each(['justified', 'free', 'exemptions'] as const)('saves the rule the team chose (%s)', async (naRule) => {
    const { build } = await upload(POINTS_CSV, { naRule });
    expect(validateChecklist(build.definition, 'team-points.csv', { source: 'custom' }).naRule).toBe(naRule);
    expect(build.summary?.naRule).toBe(naRule);
    expect(NA_RULE_WORDS[naRule]).not.toBe('');
  });

  it('defaults to asking for a justification', async () => {
    const { draft } = await upload(POINTS_CSV);
    expect(draft.naRule).toBe('justified');
  });

  it('reads the AWS workbook as exemptions only, carrying the published exemptions that cover its controls', async () => {
    const source = sourceFor(await readTable('aws.xlsx', await buildAwsWorkbook()));
    const draft = initialMeta(source, []);
    expect(draft.naRule).toBe('exemptions');
    // Even if the form were changed, the workbook's Met? is Yes or No.
    const build = buildUpload(source, changeMeta(draft, { naRule: 'free', version: '7.1' }, []), []);
    expect(build.problems).toEqual([]);
    const def = validateChecklist(build.definition, 'aws.xlsx', { source: 'custom' });
    expect(def.naRule).toBe('exemptions');
    // "Validity Period: March 2026-August 2026" on the Introduction sheet.
    expect(def.validity).toEqual({ validFrom: '2026-03-01', validUntil: '2026-08-31' });
    const covered = Object.fromEntries(def.waivers.map((waiver) => [waiver.name, waiver.items]));
    const ids = new Set(def.items.map((item) => item.id));
    for (const items of Object.values(covered)) for (const id of items) expect(ids.has(id)).toBe(true);
    expect(covered['SOC 2 or ISO 27001']).toContain('GOVP-001');
    expect(build.summary?.waivers).toEqual(def.waivers.map((waiver) => waiver.name));
  });
});

describe('naAnswerWarnings', () => {
  it.each<[Record<string, 'met' | 'not_met' | 'na'>, 'exemptions' | 'justified' | 'free', string | undefined]>([
    [{ '1.1': 'met' }, 'justified', undefined],
    [{ '1.1': 'na' }, 'free', undefined],
    [{ '1.1': 'na' }, 'justified', '1 item is answered N/A in the file without a justification: it counts as not met until someone gives one on the item, unless you choose “Allowed freely” for N/A answers'],
    [{ '1.1': 'na', '1.2': 'na' }, 'exemptions', '2 items are answered N/A in the file, but this checklist allows N/A only through its exemptions: they count as not met until met, or covered by an exemption applied as a waiver'],
  ])('warns for %j under %s', (results, rule, message) => {
    expect(naAnswerWarnings(results, rule)).toEqual(message === undefined ? [] : [{ row: 0, column: 'N/A answers', message }]);
  });

  it('is shown with the upload of a file holding N/A answers', async () => {
    const csv = ['ID,Title,Met?', '1.1,Policies,Yes', '1.2,Reports,N/A'].join('\n');
    const source = sourceFor(await readCsvText(csv, 'team.csv'));
    const build = buildUpload(source, initialMeta(source, []), []);
    expect(build.warnings[0]?.message).toMatch(/^1 item is answered N\/A in the file without a justification/);
    expect(buildUpload(source, { ...initialMeta(source, []), naRule: 'free' }, []).warnings).toEqual([]);
  });
});

describe('recognizeAwsMspWorkbook: the validity the workbook states', () => {
  const workbook = (introduction: string): TableWorkbook => ({
    kind: 'xlsx',
    fileName: 'aws.xlsx',
    sheets: [
      { name: 'Introduction', rows: [[introduction]], formulas: [] },
      { name: 'MSP Prerequisites', rows: [['ID', 'Requirement Description', 'Met?'], ['BUSP-001', 'Web Presence\nMandatory\nA public page.', 'Yes']], formulas: [] },
    ],
  });

  it.each<[string, object]>([
    ['Validity Period: August 2025–February 2026\nThis version is usable until May 2026.', { validFrom: '2025-08-01', validUntil: '2026-02-28', usableUntil: '2026-05-31' }],
    ['Validity period: March 2026 - August 2026', { validFrom: '2026-03-01', validUntil: '2026-08-31' }],
    ['Validity period: until further notice', {}],
    ['No dates here', {}],
  ])('reads %j as %j', (text, days) => {
    const meta = recognizeAwsMspWorkbook(workbook(text))?.meta;
    expect({ validFrom: meta?.validFrom, validUntil: meta?.validUntil, usableUntil: meta?.usableUntil }).toEqual({ validFrom: undefined, validUntil: undefined, usableUntil: undefined, ...days });
  });
});
