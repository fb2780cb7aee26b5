/**
 * Resolver answers the Audit page receives, named by scenario and typed by common/contract.ts so a
 * change to the contract breaks these fixtures first.
 */
import type { ChecklistSummary, ChecklistView, ImportStatus, Rollup, RollupItem } from '../../common/contract';

export const awsSummary: ChecklistSummary = {
  id: 'aws-msp-4.1',
  framework: 'aws-msp',
  name: 'AWS MSP Partner Program',
  version: '4.1',
  description: 'Validation audit checklist, points model.',
  model: 'points',
  itemCount: 3,
  chapterCount: 2,
  mandatoryCount: 2,
  maxScore: 100,
  passMark: 90,
  source: 'builtin',
};

export const ucsSummary: ChecklistSummary = {
  id: 'ucs-23',
  framework: 'mspalliance-ucs',
  name: 'MSPAlliance UCS',
  version: 'v.23',
  description: 'Unified Certification Standard.',
  model: 'met',
  itemCount: 2,
  chapterCount: 1,
  mandatoryCount: 1,
  source: 'builtin',
};

export const awsChecklist: ChecklistView = {
  ...awsSummary,
  passRule: { kind: 'points', passMark: 90 },
  naPolicy: 'award',
  chapters: [
    { id: 'ch-02', title: 'Security', order: 2 },
    { id: 'ch-01', title: 'Business health', order: 1 },
  ],
  items: [
    { id: '1.1', chapterId: 'ch-01', title: 'Financial plan', requirement: 'Show a plan.', evidence: ['document'], points: 20, mandatory: false, penalty: 0 },
    { id: '8.3', chapterId: 'ch-02', title: 'Vulnerability management', requirement: 'Scan.', evidence: ['demo'], points: 40, mandatory: true, penalty: 200 },
    { id: '8.4', chapterId: 'ch-02', title: 'Patch management', requirement: 'Patch.', evidence: ['process'], points: 40, mandatory: true, penalty: 200 },
  ],
  waivers: [],
};

const item = (overrides: Partial<RollupItem> & Pick<RollupItem, 'id'>): RollupItem => ({
  chapterId: 'ch-02',
  title: `Item ${overrides.id}`,
  result: 'met',
  reason: 'Issue is Done',
  points: 10,
  mandatory: false,
  earned: 10,
  cost: 0,
  inProgress: false,
  ...overrides,
});

/**
 * Points model: 945 earned − 2 × 50 penalty = 845 / 1000 against a pass mark of 900; 8.3 is in
 * progress, so the projection adds its 40 points and drops its penalty (935, would pass).
 */
export const pointsNotYet: Rollup = {
  checklistId: 'aws-msp-4.1',
  checklistName: 'AWS MSP Partner Program',
  version: '4.1',
  model: 'points',
  score: 845,
  maxScore: 1000,
  passMark: 900,
  passed: false,
  mandatoryOpen: ['8.3', '10.1'],
  chapters: [
    { id: 'ch-01', title: 'Business health', earned: 300, max: 300, met: 10, total: 10, jql: 'project = MSP AND auditChapter = "ch-01"' },
    { id: 'ch-08', title: 'Security & compliance', earned: 645, max: 700, met: 40, total: 51, jql: 'project = MSP AND auditChapter = "ch-08"' },
  ],
  items: [
    item({ id: '1.1', chapterId: 'ch-01', title: 'Financial plan', issueKey: 'MSP-1', points: 20, earned: 20 }),
    item({ id: '8.3', title: 'Vulnerability management', issueKey: 'MSP-12', result: 'not_assessed', reason: 'Issue MSP-12 is In Progress', points: 40, mandatory: true, earned: 0, cost: 50, inProgress: true }),
    item({ id: '10.1', title: 'Incident response', issueKey: 'MSP-20', result: 'not_met', reason: 'Assessed not met on the issue', points: 15, mandatory: true, earned: 0, cost: 50 }),
    item({ id: '9.9', title: 'Waived DevOps item', reason: 'Waived: DevOps Competency — covered by the competency', waivedBy: 'DevOps Competency', points: 5, earned: 5 }),
  ],
  counts: { met: 50, notMet: 1, na: 0, notAssessed: 10, total: 61 },
  projection: { score: 935, passed: true, mandatoryOpen: ['10.1'] },
  computedAt: '2025-11-22T10:00:00.000Z',
  from: 'cache',
  risks: [],
  strictMode: false,
};

export const pointsPass: Rollup = {
  ...pointsNotYet,
  score: 925,
  passed: true,
  mandatoryOpen: [],
  projection: { score: 925, passed: true, mandatoryOpen: [] },
};

/** Met model: 52 of 61 met, 3 mandatory items open. */
export const metNotYet: Rollup = {
  ...pointsNotYet,
  checklistId: 'ucs-23',
  checklistName: 'MSPAlliance UCS',
  version: 'v.23',
  model: 'met',
  score: 52,
  maxScore: 61,
  passMark: null,
  passed: false,
  mandatoryOpen: ['8.3', '10.1', '11.2'],
  chapters: [{ id: 'ch-01', title: 'Governance', earned: 0, max: 0, met: 52, total: 61 }],
  items: [
    item({ id: '8.3', title: 'Vulnerability management', issueKey: 'MSP-12', result: 'not_assessed', mandatory: true, points: 0, earned: 0 }),
    item({ id: '10.1', title: 'Incident response', issueKey: 'MSP-20', result: 'not_met', mandatory: true, points: 0, earned: 0 }),
    item({ id: '11.2', title: 'Backups', result: 'not_assessed', reason: 'No issue for this item yet', mandatory: true, points: 0, earned: 0 }),
  ],
  projection: { score: 53, passed: false, mandatoryOpen: ['10.1', '11.2'] },
};

export const importStatus = (overrides: Partial<ImportStatus>): ImportStatus => ({
  jobId: 'job-1',
  checklistId: 'aws-msp-4.1',
  projectKey: 'MSP',
  state: 'queued',
  total: 0,
  created: 0,
  existing: 0,
  failed: 0,
  startedAt: '2025-11-22T10:00:00.000Z',
  updatedAt: '2025-11-22T10:00:00.000Z',
  ...overrides,
});
