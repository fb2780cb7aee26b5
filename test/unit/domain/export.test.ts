import Papa from 'papaparse';
import { CSV_BOM, csvField, csvTable } from '../../../src/domain/export-csv';
import { EXPORT_COLUMNS, ExportInputError, exportRows, toCsv, type ExportExtras, type ExportRow } from '../../../src/domain/export';
import { chapterReviewSummary } from '../../../src/domain/reviews';
import { scoreChecklist } from '../../../src/domain/scoring';
import type { ChecklistDefinition, ItemState } from '../../../src/domain/types';
import { applyNamedWaiver, toAppliedWaivers, type WaiverRecord } from '../../../src/domain/waivers';
import { done, inProgress, item, metChecklist, pointsChecklist, waiverProof } from './fixtures';

const NOW = new Date('2026-03-01T10:00:00.000Z');
const HEADER = 'ID,Chapter,Title,Points,Mandatory,Result,Why,Status,Owner,Evidence,Evidence links,Evidence review,Evidence notes,Chapter review,Waiver';

beforeAll(() => jest.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') }));
afterAll(() => jest.useRealTimers());

const chapters = [
  { id: '6', title: 'DevOps', order: 1 },
  { id: '8', title: 'Operations', order: 2 },
];
const devops = { id: 'devops', name: 'AWS DevOps Competency', reason: 'Holds the competency', items: [], chapters: ['6'] };
const items = [
  item('6.1', { title: 'Deployment pipeline', mandatory: true, points: 50 }),
  item('8.1', { title: 'Patch management', mandatory: true, points: 20 }),
  item('8.2', { title: 'Backups' }),
];
const pointsDef = pointsChecklist(items, { chapters, waivers: [devops] });
const states: ItemState[] = [done('8.1', { issueKey: 'MSP-2' }), inProgress('8.2', { issueKey: 'MSP-3' })];
const PROOF = waiverProof();
const waivers = applyNamedWaiver([], pointsDef, 'devops', { accountId: 'ana', now: NOW }, PROOF);

const extrasFor = (def: ChecklistDefinition, records: WaiverRecord[] = waivers): ExportExtras => ({
  issues: {
    '8.1': {
      status: 'Done',
      assignee: 'Ana Díaz',
      evidence: [
        { title: 'Patch policy', url: 'https://wiki.example/patch', kind: 'document', reviewState: 'approved', expiryDate: '2026-06-30' },
        { title: 'Patch demo', kind: 'demo', reviewState: 'pending', expiryDate: '2026-01-31T00:00:00Z', note: 'Demo script in the runbook,\nsection 4' },
      ],
    },
    '8.2': { status: 'In Progress', evidence: [] },
  },
  reviews: chapterReviewSummary(
    def,
    [{ checklistId: def.id, chapterId: '8', reviewedBy: 'ana', reviewedAt: '2026-03-01T10:00:00.000Z' }],
    [{ itemId: '8.2', updatedAt: '2026-03-02T08:00:00Z' }],
  ),
  waivers: records,
  today: '2026-03-02',
});

const rowsFor = (def: ChecklistDefinition, itemStates: ItemState[] = states, records: WaiverRecord[] = waivers) =>
  exportRows(def, scoreChecklist(def, itemStates, { waivers: toAppliedWaivers(records) }), extrasFor(def, records));

const row = (overrides: Partial<ExportRow> = {}): ExportRow => ({
  id: '8.3',
  chapter: 'Operations',
  title: 'Vulnerability management',
  points: 20,
  mandatory: 'Yes',
  result: 'Met',
  why: 'Issue MSP-4 is Done',
  status: 'Done',
  owner: 'Ana',
  evidenceTitles: '',
  evidenceLinks: '',
  evidenceReviewStates: '',
  evidenceNotes: '',
  chapterReview: 'Not reviewed',
  waiver: '',
  ...overrides,
});

/** The cells of a CSV file as a standard parser reads them back. */
const parse = (csv: string): string[][] => Papa.parse<string[]>(csv.slice(CSV_BOM.length), { newline: '\r\n', skipEmptyLines: true }).data;

describe('exportRows', () => {
  describe('when the report has items with issues, evidence, reviews and waivers', () => {
    const rows = rowsFor(pointsDef);

    it('returns a waived item as Waived (never Met) with its waiver, who applied it and when, no issue and its chapter not reviewed', () => {
      expect(rows[0]).toEqual({
        id: '6.1',
        chapter: 'DevOps',
        title: 'Deployment pipeline',
        points: 50,
        mandatory: 'Yes',
        result: 'Waived: AWS DevOps Competency, by ana, on 2026-03-01',
        why: 'Waived: AWS DevOps Competency — Holds the competency',
        status: 'No issue',
        owner: '',
        evidenceTitles: '',
        evidenceLinks: '',
        evidenceReviewStates: '',
        evidenceNotes: '',
        chapterReview: 'Not reviewed',
        waiver: 'AWS DevOps Competency: Holds the competency (applied 2026-03-01); proof: ISO 27001 certificate (https://trust.example.com/iso27001.pdf), valid 2025-06-01 to 2028-05-31, lapses on 2028-06-01',
      });
    });

    it('returns evidence one entry per line, aligned across the four evidence cells, expiry marked, every note kept', () => {
      expect(rows[1]).toMatchObject({
        result: 'Met',
        why: 'Issue MSP-2 is Done',
        status: 'Done',
        owner: 'Ana Díaz',
        evidenceTitles: 'Patch policy (document)\nPatch demo (demo)',
        evidenceLinks: 'https://wiki.example/patch\n(no link)',
        evidenceReviewStates: 'approved, expires 2026-06-30\npending, expired 2026-01-31',
        evidenceNotes: '(no note)\nDemo script in the runbook, / section 4',
        chapterReview: 'Stale: reviewed 2026-03-01, changed since: 8.2',
        waiver: '',
      });
    });

    it('returns an unassigned issue as Unassigned, and an optional item as not mandatory', () => {
      expect(rows[2]).toMatchObject({ id: '8.2', points: 10, mandatory: 'No', result: 'Not assessed', status: 'In Progress', owner: 'Unassigned' });
    });
  });

  describe('when details are missing or differ', () => {
    it('returns expiries as upcoming when no today is given', () => {
      const report = scoreChecklist(pointsDef, states);
      const [, patch] = exportRows(pointsDef, report, { ...extrasFor(pointsDef), today: undefined });
      expect(patch?.evidenceReviewStates).toBe('approved, expires 2026-06-30\npending, expires 2026-01-31');
    });

    it('returns empty points under the met model', () => {
      const metDef = metChecklist(items, { chapters, waivers: [devops] });
      expect(rowsFor(metDef).map((entry) => entry.points)).toEqual([null, null, null]);
    });

    it('returns a waiver overridden by the assessment on the issue as such', () => {
      const [first] = rowsFor(pointsDef, [...states, done('6.1', { issueKey: 'MSP-1', assessment: 'not_met' })]);
      expect(first).toMatchObject({ result: 'Not met', why: 'Assessed not met on the issue' });
      expect(first?.waiver).toBe('AWS DevOps Competency: Holds the competency (applied 2026-03-01); proof: ISO 27001 certificate (https://trust.example.com/iso27001.pdf), valid 2025-06-01 to 2028-05-31, lapses on 2028-06-01; overridden by the assessment on the issue');
    });

    it('returns an N/A item with its justification, and without one as plain N/A', () => {
      const naStates = [...states, done('6.1', { issueKey: 'MSP-1', assessment: 'na', assessmentJustification: ' No pipelines: we deploy no code ' })];
      const [justified] = rowsFor(pointsDef, naStates, []);
      expect(justified).toMatchObject({ result: 'N/A: No pipelines: we deploy no code', why: 'Assessed N/A on the issue' });
      const [bare] = rowsFor(pointsDef, [...states, done('6.1', { issueKey: 'MSP-1', assessment: 'na' })], []);
      expect(bare?.result).toBe('N/A');
    });

    it('returns a waived item under the met model as Waived, not Met', () => {
      const metDef = metChecklist(items, { chapters, waivers: [devops] });
      const metWaivers = applyNamedWaiver([], metDef, 'devops', { accountId: 'ana', now: NOW }, PROOF);
      expect(rowsFor(metDef, states, metWaivers).map((entry) => entry.result)).toEqual(['Waived: AWS DevOps Competency, by ana, on 2026-03-01', 'Met', 'Not assessed']);
    });

    it('returns a waiver the report was not scored with as not applied', () => {
      const [first] = exportRows(pointsDef, scoreChecklist(pointsDef, states), extrasFor(pointsDef));
      expect(first?.waiver).toMatch(/; not applied to this score \(score again with the waivers in force\)$/);
    });

    it('returns the issue status as empty when the issue is known but its details are not', () => {
      const report = scoreChecklist(pointsDef, states);
      const rows = exportRows(pointsDef, report, { issues: {}, reviews: [], waivers: [] });
      expect(rows.map((entry) => [entry.status, entry.owner, entry.chapterReview])).toEqual([
        ['No issue', '', 'Not reviewed'],
        ['', '', 'Not reviewed'],
        ['', '', 'Not reviewed'],
      ]);
    });
  });

  describe('when the report is empty', () => {
    it('returns no rows', () => {
      const empty = pointsChecklist([]);
      expect(exportRows(empty, scoreChecklist(empty, []), { issues: {}, reviews: [], waivers: [] })).toEqual([]);
    });
  });

  describe('when the report is for another checklist', () => {
    it('throws an ExportInputError', () => {
      const report = scoreChecklist(metChecklist(items), []);
      expect(() => exportRows(pointsDef, report, { issues: {}, reviews: [], waivers: [] })).toThrow(ExportInputError);
      expect(() => exportRows(pointsDef, report, { issues: {}, reviews: [], waivers: [] })).toThrow(
        'The score report is for test-met-1.0, not test-points-1.0; score test-points-1.0 and export again.',
      );
    });
  });
});

describe('toCsv', () => {
  describe('when the report is empty', () => {
    it('returns the BOM and the header record only', () => {
      expect(toCsv([])).toBe(`${CSV_BOM}${HEADER}\r\n`);
      expect(EXPORT_COLUMNS).toHaveLength(15);
    });
  });

  describe('when rows hold plain values', () => {
    it('returns one CRLF-terminated record per row, points as a plain number', () => {
      expect(toCsv([row()])).toBe(`${CSV_BOM}${HEADER}\r\n8.3,Operations,Vulnerability management,20,Yes,Met,Issue MSP-4 is Done,Done,Ana,,,,,Not reviewed,\r\n`);
    });

    it('returns an empty points cell under the met model', () => {
      expect(parse(toCsv([row({ points: null })]))[1]?.[3]).toBe('');
    });
  });

  describe('when cells need quoting', () => {
    it.each([
      ['a comma', 'Patch, scan and fix', '"Patch, scan and fix"'],
      ['double quotes', 'The "golden" image', '"The ""golden"" image"'],
      ['a line break', 'line one\nline two', '"line one\nline two"'],
      ['a CRLF inside', 'one\r\ntwo', '"one\r\ntwo"'],
      ['unicode only (no quoting)', 'Überprüfung — 中文 ✅ 🙂', 'Überprüfung — 中文 ✅ 🙂'],
      ['a quote in the middle only', 'a"b', '"a""b"'],
    ])('returns the title with %s written per RFC 4180', (_label, title, field) => {
      const csv = toCsv([row({ title })]);
      expect(csv).toContain(`,Operations,${field},20,`);
      expect(parse(csv)[1]?.[2]).toBe(title);
    });

    it('returns multi-line evidence cells that a CSV parser reads back as one record', () => {
      const [source] = rowsFor(pointsDef).slice(1);
      const parsed = parse(toCsv(rowsFor(pointsDef)));
      expect(parsed).toHaveLength(4);
      expect(parsed[2]?.slice(9, 13)).toEqual([source?.evidenceTitles, source?.evidenceLinks, source?.evidenceReviewStates, source?.evidenceNotes]);
    });
  });

  describe('when a text cell could run as a formula', () => {
    it.each([
      ['=', '=1+2', "'=1+2"],
      ['+', '+1+2', "'+1+2"],
      ['-', '-200', "'-200"],
      ['-', '-2+3+cmd|/C calc!A0', "'-2+3+cmd|/C calc!A0"],
      ['@', '@SUM(A1:A2)', "'@SUM(A1:A2)"],
      ['tab', '\t=1+2', "'\t=1+2"],
      ['carriage return', '\r=1+2', '"\'\r=1+2"'],
      ['=', '=HYPERLINK("http://evil","x")', '"\'=HYPERLINK(""http://evil"",""x"")"'],
    ])('returns a cell starting with %s neutralised with a leading quote: %j', (_prefix, title, field) => {
      const csv = toCsv([row({ title })]);
      expect(csv).toContain(`,Operations,${field},20,`);
      expect(parse(csv)[1]?.[2]).toBe(`'${title}`);
    });

    it('returns every text column neutralised, not only the title', () => {
      const hostile = row({ id: '=1', chapter: '+1', why: '-1', status: '@1', owner: '=cmd', evidenceTitles: '=x', evidenceLinks: '=HYPERLINK("http://evil")', waiver: '-w' });
      const cells = parse(toCsv([hostile]))[1] ?? [];
      for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });

    it.each(['a=b', 'x-1', 'mail@example.com', ' =1', '2024-01-01'])('returns %j unchanged (no risky first character)', (text) => {
      expect(parse(toCsv([row({ title: text })]))[1]?.[2]).toBe(text);
    });
  });
});

describe('csvField', () => {
  describe('when the cell is a number or empty', () => {
    it.each<[number | null | undefined, string]>([
      [200, '200'],
      [-200, '-200'],
      [0, '0'],
      [12.5, '12.5'],
      [Number.NaN, ''],
      [Number.POSITIVE_INFINITY, ''],
      [null, ''],
      [undefined, ''],
    ])('returns %p as %j, never neutralised', (cell, field) => {
      expect(csvField(cell)).toBe(field);
    });
  });

  describe('when the cell is text', () => {
    it.each([
      ['', ''],
      ['-200', "'-200"],
      ['200', '200'],
    ])('returns %j as %j', (cell, field) => {
      expect(csvField(cell)).toBe(field);
    });
  });
});

describe('csvTable', () => {
  describe('when given a header and records', () => {
    it('returns BOM, header and records, each ending with CRLF', () => {
      expect(csvTable(['ID', 'Points'], [['8.3', 20], ['8.4', null]])).toBe('\uFEFFID,Points\r\n8.3,20\r\n8.4,\r\n');
    });
  });
});
