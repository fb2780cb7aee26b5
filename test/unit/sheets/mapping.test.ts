import { assignColumn, columnLetter, detectHeaderRow, guessMapping, guessSheetMapping, type ItemField } from '../../../common/sheets';

type Expected = (ItemField | undefined)[];

describe('guessMapping', () => {
  describe('when headers name the fields', () => {
    const cases: { name: string; headers: string[]; fields: Expected }[] = [
      {
        name: 'the app’s own names',
        headers: ['ID', 'Title', 'Chapter', 'Requirement', 'Points', 'Mandatory', 'Penalty', 'Evidence', 'Complexity'],
        fields: ['id', 'title', 'chapter', 'requirement', 'points', 'mandatory', 'penalty', 'evidence', 'complexity'],
      },
      {
        name: 'a control catalogue',
        headers: ['Control ID', 'Control Name', 'Domain', 'Control Description', 'Required'],
        fields: ['id', 'title', 'chapter', 'requirement', 'mandatory'],
      },
      {
        name: 'short forms, other case and punctuation',
        headers: ['ref.', 'NAME', 'section', 'WEIGHT', 'Met?'],
        fields: ['id', 'title', 'chapter', 'points', 'result'],
      },
      {
        name: 'an audit tracker',
        headers: ['#', 'Item', 'Category', 'Description', 'Score', 'Type', 'Status', 'Owner'],
        fields: ['id', 'title', 'chapter', 'requirement', 'points', 'mandatory', 'result', undefined],
      },
      {
        name: 'the AWS self-assessment (no title column: the description carries it)',
        headers: ['ID', 'Requirement Description', 'Met?', 'Partner Response'],
        fields: ['id', 'titledDescription', 'result', undefined],
      },
      {
        name: 'a UCS-style objective list',
        headers: ['Requirement ID', 'Requirement Title', 'Objective', 'What it asks', 'Expected evidence'],
        fields: ['id', 'title', 'chapter', 'requirement', 'evidence'],
      },
      {
        name: 'Control as the title, beside a separate id',
        headers: ['Ref', 'Control', 'Requirement Text', 'Mandatory / Recommended', 'Result'],
        fields: ['id', 'title', 'requirement', 'mandatory', 'result'],
      },
      {
        name: 'a header that only contains a synonym',
        headers: ['AWS Control ID (v7)', 'Short title', 'Points (max 1000)'],
        fields: ['id', 'title', 'points'],
      },
      {
        name: 'two columns for one field: the surer one wins',
        headers: ['ID', 'Title', 'Description', 'Requirement'],
        fields: ['id', 'title', undefined, 'requirement'],
      },
      {
        name: 'unknown and blank headers',
        headers: ['Owner', '', 'Due date', 'Notes'],
        fields: [undefined, undefined, undefined, undefined],
      },
      {
        name: 'accents and spacing, but not other languages',
        headers: ['  Référence ', 'Titre', 'Catégorie'],
        fields: ['id', undefined, undefined],
      },
    ];
    it.each(cases)('maps $name', ({ headers, fields }) => {
      expect(guessMapping(headers).columns.map((column) => column.field)).toEqual(fields);
    });
  });

  describe('confidence', () => {
    it('is 1 for an exact synonym, lower for a weaker or contained one, 0 for none', () => {
      const confidence = guessMapping(['ID', 'Status', 'Points (max 1000)', 'Owner']).columns.map((column) => column.confidence);
      expect(confidence).toEqual([1, 0.9, 0.6, 0]);
    });

    it('trusts a title-in-description column when sample cells start with a title line', () => {
      const samples = [['BUS-001', 'Company Overview\nMandatory\n\nTell the story.'], ['BUS-002', 'Growth\nMandatory\n\nGrow.']];
      const sure = guessMapping(['ID', 'Requirement Description'], { sampleRows: samples }).columns[1];
      const unsure = guessMapping(['ID', 'Requirement Description'], { sampleRows: [['1', 'One line only']] }).columns[1];
      expect(sure).toMatchObject({ field: 'titledDescription', confidence: 0.9 });
      expect(unsure).toMatchObject({ field: 'titledDescription', confidence: 0.4 });
    });
  });
});

describe('detectHeaderRow', () => {
  const cases: { name: string; rows: string[][]; row: number }[] = [
    { name: 'headers on the first row', rows: [['ID', 'Title'], ['1', 'A']], row: 1 },
    { name: 'a banner above the headers (AWS workbook)', rows: [['MSP Prerequisites\nMet before the audit.'], ['ID', 'Requirement Description', 'Met?'], ['Business']], row: 2 },
    { name: 'blank rows and notes first', rows: [[], ['Team checklist v2'], [''], ['Ref', 'Name', 'Points'], ['1', 'A', '5']], row: 4 },
    { name: 'no recognisable headers: the first non-blank row', rows: [[], ['Owner', 'Notes'], ['x', 'y']], row: 2 },
  ];
  it.each(cases)('finds $name', ({ rows, row }) => {
    expect(detectHeaderRow(rows)).toBe(row);
  });

  it('feeds guessSheetMapping', () => {
    const mapping = guessSheetMapping({ name: 'S', rows: [['Checklist'], ['ID', 'Title']], formulas: [] });
    expect(mapping.headerRow).toBe(2);
    expect(mapping.columns.map((column) => column.field)).toEqual(['id', 'title']);
  });
});

describe('assignColumn', () => {
  it('gives the field to the chosen column with full confidence and takes it from the other', () => {
    const mapping = assignColumn(guessMapping(['Ref', 'Name', 'Notes']), 2, 'title');
    expect(mapping.columns.map((column) => [column.field, column.confidence])).toEqual([
      ['id', 0.9],
      [undefined, 0],
      ['title', 1],
    ]);
  });

  it('clears a column when the user picks nothing', () => {
    expect(assignColumn(guessMapping(['ID', 'Title']), 1, undefined).columns[1]).toMatchObject({ field: undefined, confidence: 0 });
  });
});

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});
