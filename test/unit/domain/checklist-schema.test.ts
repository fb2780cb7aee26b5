import {
  ChecklistValidationError,
  parseChecklist,
  validateChecklist,
  type ChecklistProblem,
} from '../../../src/domain/checklist-schema';

const FILE = 'demo.yaml';

/** A small valid points-model checklist: 3 items, 30 points, two chapters. */
const POINTS_HEADER = `id: demo-4.0
framework: demo
name: Demo points checklist
version: "4.0"
model: points
chapters:
  - { id: ch-01, title: Business }
  - { id: ch-02, title: Security }
`;
const POINTS_SCORE = `maxScore: 30
passRule: { passMark: 20 }
`;
const POINTS_ITEMS = `items:
  - { id: "1.1", chapter: ch-01, title: Plan, requirement: Keep a plan., points: 10, mandatory: true }
  - { id: "1.2", chapter: ch-01, title: Reports, requirement: Report monthly., points: 10 }
  - { id: "2.1", chapter: ch-02, title: MFA, requirement: Use a second factor., points: 10, mandatory: true, penalty: 100 }
`;
const pointsFile = (parts: { score?: string; items?: string; extra?: string } = {}) =>
  POINTS_HEADER + (parts.score ?? POINTS_SCORE) + (parts.items ?? POINTS_ITEMS) + (parts.extra ?? '');

/** A small valid met-model checklist. */
const MET_HEADER = `id: demo-7
framework: demo
name: Demo met checklist
version: "7"
model: met
chapters:
  - { id: gov, title: Governance }
  - { id: ops, title: Operations }
`;
const MET_ITEMS = `items:
  - { id: GOV-001, chapter: gov, title: Risks, requirement: Track risks., mandatory: true, evidence: [document] }
  - { id: OPS-001, chapter: ops, title: Pipelines, requirement: Deploy by pipeline., mandatory: true, evidence: [demo] }
  - { id: OPS-002, chapter: ops, title: AI, requirement: Try generative AI., evidence: [document] }
`;
const WAIVERS = `waivers:
  - { id: devops, name: DevOps Competency, reason: Covers pipelines., items: [OPS-001] }
  - { id: mssp, name: MSSP Competency, reason: Covers operations., chapters: [ops] }
`;
const metFile = (parts: { items?: string; extra?: string } = {}) => MET_HEADER + (parts.items ?? MET_ITEMS) + (parts.extra ?? '');

type Def = ReturnType<typeof parseChecklist>;

function problemsOf(load: () => unknown): ChecklistProblem[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ChecklistValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ChecklistValidationError');
}

const problem = (field: string, message: string, itemId?: string): ChecklistProblem =>
  itemId === undefined ? { file: FILE, field, message } : { file: FILE, itemId, field, message };

