/** The checklist format's N/A rule and version validity: accepted, defaulted, and refused with a clear problem. */
import { findBuiltinChecklist } from '../../../src/checklists';
import { ChecklistValidationError, parseChecklist } from '../../../src/domain/checklist-schema';

const FILE = 'demo.yaml';
const file = (extra: string) => `id: demo-7
framework: demo
name: Demo
version: "7"
model: met
${extra}chapters:
  - { id: gov, title: Governance }
items:
  - { id: GOV-001, chapter: gov, title: Risks, requirement: Track risks., mandatory: true }
`;

function problems(text: string): string[] {
  try {
    parseChecklist(text, FILE);
  } catch (error) {
    if (error instanceof ChecklistValidationError) return error.problems.map((problem) => `${problem.field}: ${problem.message}`);
    throw error;
  }
  return [];
}

describe('parseChecklist: naRule', () => {
  it.each(['exemptions', 'justified', 'free'] as const)('keeps naRule %s', (rule) => {
    expect(parseChecklist(file(`naRule: ${rule}\n`), FILE).naRule).toBe(rule);
  });

  it('leaves naRule out when the file does not say (a justification is then required)', () => {
    expect(parseChecklist(file(''), FILE)).not.toHaveProperty('naRule');
  });

  it('refuses an unknown rule, naming the allowed ones', () => {
    expect(problems(file('naRule: never\n'))).toEqual(['naRule: must be one of: exemptions, justified, free (not "never")']);
  });
});

describe('parseChecklist: validity', () => {
  it('keeps the dates and the historical flag', () => {
    const def = parseChecklist(file('validFrom: "2025-08-29"\nvalidUntil: "2026-02-28"\nusableUntil: 2026-05-31\nhistorical: true\n'), FILE);
    expect(def.validity).toEqual({ validFrom: '2025-08-29', validUntil: '2026-02-28', usableUntil: '2026-05-31', historical: true });
  });

  it('leaves validity out when the file states none', () => {
    expect(parseChecklist(file('historical: false\n'), FILE)).not.toHaveProperty('validity');
  });

  it.each<[string, string, string]>([
    ['a date in another format', 'validUntil: 28/02/2026\n', 'validUntil: must be a date written YYYY-MM-DD, e.g. "2026-02-28"'],
    ['a date that does not exist', 'validUntil: "2026-02-30"\n', 'validUntil: is not a real calendar date'],
    ['a month that does not exist', 'validFrom: "2026-13-01"\n', 'validFrom: is not a real calendar date'],
    ['an end before the start', 'validFrom: "2026-03-01"\nvalidUntil: "2026-02-28"\n', 'validUntil: 2026-02-28 is before validFrom 2026-03-01; the window would be empty'],
    ['a last usable day before the end', 'validUntil: "2026-02-28"\nusableUntil: "2026-01-31"\n', 'usableUntil: 2026-01-31 is before validUntil 2026-02-28; a version is usable at least while it is valid'],
    ['historical as text', 'historical: yes please\n', 'historical: must be true or false'],
  ])('refuses %s', (_label, extra, problem) => {
    expect(problems(file(extra))).toEqual([problem]);
  });
});

describe('the built-in checklists', () => {
  it.each<[string, string, object | undefined]>([
    ['aws-msp-7.1', 'exemptions', { validFrom: '2025-08-29', validUntil: '2026-02-28', usableUntil: '2026-05-31' }],
    ['aws-msp-4.x', 'justified', { validFrom: '2019-02-01', historical: true }],
    ['mspalliance-ucs-23', 'justified', { validFrom: '2023-09-01' }],
    ['mspalliance-code-of-ethics', 'justified', undefined],
  ])('%s states N/A rule %s and its validity', (id, rule, validity) => {
    const def = findBuiltinChecklist(id);
    expect(def?.naRule).toBe(rule);
    expect(def?.validity).toEqual(validity);
  });

  it('4.x names the AWS DevOps Competency waiver covering chapter 6.0 DevOps, with its reason', () => {
    const def = findBuiltinChecklist('aws-msp-4.x');
    const waiver = def?.waivers.find((entry) => entry.name === 'AWS DevOps Competency');
    expect(waiver).toMatchObject({ id: 'devops-competency', items: [], chapters: ['ch-06'] });
    expect(waiver?.reason).toMatch(/chapter 6\.0 DevOps/);
    expect(def?.chapters.find((chapter) => chapter.id === 'ch-06')?.title).toBe('DevOps');
  });
});
