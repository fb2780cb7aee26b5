/**
 * The issue modules' doors: the evidence and assessment resolvers (EvidenceApi) and, for the
 * evidence custom field, its host (CustomFieldHost: the stored value, view or edit, submit/close).
 * Views take both from AppServices, so tests hand them fakes.
 */
import { view } from '@forge/bridge';
import { bridgeInvoke } from './bridge-invoke';
import { typedInvoke, type Invoke } from './invoke';
import { errorCodeOf } from '../../../../common/errors';
import type {
  EvidenceInputPayload,
  EvidencePatchPayload,
  ItemPanel,
  ProjectSettings,
  ReviewEvidencePayload,
  SetAssessmentPayload,
} from '../../../../common/contract';

/** The resolvers of `audit-item-panel` / `audit-evidence`; each change answers with the new panel. */
export interface EvidenceApi {
  getItemPanel(): Promise<ItemPanel>;
  addEvidence(evidence: EvidenceInputPayload): Promise<ItemPanel>;
  editEvidence(id: string, patch: EvidencePatchPayload): Promise<ItemPanel>;
  removeEvidence(id: string): Promise<ItemPanel>;
  reviewEvidence(payload: ReviewEvidencePayload): Promise<ItemPanel>;
  setAssessment(payload: SetAssessmentPayload): Promise<ItemPanel>;
  /** Changes the settings given; the others stay as they are. */
  setProjectSettings(settings: Partial<ProjectSettings>): Promise<ProjectSettings>;
}

/** Where the evidence field is shown: Jira's issue view (`view`) or its inline editor (`edit`). */
export interface CustomFieldContext {
  entryPoint: 'view' | 'edit';
  /** The value as Jira stores it: untrusted until read (see views/evidence/read-value.ts). */
  value: unknown;
  /** The issue the field is shown on (absent when the host did not say). */
  issueKey?: string;
}

export interface CustomFieldHost {
  fieldContext(): Promise<CustomFieldContext>;
  /** Hands Jira the field's value and closes the editor (Jira saves it and refreshes the field). */
  submit(value: unknown): Promise<void>;
  /** Closes the editor without a value. */
  close(): Promise<void>;
}

/**
 * A change refused with `conflict` (someone else was saving to the same issue; the server saved
 * nothing) is sent once more by itself; a second conflict is shown.
 */
export function retryingOnceOnConflict(call: Invoke): Invoke {
  return async <T>(functionKey: string, payload?: Record<string, unknown>): Promise<T> => {
    try {
      return await call(functionKey, payload);
    } catch (error) {
      if (errorCodeOf(error) !== 'conflict') throw error;
      return call(functionKey, payload);
    }
  };
}

export function createBridgeEvidenceApi(direct: Invoke = bridgeInvoke): EvidenceApi {
  const call = typedInvoke(retryingOnceOnConflict(direct));
  return {
    getItemPanel: () => call('getItemPanel', {}),
    addEvidence: (evidence) => call('addEvidence', { evidence }),
    editEvidence: (id, patch) => call('editEvidence', { id, patch }),
    removeEvidence: (id) => call('removeEvidence', { id }),
    reviewEvidence: (payload) => call('reviewEvidence', { ...payload }),
    setAssessment: (payload) => call('setAssessment', { ...payload }),
    setProjectSettings: (settings) => call('setProjectSettings', { ...settings }),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function createBridgeFieldHost(): CustomFieldHost {
  return {
    async fieldContext() {
      const context: unknown = await view.getContext();
      const extension = isRecord(context) && isRecord(context.extension) ? context.extension : {};
      const issue = isRecord(extension.issue) ? extension.issue : {};
      const issueKey = typeof issue.key === 'string' ? { issueKey: issue.key } : {};
      return { entryPoint: extension.entryPoint === 'edit' ? 'edit' : 'view', value: extension.fieldValue ?? null, ...issueKey };
    },
    submit: (value) => view.submit(value),
    close: () => view.close(),
  };
}
