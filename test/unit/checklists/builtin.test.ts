import { builtinChecklists, findBuiltinChecklist } from '../../../src/checklists';
import type { ChecklistDefinition } from '../../../src/domain/types';

function load(id: string): ChecklistDefinition {
  const checklist = findBuiltinChecklist(id);
  if (checklist === undefined) throw new Error(`built-in checklist ${id} is missing`);
  return checklist;
}

const idsIn = (checklist: ChecklistDefinition, chapterId: string) =>
  checklist.items.filter((item) => item.chapterId === chapterId).map((item) => item.id);

describe('builtinChecklists', () => {
  describe('when called', () => {
    it('returns the four shipped checklists, all marked builtin', () => {
      expect(builtinChecklists().map((c) => [c.id, c.source])).toEqual([
        ['aws-msp-4.x', 'builtin'],
        ['aws-msp-7.1', 'builtin'],
        ['mspalliance-code-of-ethics', 'builtin'],
        ['mspalliance-ucs-23', 'builtin'],
      ]);
    });

    it('parses once and hands out the same frozen definitions', () => {
      const first = builtinChecklists();
      expect(builtinChecklists()).toBe(first);
      expect(Object.isFrozen(first[0]?.items[0])).toBe(true);
    });

    it.each(builtinChecklists().map((c) => [c.id, c] as const))('gives every item of %s some expected evidence', (_id, checklist) => {
      expect(checklist.items.filter((item) => item.evidence.length === 0).map((item) => item.id)).toEqual([]);
    });
  });
});

describe('mspalliance-code-of-ethics', () => {
  const checklist = load('mspalliance-code-of-ethics');

  describe('when loaded', () => {
    it('is a met checklist of its own framework where N/A needs a written reason', () => {
      expect([checklist.framework, checklist.model, checklist.passRule, checklist.naRule, checklist.validity]).toEqual([
        'mspalliance-code-of-ethics',
        'met',
        { kind: 'met' },
        'justified',
        undefined,
      ]);
    });

    it('has the seven sections of the Code as chapters, in order', () => {
      expect(checklist.chapters.map((c) => c.title)).toEqual([
        'Scope',
        'Public and Client Welfare',
        'Avoiding Conflict of Interest',
        'Client Confidentiality & Representation',
        'The Cloud Computing & Managed Service Profession',
        'Professional Advancement and Education',
        'Competence and Integrity',
      ]);
    });

    it.each([
      ['scope', 1],
      ['welfare', 6],
      ['interest', 3],
      ['confidentiality', 3],
      ['profession', 7],
      ['education', 1],
      ['competence', 3],
    ])('lists one item per commitment of section %s (%i), numbered after its section', (chapterId, count) => {
      const position = checklist.chapters.findIndex((c) => c.id === chapterId) + 1;
      expect(idsIn(checklist, chapterId)).toEqual(Array.from({ length: count }, (_, i) => `${position}.${i + 1}`));
    });

    it('makes every commitment mandatory: members agree to the whole Code', () => {
      expect(checklist.items).toHaveLength(24);
      expect(checklist.items.filter((item) => !item.mandatory)).toEqual([]);
    });

    it('has evidence renew yearly, on the checklist and on every item', () => {
      expect(checklist.evidenceValidMonths).toBe(12);
      expect(checklist.items.filter((item) => item.evidenceValidMonths !== 12)).toEqual([]);
    });

    it('says what evidence each commitment expects', () => {
      expect(checklist.items.filter((item) => !/Expected evidence: /.test(item.requirement)).map((item) => item.id)).toEqual([]);
      expect(checklist.items.find((item) => item.id === '3.2')?.requirement).toMatch(/disclosure log/);
    });
  });
});

describe('findBuiltinChecklist', () => {
  describe('when the id is unknown', () => {
    it('returns undefined', () => {
      expect(findBuiltinChecklist('aws-msp-9.9')).toBeUndefined();
    });
  });
});