describe('parseChecklist', () => {
  describe('when the file is a valid points checklist', () => {
    const checklist = parseChecklist(pointsFile(), FILE);

    it('returns the header fields with naPolicy defaulting to award', () => {
      expect(checklist).toMatchObject({
        id: 'demo-4.0',
        framework: 'demo',
        name: 'Demo points checklist',
        version: '4.0',
        description: '',
        model: 'points',
        passRule: { kind: 'points', passMark: 20 },
        maxScore: 30,
        naPolicy: 'award',
        waivers: [],
        source: 'builtin',
      });
    });

    it('numbers chapters by their position when they have no order', () => {
      expect(checklist.chapters).toEqual([
        { id: 'ch-01', title: 'Business', order: 1 },
        { id: 'ch-02', title: 'Security', order: 2 },
      ]);
    });

    it('gives mandatory items the default penalty of 200 unless they set their own', () => {
      expect(checklist.items.map((item) => [item.id, item.mandatory, item.penalty])).toEqual([
        ['1.1', true, 200],
        ['1.2', false, 0],
        ['2.1', true, 100],
      ]);
    });

    it('maps chapter to chapterId and fills empty evidence and replaces', () => {
      expect(checklist.items[1]).toEqual({
        id: '1.2',
        chapterId: 'ch-01',
        title: 'Reports',
        requirement: 'Report monthly.',
        evidence: [],
        points: 10,
        mandatory: false,
        penalty: 0,
        replaces: [],
      });
    });
  });

  describe('when defaults are overridden', () => {
    it.each([
      ['defaultPenalty applies to mandatory items without a penalty', pointsFile({ extra: 'defaultPenalty: 150\n' }), (c: Def) => c.items[0]?.penalty, 150],
      ['naPolicy exclude is kept', pointsFile({ extra: 'naPolicy: exclude\n' }), (c: Def) => c.naPolicy, 'exclude'],
      ['chapter order is taken from the file', POINTS_HEADER.replace('title: Security }', 'title: Security, order: 0 }') + POINTS_SCORE + POINTS_ITEMS, (c: Def) => c.chapters.map((ch) => `${ch.order}:${ch.id}`).join(' '), '0:ch-02 1:ch-01'],
      ['the description is trimmed', pointsFile({ extra: 'description: >-\n  Two\n  lines.\n' }), (c: Def) => c.description, 'Two lines.'],
    ])('%s', (_scenario, text, pick, expected) => {
      expect(pick(parseChecklist(text, FILE))).toEqual(expected);
    });

    it('marks the source as custom when asked', () => {
      expect(parseChecklist(pointsFile(), FILE, { source: 'custom' }).source).toBe('custom');
    });
  });

  describe('when the file is a valid met checklist', () => {
    const checklist = parseChecklist(metFile({ extra: WAIVERS }), FILE);

    it('sets maxScore to the number of items and the pass rule to met', () => {
      expect([checklist.maxScore, checklist.passRule]).toEqual([3, { kind: 'met' }]);
    });

    it('gives every item 0 points and no penalty', () => {
      expect(checklist.items.map((item) => [item.points, item.penalty])).toEqual([
        [0, 0],
        [0, 0],
        [0, 0],
      ]);
    });

    it('keeps named waivers with their items and chapters', () => {
      expect(checklist.waivers).toEqual([
        { id: 'devops', name: 'DevOps Competency', reason: 'Covers pipelines.', items: ['OPS-001'], chapters: [] },
        { id: 'mssp', name: 'MSSP Competency', reason: 'Covers operations.', items: [], chapters: ['ops'] },
      ]);
    });

    it('keeps minOptionalPercent when given', () => {
      expect(parseChecklist(metFile({ extra: 'passRule: { minOptionalPercent: 50 }\n' }), FILE).passRule).toEqual({
        kind: 'met',
        minOptionalPercent: 50,
      });
    });
  });

  describe('when text fields are written as unquoted numbers', () => {
    const text = POINTS_HEADER.replace('version: "4.0"', 'version: 4.10') + POINTS_SCORE +
      POINTS_ITEMS.replace('id: "1.1"', 'id: 8.10').replace('id: "1.2"', 'id: 8.1, replaces: [7.10]');
    const checklist = parseChecklist(text, FILE);

    it('keeps them as written instead of as YAML numbers', () => {
      expect([checklist.version, checklist.items[0]?.id, checklist.items[1]?.id, checklist.items[1]?.replaces]).toEqual([
        '4.10',
        '8.10',
        '8.1',
        ['7.10'],
      ]);
    });
  });

  describe('when the file is invalid', () => {
    it.each<[string, string, ChecklistProblem[]]>([
      ['a point value is not whole', pointsFile({ items: POINTS_ITEMS.replace('points: 10, mandatory: true }', 'points: 9.5, mandatory: true }') }),
        [problem('points', 'must be a whole number ≥ 0', '1.1')]],
      ['a point value is negative', pointsFile({ items: POINTS_ITEMS.replace('points: 10 }', 'points: -10 }') }),
        [problem('points', 'must be a whole number ≥ 0', '1.2')]],
      ['a required header field is missing', pointsFile().replace('name: Demo points checklist\n', ''),
        [problem('name', 'required')]],
      ['a header field has a typo', pointsFile({ score: 'maxScore: 30\npasRule: { passMark: 20 }\n' }),
        [problem('pasRule', 'unknown field; did you mean "passRule"?'), problem('passRule.passMark', 'required for model points, e.g. passRule: { passMark: 900 }')]],
      ['an item field has a typo', pointsFile({ items: POINTS_ITEMS.replace('penalty: 100', 'penalti: 100') }),
        [problem('penalti', 'unknown field; did you mean "penalty"?', '2.1')]],
      ['an item has no title', pointsFile({ items: POINTS_ITEMS.replace('title: Reports, ', '') }),
        [problem('title', 'required', '1.2')]],
      ['an item id is used twice', pointsFile({ items: POINTS_ITEMS.replace('id: "2.1"', 'id: "1.1"') }),
        [problem('id', 'also used by items[0]; item ids must be unique', '1.1')]],
      ['a chapter id is used twice', pointsFile().replace('id: ch-02, title: Security', 'id: ch-01, title: Security').replace('chapter: ch-02', 'chapter: ch-01'),
        [problem('chapters[1].id', '"ch-01" is also used by chapters[0]; chapter ids must be unique')]],
      ['an item names a chapter that does not exist', pointsFile({ items: POINTS_ITEMS.replace('chapter: ch-02', 'chapter: security') }),
        [problem('chapter', 'no chapter "security"; known: ch-01, ch-02', '2.1')]],
      ['maxScore is missing under points', pointsFile({ score: 'passRule: { passMark: 20 }\n' }),
        [problem('maxScore', 'required for model points: the sum of all item points, e.g. 1000')]],
      ['item points do not add up to maxScore', pointsFile({ score: 'maxScore: 40\npassRule: { passMark: 20 }\n' }),
        [problem('maxScore', 'is 40 but the item points add up to 30; they must be equal')]],
      ['the pass mark is missing under points', pointsFile({ score: 'maxScore: 30\n' }),
        [problem('passRule.passMark', 'required for model points, e.g. passRule: { passMark: 900 }')]],
      ['the pass mark is above maxScore', pointsFile({ score: 'maxScore: 30\npassRule: { passMark: 31 }\n' }),
        [problem('passRule.passMark', '31 is more than maxScore 30; nobody could pass')]],
      ['an optional item has a penalty', pointsFile({ items: POINTS_ITEMS.replace('points: 10 }', 'points: 10, penalty: 50 }') }),
        [problem('penalty', 'only mandatory items have a penalty; set mandatory: true or remove the penalty', '1.2')]],
      ['an item has points under met', metFile({ items: MET_ITEMS.replace('mandatory: true, evidence: [demo]', 'mandatory: true, evidence: [demo], points: 5') }),
        [problem('points', 'must be 0 or omitted under model met: items are met or not', 'OPS-001')]],
      ['maxScore is given under met', metFile({ extra: 'maxScore: 3\n' }),
        [problem('maxScore', 'only applies to model points; under met the maximum is the number of items')]],
      ['an evidence kind is unknown', metFile({ items: MET_ITEMS.replace('evidence: [demo]', 'evidence: [demo, screenshot]') }),
        [problem('evidence[1]', 'must be one of: document, process, presentation, demo, link, attachment (not "screenshot")', 'OPS-001')]],
      ['mandatory is not a boolean', metFile({ items: MET_ITEMS.replace('title: Risks, requirement: Track risks., mandatory: true', 'title: Risks, requirement: Track risks., mandatory: yes') }),
        [problem('mandatory', 'must be true or false', 'GOV-001')]],
      ['complexity is not a known level', metFile({ items: MET_ITEMS.replace('evidence: [demo] }', 'evidence: [demo], complexity: huge }') }),
        [problem('complexity', 'must be one of: low, medium, high (not "huge")', 'OPS-001')]],
      ['a waiver names an unknown item and chapter', metFile({ extra: 'waivers:\n  - { id: w, name: W, reason: R, items: [OPS-099], chapters: [security] }\n' }),
        [problem('waivers[0].items[0]', 'no item "OPS-099"; known: GOV-001, OPS-001, OPS-002'), problem('waivers[0].chapters[0]', 'no chapter "security"; known: gov, ops')]],
      ['a waiver waives nothing', metFile({ extra: 'waivers:\n  - { id: w, name: W, reason: R }\n' }),
        [problem('waivers[0]', 'waives nothing: list the items or chapters it covers')]],
      ['an item replaces the id of another current item', metFile({ items: MET_ITEMS.replace('title: AI,', 'title: AI, replaces: [OPS-002, GOV-001],') }),
        [problem('replaces[1]', '"GOV-001" is the id of another item in this version; an item can only replace ids that are gone', 'OPS-002')]],
      ['an id contains a space', metFile({ items: MET_ITEMS.replace('id: GOV-001', 'id: GOV 001') }),
        [problem('items[0].id', 'must be an id of letters, digits, ".", "_" or "-", e.g. 8.3 or SEC-001')]],
      ['the items list is missing', MET_HEADER,
        [problem('items', 'required: list at least one item')]],
      ['an item is not a mapping', metFile({ items: MET_ITEMS + '  - just text\n' }),
        [problem('items[3]', 'must be a mapping of item fields (id, chapter, title, requirement, evidence, points, mandatory, penalty, complexity, replaces, evidenceValidMonths)')]],
      ['the model is unknown', metFile().replace('model: met', 'model: score'),
        [problem('model', 'must be one of: points, met (not "score")')]],
      ['the file is empty', '',
        [problem('document', 'must be a mapping of checklist fields (id, framework, name, version, model, chapters, items)')]],
    ])('when %s, reports exactly that problem', (_scenario, text, expected) => {
      expect(problemsOf(() => parseChecklist(text, FILE))).toEqual(expected);
    });
  });

  describe('when the YAML itself is malformed', () => {
    it('names the file and the line', () => {
      const text = 'id: demo\nname: Demo\nitems: [\n  - broken\n';
      const problems = problemsOf(() => parseChecklist(text, FILE));
      expect(problems[0]).toEqual({ file: FILE, field: 'line 4', message: expect.stringMatching(/^YAML syntax error: /) });
    });

    it('reports a key given twice with its line', () => {
      expect(problemsOf(() => parseChecklist('id: a\nname: A\nid: b\n', FILE))).toEqual([
        problem('line 3', 'YAML syntax error: Map keys must be unique'),
      ]);
    });
  });

  describe('when a file has several problems', () => {
    const text = pointsFile({
      score: 'maxScore: 30\n',
      items: POINTS_ITEMS.replace('points: 10 }', 'points: 1.5 }').replace('chapter: ch-02', 'chapter: ch-9'),
    });

    it('collects all of them, not just the first', () => {
      expect(problemsOf(() => parseChecklist(text, FILE))).toEqual([
        problem('points', 'must be a whole number ≥ 0', '1.2'),
        problem('chapter', 'no chapter "ch-9"; known: ch-01, ch-02', '2.1'),
        problem('passRule.passMark', 'required for model points, e.g. passRule: { passMark: 900 }'),
      ]);
    });
  });
});

