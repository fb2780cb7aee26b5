/**
 * A scriptable AuditApi and host for component tests: each method answers from a queue (or a
 * fixed answer) and records its calls, so a test states the resolver conversation it expects.
 */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { AppServices, AuditApi, GetRollupOptions } from '../../static/app/src/api/audit-api';
import { ServicesProvider } from '../../static/app/src/api/services';
import type { ChecklistSummary, ChecklistView, ImportStatus, Rollup, StartImportResult } from '../../common/contract';

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
  calls: { method: string; args: unknown[] }[] = [];

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

  callsOf(method: string): unknown[][] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }
}

export const FROZEN_NOW = new Date('2025-11-22T10:02:00.000Z');

export interface Harness extends RenderResult {
  api: FakeAuditApi;
  opened: string[];
}

export function renderWithServices(ui: ReactElement, api = new FakeAuditApi()): Harness {
  const opened: string[] = [];
  const services: AppServices = {
    api,
    host: { open: async (path) => void opened.push(path) },
    now: () => FROZEN_NOW,
  };
  return { ...render(<ServicesProvider services={services}>{ui}</ServicesProvider>), api, opened };
}