describe('aws-msp-7.1', () => {
  const checklist = load('aws-msp-7.1');
  const PREREQUISITES = [
    'BUSP-001', 'BUSP-002', 'BUSP-003', 'PEOP-001', 'GOVP-001', 'GOVP-002', 'GOVP-003', 'PLATP-001',
    'SECP-001', 'SECP-002', 'OPSP-001', 'OPSP-002', 'OPSP-003', 'OPSP-004', 'OPSP-005',
  ];

  describe('when loaded', () => {
    it('is a met checklist where recommended items never block', () => {
      expect([checklist.framework, checklist.version, checklist.model, checklist.passRule]).toEqual([
        'aws-msp',
        '7.1',
        'met',
        { kind: 'met', minOptionalPercent: 0 },
      ]);
    });

    it('has 61 items of which 59 are mandatory', () => {
      expect(checklist.items).toHaveLength(61);
      expect(checklist.items.filter((item) => item.mandatory)).toHaveLength(59);
      expect(checklist.items.filter((item) => !item.mandatory).map((item) => item.id)).toEqual(['OPS-013', 'OPS-018']);
    });

    it('has the 7 chapters in order', () => {
      expect(checklist.chapters.map((c) => c.title)).toEqual([
        'Prerequisites', 'Business', 'People', 'Governance', 'Platform', 'Security', 'Operations',
      ]);
    });

    it('puts the 15 prerequisites, and only them, in the Prerequisites chapter', () => {
      expect(idsIn(checklist, 'prereq')).toEqual(PREREQUISITES);
    });

    it.each([
      ['business', 4, 'BUS-'],
      ['people', 3, 'PEO-'],
      ['governance', 6, 'GOV-'],
      ['platform', 5, 'PLAT-'],
      ['security', 10, 'SEC-'],
      ['operations', 18, 'OPS-'],
    ])('has the %s controls numbered 001 to %i', (chapterId, count, prefix) => {
      const expected = Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);
      expect(idsIn(checklist, chapterId)).toEqual(expected);
    });

    it.each([
      ['BUSP-001', 'Web Presence'],
      ['PLATP-001', 'Expert Design Review'],
      ['SEC-002', 'Security Awareness Training and testing'],
      ['OPS-002', 'AWS Support Plan for Partner owned Management and Member Account'],
      ['OPS-005', 'Implement a Comprehensive ITSM platform'],
      ['OPS-013', 'Predictive Monitoring and AIOps'],
    ])('titles %s "%s"', (id, title) => {
      expect(checklist.items.find((item) => item.id === id)?.title).toBe(title);
    });

    it('has no points or penalties', () => {
      expect(checklist.items.every((item) => item.points === 0 && item.penalty === 0)).toBe(true);
    });

    it('names the exemptions of section 2.5 as waivers', () => {
      expect(checklist.waivers.map((w) => [w.id, w.items, w.chapters])).toEqual([
        ['devops-competency', ['OPS-009'], []],
        ['mssp-level1-competency', [], ['security']],
        ['migration-competency', ['OPS-017'], []],
        ['three-competencies', ['PLAT-005'], []],
        ['iso-22301', ['OPSP-005'], []],
        ['soc2-iso27001', ['SEC-001', 'PEO-003', 'GOVP-001'], []],
      ]);
    });
  });
});

