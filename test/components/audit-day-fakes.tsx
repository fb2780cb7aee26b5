/**
 * A scriptable AuditDayApi and audit-day answers for component tests, typed by common/contract.ts so
 * a contract change breaks these first.
 */
import { fireEvent, within } from '@testing-library/react';
import { typeLazyDate } from './atlaskit-select';
import type { AuditDayApi } from '../../static/app/src/api/audit-day-api';
import type {
  AddCustomWaiverPayload,
  AuditDay,
  AuditExportCsv,
  AuditExportReport,
  MarkChapterReviewedPayload,
  ScoreHistoryPoint,
  WaiverProofView,
} from '../../common/contract';

type Answer<T> = T | Error | (() => Promise<T>);

async function answer<T>(value: Answer<T>): Promise<T> {
  if (value instanceof Error) throw value;
  if (typeof value === 'function') return (value as () => Promise<T>)();
  return value;
}

export class FakeAuditDayApi implements AuditDayApi {
  day: Answer<AuditDay> = dayFixture();
  /** Answer of every change; defaults to `day`. */
  changed: Answer<AuditDay> | undefined;
  csv: Answer<AuditExportCsv> = { format: 'csv', fileName: 'MSP-aws-msp-4.1-audit-pack-2025-11-22.csv', csv: '\uFEFFID,Title\r\n8.3,Scan\r\n', rowCount: 1 };
  report: Answer<AuditExportReport> = reportFixture();
  calls: { method: string; args: unknown[] }[] = [];

  private change(method: string, args: unknown[]): Promise<AuditDay> {
    this.calls.push({ method, args });
    return answer(this.changed ?? this.day);
  }
  getAuditDay(checklistId: string) {
    this.calls.push({ method: 'getAuditDay', args: [checklistId] });
    return answer(this.day);
  }
  getScoreHistory(checklistId: string) {
    this.calls.push({ method: 'getScoreHistory', args: [checklistId] });
    return answer(this.day).then((day) => ({ checklistId: day.checklistId, today: day.today, history: day.history }));
  }
  markChapterReviewed(payload: MarkChapterReviewedPayload) {
    return this.change('markChapterReviewed', [payload]);
  }
  applyWaiver(checklistId: string, waiverId: string, proof: WaiverProofView) {
    return this.change('applyWaiver', [checklistId, waiverId, proof]);
  }
  addCustomWaiver(payload: AddCustomWaiverPayload) {
    return this.change('addCustomWaiver', [payload]);
  }
  removeWaiver(checklistId: string, id: string) {
    return this.change('removeWaiver', [checklistId, id]);
  }
  exportCsv(checklistId: string) {
    this.calls.push({ method: 'exportCsv', args: [checklistId] });
    return answer(this.csv);
  }
  exportReport(checklistId: string) {
    this.calls.push({ method: 'exportReport', args: [checklistId] });
    return answer(this.report);
  }
  callsOf(method: string): unknown[][] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }
}

export const point = (date: string, score: number, overrides: Partial<ScoreHistoryPoint> = {}): ScoreHistoryPoint => ({
  date,
  score,
  maxScore: 1000,
  passMark: 900,
  passed: score >= 900,
  mandatoryOpen: 2,
  percent: score / 10,
  ...overrides,
});

