/**
 * AuditApi and HostNavigation over @forge/bridge. The only module that imports the bridge for
 * data, so everything else is testable with a fake.
 */
import { invoke, router } from '@forge/bridge';
import type { AppServices, AuditApi, GetRollupOptions, HostNavigation } from './audit-api';
import type {
  ChecklistSummary,
  ChecklistView,
  ImportStatus,
  Rollup,
  StartImportPayload,
  StartImportResult,
} from '../../../../common/contract';

type Invoke = <T>(functionKey: string, payload?: Record<string, unknown>) => Promise<T>;

/** `invoke` is injectable so the adapter's payload shapes can be tested without a host page. */
export function createBridgeApi(call: Invoke = (key, payload) => invoke(key, payload) as never): AuditApi {
  return {
    listChecklists: () => call<ChecklistSummary[]>('listChecklists'),
    getChecklist: (id) => call<ChecklistView>('getChecklist', { id }),
    startImport: (checklistId) => call<StartImportResult>('startImport', { checklistId } satisfies StartImportPayload),
    getImport: (jobId) => call<ImportStatus>('getImport', { jobId }),
    getRollup: async (options: GetRollupOptions = {}) => {
      const payload: Record<string, unknown> = {};
      if (options.checklistId !== undefined) payload.checklistId = options.checklistId;
      if (options.refresh) payload.refresh = true;
      // A resolver returns nothing (undefined or null) when the project has no import yet.
      const rollup = await call<Rollup | null | undefined>('getRollup', payload);
      return rollup ?? null;
    },
  };
}

export function createBridgeHost(): HostNavigation {
  return { open: (path) => router.open(path) };
}

export function createBridgeServices(): AppServices {
  return { api: createBridgeApi(), host: createBridgeHost(), now: () => new Date() };
}
