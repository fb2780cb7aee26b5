/**
 * Scriptable EvidenceApi and CustomFieldHost for the issue modules' component tests, and panel
 * fixtures typed with the contract's real shapes.
 */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { AppServices } from '../../static/app/src/api/audit-api';
import type { CustomFieldContext, CustomFieldHost, EvidenceApi } from '../../static/app/src/api/evidence-api';
import { memoryPageHistory } from '../../static/app/src/api/page-history';
import { ServicesProvider } from '../../static/app/src/api/services';
import type {
  EvidenceEntryView,
  EvidenceInputPayload,
  EvidencePatchPayload,
  ItemPanel,
  ProjectSettings,
  ReviewEvidencePayload,
  SetAssessmentPayload,
} from '../../common/contract';
import { FakeAuditApi, FROZEN_NOW } from './fake-services';

type Answer<T> = T | Error;

export class FakeEvidenceApi implements EvidenceApi {
  panel: Answer<ItemPanel>;
  /** The answer to the next change; defaults to the current panel. */
  changeAnswer: Answer<ItemPanel> | undefined;
  settingsAnswer: Answer<ProjectSettings> = { strictMode: true, fourEyes: true };
  calls: { method: string; args: unknown[] }[] = [];

  constructor(panel: Answer<ItemPanel>) {
    this.panel = panel;
  }

  private answer<T>(method: string, args: unknown[], value: Answer<T>): Promise<T> {
    this.calls.push({ method, args });
    return value instanceof Error ? Promise.reject(value) : Promise.resolve(value);
  }
  private change(method: string, args: unknown[]) {
    return this.answer(method, args, this.changeAnswer ?? this.panel);
  }

  getItemPanel() {
    return this.answer('getItemPanel', [], this.panel);
  }
  addEvidence(evidence: EvidenceInputPayload) {
    return this.change('addEvidence', [evidence]);
  }
  editEvidence(id: string, patch: EvidencePatchPayload) {
    return this.change('editEvidence', [id, patch]);
  }
  removeEvidence(id: string) {
    return this.change('removeEvidence', [id]);
  }
  reviewEvidence(payload: ReviewEvidencePayload) {
    return this.change('reviewEvidence', [payload]);
  }
  setAssessment(payload: SetAssessmentPayload) {
    return this.change('setAssessment', [payload]);
  }
  setProjectSettings(settings: Partial<ProjectSettings>) {
    return this.answer('setProjectSettings', [settings], this.settingsAnswer);
  }
  callsOf(method: string): unknown[][] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }
}

export class FakeFieldHost implements CustomFieldHost {
  submitted: unknown[] = [];
  closed = 0;
  constructor(readonly context: CustomFieldContext) {}
  fieldContext() {
    return Promise.resolve(this.context);
  }
  submit(value: unknown) {
    this.submitted.push(value);
    return Promise.resolve();
  }
  close() {
    this.closed += 1;
    return Promise.resolve();
  }
}

export interface IssueHarness extends RenderResult {
  evidence: FakeEvidenceApi;
  field: FakeFieldHost;
  opened: string[];
}

export function renderIssueModule(ui: ReactElement, options: { panel?: Answer<ItemPanel>; field?: CustomFieldContext; api?: FakeAuditApi; path?: string } = {}): IssueHarness {
  const opened: string[] = [];
  const evidence = new FakeEvidenceApi(options.panel ?? emptyPanel);
  const field = new FakeFieldHost(options.field ?? { entryPoint: 'view', value: null });
  const services: AppServices = {
    api: options.api ?? new FakeAuditApi(),
    evidence,
    field,
    host: { open: async (path) => void opened.push(path) },
    now: () => FROZEN_NOW,
    ...(options.path !== undefined ? { history: memoryPageHistory(options.path) } : {}),
  };
  return { ...render(<ServicesProvider services={services}>{ui}</ServicesProvider>), evidence, field, opened };
}

/** FROZEN_NOW is 2025-11-22. */
export const TODAY = '2025-11-22';

export const linkEntry: EvidenceEntryView = {
  id: 'ev-1',
  kind: 'link',
  title: 'Patch policy',
  url: 'https://intranet.example/patching',
  addedAt: '2025-11-01T10:00:00.000Z',
  addedBy: 'admin',
  expiryDate: '2025-12-04',
  reviewState: 'pending',
};

export const emptyPanel: ItemPanel = {
  issueKey: 'MSP-12',
  item: {
    checklistId: 'aws-msp-4.1',
    checklistName: 'AWS MSP Partner Program',
    version: '4.1',
    model: 'points',
    id: '8.3',
    chapterId: 'ch-08',
    chapterTitle: 'Security & compliance',
    title: 'Vulnerability management',
    requirement: 'Scan customer environments and fix findings by severity.',
    expectedEvidence: ['process', 'demo'],
    points: 40,
    mandatory: true,
    penalty: 50,
  },
  result: { result: 'met', reason: 'Issue MSP-12 is Done' },
  assessment: { result: null, complexity: null },
  na: { allowed: true, needsJustification: true, explanation: 'N/A needs a written justification: why this item does not apply to you.', maxLength: 2000 },
  outsideChanges: [],
  fourEyes: true,
  viewer: 'lead',
  evidence: { entries: [], count: 0, accepted: 0, pending: 0, rejected: 0, reviewState: 'none' },
  summaryText: 'No evidence',
  ignored: [],
  risks: [{ itemId: '8.3', issueKey: 'MSP-12', kind: 'met-without-evidence', detail: 'Met but has no evidence; add what an auditor will ask to see.' }],
  strictMode: false,
  canEdit: true,
  fieldInstalled: true,
  today: TODAY,
};

export const panelWithLink: ItemPanel = {
  ...emptyPanel,
  evidence: { entries: [linkEntry], count: 1, accepted: 0, pending: 1, rejected: 0, nextExpiry: '2025-12-04', reviewState: 'pending' },
  summaryText: '1 evidence · 0 accepted · 1 pending · 1 expires in 12 days',
  risks: [{ itemId: '8.3', issueKey: 'MSP-12', kind: 'evidence-expiring', detail: '"Patch policy" expires in 12 days (2025-12-04); renew it before the audit.', date: '2025-12-04' }],
};