/** Matches `pointsNotYet` (fixtures.ts): chapters ch-01 and ch-08, items 8.3 and 10.1 among others. */
export function dayFixture(overrides: Partial<AuditDay> = {}): AuditDay {
  return {
    checklistId: 'aws-msp-4.1',
    checklistName: 'AWS MSP Partner Program',
    version: '4.1',
    model: 'points',
    today: '2025-11-22',
    canEdit: true,
    chapters: [
      { chapterId: 'ch-01', title: 'Business health', state: 'reviewed', changedItems: [], review: { reviewedBy: 'admin', reviewedAt: '2025-11-20T09:00:00.000Z', note: 'Walked with the CFO' } },
      { chapterId: 'ch-08', title: 'Security & compliance', state: 'stale', changedItems: ['8.3'], review: { reviewedBy: 'admin', reviewedAt: '2025-11-18T09:00:00.000Z' } },
    ],
    reviewCounts: { reviewed: 1, stale: 1, notReviewed: 0 },
    waivers: [
      {
        id: 'devops-competency',
        source: 'named',
        name: 'AWS DevOps Competency',
        reason: 'Covers the deployment pipeline control.',
        items: ['8.3'],
        chapters: [],
        appliedBy: 'admin',
        appliedAt: '2025-11-21T10:00:00.000Z',
      },
    ],
    namedWaivers: [
      { id: 'devops-competency', name: 'AWS DevOps Competency', reason: 'Covers the deployment pipeline control.', items: ['8.3'], chapters: [], inForce: true },
      { id: 'mssp', name: 'AWS Level 1 MSSP Competency', reason: 'Exempts the whole Security section.', items: [], chapters: ['ch-08'], inForce: false },
    ],
    history: [point('2025-11-20', 800), point('2025-11-21', 830), point('2025-11-22', 845)],
    computedAt: '2025-11-22T10:00:00.000Z',
    ...overrides,
  };
}

export function reportFixture(): AuditExportReport {
  return {
    format: 'report',
    fileName: 'MSP-aws-msp-4.1-audit-pack-2025-11-22.pdf',
    report: {
      projectKey: 'MSP',
      checklistId: 'aws-msp-4.1',
      checklistName: 'AWS MSP Partner Program',
      version: '4.1',
      model: 'points',
      generatedAt: '2025-11-22T10:02:00.000Z',
      score: 845,
      maxScore: 1000,
      passMark: 900,
      passed: false,
      mandatoryOpen: ['10.1'],
      counts: { met: 49, waived: 1, notMet: 1, na: 0, notAssessed: 10, total: 61 },
      reviewCounts: { reviewed: 1, stale: 1, notReviewed: 0 },
      waivers: dayFixture().waivers,
      evidenceAvailable: true,
      chapters: [
        {
          id: 'ch-08',
          title: 'Security & compliance',
          earned: 645,
          max: 700,
          met: 40,
          total: 51,
          reviewState: 'stale',
          review: 'Stale: reviewed 2025-11-18, changed since: 8.3',
          items: [
            {
              id: '8.3',
              title: 'Vulnerability management',
              issueKey: 'MSP-12',
              points: 40,
              mandatory: true,
              result: 'met',
              resultWords: 'Waived: AWS DevOps Competency, by admin, on 2025-11-21',
              waived: true,
              why: 'Waived: AWS DevOps Competency — Covers the deployment pipeline control.',
              status: 'In Progress',
              owner: 'Ada Admin',
              waiver: 'AWS DevOps Competency: Covers the deployment pipeline control. (applied 2025-11-21)',
              evidence: [
                { title: 'Scan report', kind: 'document', url: 'https://intranet.example/scan', reviewState: 'accepted', expiryDate: '2026-01-31' },
                { title: 'Scan demo', kind: 'demo', reviewState: 'pending', note: 'Live demo from the SOC console,\nrunbook section 4' },
              ],
            },
          ],
        },
      ],
    },
  };
}

/** Fills the proof a named waiver needs in its confirmation step (the Apply button waits for it). */
export async function fillWaiverProof(confirm: HTMLElement): Promise<void> {
  const set = (label: string, value: string) => fireEvent.change(within(confirm).getByLabelText(label), { target: { value } });
  set('Proof title', 'Competency letter');
  set('Link', 'https://partners.example.com/letter');
  await typeLazyDate(within(confirm), 'Effective date', '2025-06-01');
  await typeLazyDate(within(confirm), 'Expiry date (last valid day)', '2027-05-31');
}
