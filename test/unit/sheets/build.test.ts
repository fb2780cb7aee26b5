import { assignColumn, buildChecklist, guessSheetMapping } from '../../../common/sheets';
import { validateChecklist } from '../../../src/domain/checklist-schema';
import { MET_META, POINTS_META, buildCsv, buildFirstSheet, readCsvText, readTable } from '../../fixtures/sheets/workbooks';
import { buildXlsx } from '../../fixtures/sheets/xlsx';

describe('buildChecklist', () => {
  describe('when the checklist uses the points model', () => {
    const csv = [
      'ID,Title,Chapter,Requirement,Points,Mandatory,Penalty,Evidence,Complexity,Met?',
      '1.1,Service catalogue,Governance,Publish what is offered.,10,yes,150,"document, link",low,Yes',
      '1.2,Customer references,Governance,Keep checkable references.,5,no,,document,,No',
      '',
      '2.1,Incident process,Operations,Handle incidents the same way each time.,15,Mandatory,,process; demo,high,',
      'Total,,,,30,,,,,',
    ].join('\n');

    it('builds the raw definition the backend validates, without problems', async () => {
      const result = await buildCsv(csv, { ...POINTS_META, maxScore: 30, defaultPenalty: 200 });
      expect(result.problems).toEqual([]);
      expect(result.definition).toEqual({
        id: 'team-1',
        framework: 'team',
        name: 'Team checklist',
        version: '1.0',
        description: 'Imported from team-checklist.csv.',
        model: 'points',
        passRule: { passMark: 20 },
        maxScore: 30,
        naPolicy: 'award',
        naRule: 'justified',
        defaultPenalty: 200,
        chapters: [
          { id: 'governance', title: 'Governance' },
          { id: 'operations', title: 'Operations' },
        ],
        items: [
          {
            id: '1.1', chapter: 'governance', title: 'Service catalogue', requirement: 'Publish what is offered.',
            evidence: ['document', 'link'], points: 10, mandatory: true, penalty: 150, complexity: 'low',
          },
          { id: '1.2', chapter: 'governance', title: 'Customer references', requirement: 'Keep checkable references.', evidence: ['document'], points: 5, mandatory: false },
          {
            id: '2.1', chapter: 'operations', title: 'Incident process', requirement: 'Handle incidents the same way each time.',
            evidence: ['process', 'demo'], points: 15, mandatory: true, complexity: 'high',
          },
        ],
        waivers: [],
      });
      expect(result.initialResults).toEqual({ '1.1': 'met', '1.2': 'not_met' });
      const checked = validateChecklist(result.definition, 'team-checklist.csv', { source: 'custom' });
      expect(checked.items.map((item) => item.penalty)).toEqual([150, 0, 200]);
    });

    it('takes the maximum from a Total row when the form gives none', async () => {
      const result = await buildCsv(csv, POINTS_META);
      expect(result.problems).toEqual([]);
      expect(result.definition.maxScore).toBe(30);
    });
  });

  describe('when the checklist uses the met model', () => {
    it('builds items without points, warns that the points column is ignored', async () => {
      const result = await buildCsv('Ref,Name,Points,Required,Status\nG-1,Policies,10,y,n/a\nG-2,Reviews,5,n,\n', {
        ...MET_META,
        minOptionalPercent: 50,
      });
      expect(result.problems).toEqual([]);
      expect(result.warnings).toEqual([{ row: 1, column: 'Points', message: 'points are ignored: under the met model items are met or not' }]);
      expect(result.definition).toMatchObject({ model: 'met', passRule: { minOptionalPercent: 50 }, chapters: [{ id: 'general', title: 'General' }] });
      expect(result.definition).not.toHaveProperty('maxScore');
      expect(result.definition.items).toEqual([
        { id: 'G-1', chapter: 'general', title: 'Policies', requirement: 'Policies', evidence: [], mandatory: true },
        { id: 'G-2', chapter: 'general', title: 'Reviews', requirement: 'Reviews', evidence: [], mandatory: false },
      ]);
      expect(result.initialResults).toEqual({ 'G-1': 'na' });
      expect(validateChecklist(result.definition, 'x.csv').maxScore).toBe(2);
    });
  });

  describe('chapters', () => {
    it('come from group header rows when there is no chapter column', async () => {
      const result = await buildCsv('ID,Title\nGovernance,\n1.1,Policies\n,Operations (24x7 desks only)\n2.1,Desk\n2.2,Runbooks\n');
      expect(result.problems).toEqual([]);
      expect(result.definition.chapters).toEqual([
        { id: 'governance', title: 'Governance' },
        { id: 'operations', title: 'Operations' },
      ]);
      expect(result.definition.items.map((item) => item.chapter)).toEqual(['governance', 'operations', 'operations']);
      expect(result.definition.description).toBe('Imported from team-checklist.csv.\nOperations: 24x7 desks only');
    });

    it('come only from headers that have items below them; a remark beside the table is skipped with a warning', async () => {
      const result = await buildCsv('ID,Title,Owner\nDraft section,,\nGovernance,,\n1.1,Policies,Ann\n,,ask Bob\n');
      expect(result.problems).toEqual([]);
      expect(result.definition.chapters).toEqual([{ id: 'governance', title: 'Governance' }]);
      expect(result.warnings).toEqual([{ row: 5, column: 'Owner', message: 'row skipped: only this cell, in a column that is not mapped, is filled' }]);
    });

    it('keep one id per title whatever the case, and distinct ids for titles that look alike', async () => {
      const result = await buildCsv('ID,Title,Section\n1,A,Security\n2,B,security \n3,C,Security!\n4,D,Sécurité\n');
      expect(result.definition.chapters).toEqual([
        { id: 'security', title: 'Security' },
        { id: 'security-2', title: 'Security!' },
        { id: 'securite', title: 'Sécurité' },
      ]);
      expect(result.definition.items.map((item) => item.chapter)).toEqual(['security', 'security', 'security-2', 'securite']);
    });
  });

  describe('cells', () => {
    it('tidies titles to one line and keeps requirement paragraphs', async () => {
      const result = await buildCsv('ID,Title,Requirement\n1," Web\n Presence ","First.  \r\n\r\n\r\n\r\nSecond."\n');
      expect(result.definition.items[0]).toMatchObject({ title: 'Web Presence', requirement: 'First.\n\nSecond.' });
    });

    it('keeps an evidence sentence next to the requirement and reads its kinds', async () => {
      const result = await buildCsv('ID,Title,Requirement,Evidence\n1,Desk,Run a desk.,Evidence is a demonstration of the desk tool.\n');
      expect(result.definition.items[0]).toMatchObject({
        requirement: 'Run a desk.\n\nEvidence: Evidence is a demonstration of the desk tool.',
        evidence: ['demo'],
      });
    });

    it('reads points written with thousands separators or a decimal comma', async () => {
      const result = await buildCsv('ID;Title;Points\n1;A;1,000\n2;B;10,0\n', { ...POINTS_META, maxScore: 1010, passMark: 900 });
      expect(result.problems).toEqual([]);
      expect(result.definition.items.map((item) => item.points)).toEqual([1000, 10]);
    });

    it('skips a header row repeated further down', async () => {
      const result = await buildCsv('ID,Title\n1,A\nID,Title\n2,B\n');
      expect(result.problems).toEqual([]);
      expect(result.definition.items).toHaveLength(2);
    });

    it('warns about formula cells in XLSX and uses their saved result', async () => {
      const bytes = await buildXlsx([
        { name: 'List', rows: [['ID', 'Title', 'Points'], ['1', 'A', { formula: '5*2', result: 10 }], ['2', 'B', 20]] },
      ]);
      const result = buildFirstSheet(await readTable('list.xlsx', bytes), { ...POINTS_META, maxScore: 30 });
      expect(result.problems).toEqual([]);
      expect(result.warnings).toEqual([{ row: 2, column: 'Points', message: 'cell holds a formula (=5*2); its last saved result "10" was used' }]);
      expect(result.definition.items[0]?.points).toBe(10);
    });
  });

  describe('mappings', () => {
    it('follows a user override', async () => {
      const workbook = await readCsvText('Code,Label,Notes\nA-1,Ignored,Real title\n');
      const sheet = workbook.sheets[0]!;
      const mapping = assignColumn(assignColumn(guessSheetMapping(sheet), 1, undefined), 2, 'title');
      const result = buildChecklist({ workbook, sheet: sheet.name, mapping, meta: MET_META });
      expect(result.problems).toEqual([]);
      expect(result.definition.items[0]).toMatchObject({ id: 'A-1', title: 'Real title' });
    });

    it('takes the title from its column and the text from a title-then-text column', async () => {
      const workbook = await readCsvText('ID,Title,Description\n1,Short,"Long title\nRecommended\n\nThe text."\n');
      const sheet = workbook.sheets[0]!;
      const mapping = assignColumn(guessSheetMapping(sheet), 2, 'titledDescription');
      const result = buildChecklist({ workbook, sheet: sheet.name, mapping, meta: MET_META });
      expect(result.definition.items[0]).toMatchObject({ title: 'Short', requirement: 'The text.', mandatory: false });
    });
  });
});