describe('validateChecklist', () => {
  const raw = {
    id: 'demo-1',
    framework: 'demo',
    name: 'Demo',
    version: '1',
    model: 'met',
    chapters: [{ id: 'gov', title: 'Governance' }],
    items: [{ id: 'G-1', chapter: 'gov', title: 'Policies', requirement: 'Write them down.', mandatory: true }],
  };

  describe('when given valid data', () => {
    it('returns the normalized definition', () => {
      expect(validateChecklist(raw, FILE).items).toEqual([
        { id: 'G-1', chapterId: 'gov', title: 'Policies', requirement: 'Write them down.', evidence: [], points: 0, mandatory: true, penalty: 0, replaces: [] },
      ]);
    });
  });

  describe('when the version is a number', () => {
    it('asks for it to be quoted, since 4.10 and 4.1 can no longer be told apart', () => {
      expect(problemsOf(() => validateChecklist({ ...raw, version: 7.1 }, FILE))).toEqual([
        problem('version', 'must be text; quote it, e.g. version: "7.1", since 4.10 as a number reads as 4.1'),
      ]);
    });
  });

  describe('when given something that is not a mapping', () => {
    it.each([
      ['null', null],
      ['a list', [raw]],
      ['a string', 'id: demo'],
    ])('rejects %s as a whole', (_kind, input) => {
      expect(problemsOf(() => validateChecklist(input, FILE)).map((p) => p.field)).toEqual(['document']);
    });
  });
});

describe('ChecklistValidationError', () => {
  describe('when thrown for a file', () => {
    const error = (() => {
      try {
        parseChecklist(pointsFile({ items: POINTS_ITEMS.replace('id: "1.1"', 'id: "8.3"').replace('points: 10, mandatory: true }', 'points: -1, mandatory: true }') }), 'aws-msp-4.x.yaml');
      } catch (e) {
        return e as ChecklistValidationError;
      }
      throw new Error('expected an error');
    })();

    it('has its name set', () => {
      expect(error.name).toBe('ChecklistValidationError');
    });

    it('lists each problem as file: item: field: message', () => {
      expect(error.message).toBe(
        'aws-msp-4.x.yaml has 1 problem; fix them and load the checklist again:\n' +
          'aws-msp-4.x.yaml: item 8.3: points: must be a whole number ≥ 0',
      );
    });
  });
});

