/**
 * What the dashboard gadget needs from its host (no bridge import here, so views and tests load
 * without a host): its configuration and mode (view or edit), the
 * `getGadget` resolver, saving the configuration (`view.submit`, which Jira stores and hands back as
 * `extension.gadgetConfiguration`) and going to the project's Audit page. Injectable for tests.
 */
import type { GadgetView, GetGadgetPayload } from '../../../../../common/contract-findings';

export interface GadgetConfig {
  projectKey: string;
  checklistId?: string;
}

export interface GadgetHost {
  /** The saved configuration (null before the first save) and whether Jira opened the edit view. */
  context(): Promise<{ config: GadgetConfig | null; editing: boolean }>;
  getGadget(payload: GetGadgetPayload): Promise<GadgetView>;
  /** Saves the configuration; Jira then shows the gadget's view with it. */
  submit(config: GadgetConfig): Promise<void>;
  openAuditPage(projectKey: string, moduleKey: string): Promise<void>;
}

/** A configuration as stored: anything else (an old or hand-made one) counts as none. */
export function readConfig(raw: unknown): GadgetConfig | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { projectKey, checklistId } = raw as { projectKey?: unknown; checklistId?: unknown };
  if (typeof projectKey !== 'string' || projectKey === '') return null;
  return { projectKey, ...(typeof checklistId === 'string' && checklistId !== '' ? { checklistId } : {}) };
}

