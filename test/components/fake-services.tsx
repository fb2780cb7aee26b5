/**
 * A scriptable AuditApi and host for component tests: each method answers from a queue (or a
 * fixed answer) and records its calls, so a test states the resolver conversation it expects.
 */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { AppServices, AuditApi, GetRollupOptions } from '../../static/app/src/api/audit-api';
import { memoryPageHistory } from '../../static/app/src/api/page-history';
import { ServicesProvider } from '../../static/app/src/api/services';
import type { ChecklistSummary, ChecklistView, ImportStatus, Rollup, StartImportResult, SyncMapping, SyncPreview, SyncResult } from '../../common/contract';
import type {
  AppendCustomChecklistItemsPayload,
  AppendCustomChecklistItemsResult,
  BeginCustomChecklistPayload,
  BeginCustomChecklistResult,
  DeleteCustomChecklistResult,
  SaveCustomChecklistPayload,
  SaveCustomChecklistResult,
} from '../../common/custom-checklists';
import type { ProjectChecklist } from '../../common/project-checklists';

type Answer<T> = T | Error | (() => Promise<T>);

async function answer<T>(value: Answer<T>): Promise<T> {
  if (value instanceof Error) throw value;
  if (typeof value === 'function') return (value as () => Promise<T>)();
  return value;
}

export class FakeAuditApi implements AuditApi {
  checklists: Answer<ChecklistSummary[]> = [];
  checklistById: Record<string, Answer<ChecklistView>> = {};
  startResult: Answer<StartImportResult> = { jobId: 'job-1' };
  /** Successive getImport answers; the last one repeats. */
  importStatuses: Answer<ImportStatus>[] = [];
  /** Successive getRollup answers; the last one repeats. */
  rollups: Answer<Rollup | null>[] = [null];
  /** The project's imported checklists (listProjectChecklists); none by default, so no switcher. */
  projectChecklists: Answer<ProjectChecklist[]> = [];
  calls: { method: string; args: unknown[] }[] = [];
  /** Answers of saveCustomChecklist and commitCustomChecklist. */
  saveResult: Answer<SaveCustomChecklistResult> = new Error('FakeAuditApi: no save answer scripted');
  beginResult: Answer<BeginCustomChecklistResult> = { uploadId: 'upload-1', expiresAt: '2025-11-22T11:02:00.000Z' };
  deleteResult: Answer<DeleteCustomChecklistResult> = new Error('FakeAuditApi: no delete answer scripted');
  syncPreview: Answer<SyncPreview> = new Error('FakeAuditApi: no sync plan scripted');
  /** Successive applySync answers; the last one repeats. */
  syncResults: Answer<SyncResult>[] = [];

  private next<T>(queue: Answer<T>[]): Answer<T> {
    const value = queue.length > 1 ? queue.shift() : queue[0];
    if (value === undefined) throw new Error('FakeAuditApi: no answer scripted');
    return value;
  }

  listChecklists() {
    this.calls.push({ method: 'listChecklists', args: [] });
    return answer(this.checklists);
  }
  getChecklist(id: string) {
    this.calls.push({ method: 'getChecklist', args: [id] });
    const found = this.checklistById[id];
    return found === undefined ? Promise.reject(new Error(`No checklist ${id}`)) : answer(found);
  }
  startImport(checklistId: string) {
    this.calls.push({ method: 'startImport', args: [checklistId] });
    return answer(this.startResult);
  }
  getImport(jobId: string) {
    this.calls.push({ method: 'getImport', args: [jobId] });
    return answer(this.next(this.importStatuses));
  }
  getRollup(options?: GetRollupOptions) {
    this.calls.push({ method: 'getRollup', args: [options] });
    return answer(this.next(this.rollups));
  }
  listProjectChecklists() {
    this.calls.push({ method: 'listProjectChecklists', args: [] });
    return answer(this.projectChecklists);
  }

  planSync(checklistId: string) {
    this.calls.push({ method: 'planSync', args: [checklistId] });
    return answer(this.syncPreview);
  }
  applySync(checklistId: string, mappings?: SyncMapping[]) {
    this.calls.push({ method: 'applySync', args: mappings !== undefined ? [checklistId, mappings] : [checklistId] });
    return answer(this.next(this.syncResults));
  }
  saveCustomChecklist(payload: SaveCustomChecklistPayload) {
    this.calls.push({ method: 'saveCustomChecklist', args: [payload] });
    return answer(this.saveResult);
  }
  beginCustomChecklist(payload: BeginCustomChecklistPayload) {
    this.calls.push({ method: 'beginCustomChecklist', args: [payload] });
    return answer(this.beginResult);
  }
  appendCustomChecklistItems(payload: AppendCustomChecklistItemsPayload): Promise<AppendCustomChecklistItemsResult> {
    this.calls.push({ method: 'appendCustomChecklistItems', args: [payload] });
    return Promise.resolve({ uploadId: payload.uploadId, index: payload.index, received: payload.items.length });
  }
  commitCustomChecklist(uploadId: string) {
    this.calls.push({ method: 'commitCustomChecklist', args: [uploadId] });
    return answer(this.saveResult);
  }
  deleteCustomChecklist(id: string) {
    this.calls.push({ method: 'deleteCustomChecklist', args: [id] });
    return answer(this.deleteResult);
  }

  callsOf(method: string): unknown[][] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }
}

export const FROZEN_NOW = new Date('2025-11-22T10:02:00.000Z');

export interface Harness extends RenderResult {
  api: FakeAuditApi;
  opened: string[];
}

/** `path`: the page's address (an Audit page tab, e.g. `/chapters`); without it no history is offered. */
export function renderWithServices(ui: ReactElement, api = new FakeAuditApi(), path?: string): Harness {
  const opened: string[] = [];
  const services: AppServices = {
    api,
    host: { open: async (path) => void opened.push(path) },
    now: () => FROZEN_NOW,
    ...(path !== undefined ? { history: memoryPageHistory(path) } : {}),
  };
  return { ...render(<ServicesProvider services={services}>{ui}</ServicesProvider>), api, opened };
}