describe('aws-msp-4.x', () => {
  const checklist = load('aws-msp-4.x');

  describe('when loaded', () => {
    it('is a points checklist out of 1000 with a pass mark of 900', () => {
      expect([checklist.model, checklist.maxScore, checklist.passRule, checklist.naPolicy]).toEqual([
        'points',
        1000,
        { kind: 'points', passMark: 900 },
        'award',
      ]);
    });

    it('has item points that add up to exactly 1000', () => {
      expect(checklist.items.reduce((sum, item) => sum + item.points, 0)).toBe(1000);
    });

    it('has about 130 items numbered N.M within their chapter', () => {
      expect(checklist.items.length).toBeGreaterThanOrEqual(120);
      expect(checklist.items.length).toBeLessThanOrEqual(140);
      const misplaced = checklist.items.filter((item) => `ch-${item.id.split('.')[0]?.padStart(2, '0')}` !== item.chapterId);
      expect(misplaced.map((item) => item.id)).toEqual([]);
    });

    it('has the 13 chapters of the 4.x structure', () => {
      expect(checklist.chapters.map((c) => `${c.id} ${c.title}`)).toEqual([
        'ch-01 AWS Partner Capabilities Overview',
        'ch-02 Business Health',
        'ch-03 Business Management',
        'ch-04 Customer Obsession',
        'ch-05 Solution Design Capability',
        'ch-06 DevOps',
        'ch-07 Infrastructure and Application Migration Capability',
        'ch-08 Security',
        'ch-09 Next Generation Service Management',
        'ch-10 Service Level Agreement',
        'ch-11 Optimization',
        'ch-12 AWS Billing and Cost Management',
        'ch-13 AWS Knowledge',
      ]);
    });

    it.each([
      ['1.2', 'Next Generation Managed Services Evangelism'],
      ['2.2', 'Financial Planning and Reporting'],
      ['2.6', 'Validation of Customer References'],
      ['3.1', 'Resource/Capacity Planning'],
    ])('has the confirmed item %s "%s"', (id, title) => {
      expect(checklist.items.find((item) => item.id === id)?.title).toBe(title);
    });

    it('gives every mandatory item a penalty of 200 and every other item none', () => {
      const mandatory = checklist.items.filter((item) => item.mandatory);
      expect(mandatory.length).toBeGreaterThan(10);
      expect(new Set(mandatory.map((item) => item.penalty))).toEqual(new Set([200]));
      expect(checklist.items.filter((item) => !item.mandatory && item.penalty !== 0)).toEqual([]);
    });

    it('keeps 8.10 apart from 8.1', () => {
      expect(checklist.items.filter((item) => item.id === '8.1' || item.id === '8.10')).toHaveLength(2);
    });

    it('says plainly that it is a template to align with the official spreadsheet', () => {
      expect(checklist.description).toMatch(/^TEMPLATE/);
      expect(checklist.description).toMatch(/spreadsheet/);
    });
  });
});

describe('mspalliance-ucs-23', () => {
  const checklist = load('mspalliance-ucs-23');
  const CONFIRMED: [string, string][] = [
    ['01.01', 'Organizational Structure'],
    ['01.02', 'Strategic Planning'],
    ['01.03', 'Risk Assessments'],
    ['01.04', 'Software Licensing'],
    ['01.05', 'External Service Provider Management'],
    ['02.01', 'Documentation of Policies and Procedures'],
    ['02.02', 'Data Breach and Cyber-Attack Policies and Procedures'],
    ['02.03', 'Periodic Review and Approval'],
    ['02.04', 'Internal Audit'],
    ['02.05', 'Employee Acceptance'],
    ['02.06', 'Training and Orientation'],
  ];

  describe('when loaded', () => {
    it('is a met checklist where every requirement must be met', () => {
      expect(checklist.model).toBe('met');
      expect(checklist.items.every((item) => item.mandatory)).toBe(true);
    });

    it('has the 10 objectives as chapters', () => {
      expect(checklist.chapters.map((c) => c.title)).toEqual([
        'Governance',
        'Policies and Procedures',
        'Confidentiality, Privacy and Service Transparency',
        'Change Management',
        'Service Operations Management',
        'Information Security',
        'Data Management',
        'Physical Security',
        'Billing and Reporting',
        'Corporate Health',
      ]);
    });

    it('has requirements 01.01 to 02.06 with their titles', () => {
      const known = checklist.items.filter((item) => item.id.startsWith('01.') || item.id.startsWith('02.'));
      expect(known.map((item) => [item.id, item.title])).toEqual(CONFIRMED);
    });

    it('has a few requirements under each of objectives 3 to 10, each marked as a template', () => {
      const later = checklist.chapters.slice(2).map((c) => checklist.items.filter((item) => item.chapterId === c.id));
      expect(later.every((items) => items.length >= 3)).toBe(true);
      expect(later.flat().filter((item) => !item.requirement.startsWith('Template requirement'))).toEqual([]);
    });

    it('says plainly that it is a template', () => {
      expect(checklist.description).toMatch(/^TEMPLATE/);
    });
  });
});
