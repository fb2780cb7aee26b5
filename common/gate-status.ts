/**
 * The Audit page's Done gate section (issue 23): whether the validator "Audit item: Done needs
 * accepted evidence" is on for the project's workflow, and the items already Done without what the
 * gate asks for. Resolvers `getGateStatus { checklistId? }` and `setGateConfirmation { on, scope?,
 * naCounts?, revision? }` answer with a GateStatus.
 */
import type { DoneGateConfig } from './gate-config';

/**
 * A project admin's statement that the validator is (or is no longer) on the Done transition of the
 * project's workflow. Jira's workflow APIs need the `manage:jira-configuration` scope, which the app
 * does not ask for, so the app cannot read it itself (README, "Done means evidenced").
 */
export interface GateConfirmation {
  on: boolean;
  /** The options the admin says the validator was saved with. */
  config: DoneGateConfig;
  confirmedBy: string;
  /** ISO instant. */
  confirmedAt: string;
  /** Increments on every change; a save from a stale page is refused. */
  revision: number;
}

/** An item in a done-category status without what the gate would ask of it today. */
export interface DoneWithoutEvidence {
  itemId: string;
  title: string;
  issueKey: string;
  mandatory: boolean;
  statusName?: string;
  /** What is missing, in the gate's own words. */
  missing: string;
}

export interface GateStatus {
  checklistId: string;
  checklistName: string;
  version: string;
  /** How the app knows whether the gate is on: only through a project admin's confirmation. */
  source: 'confirmation';
  /** Null until a project admin has said. */
  confirmation: GateConfirmation | null;
  /** The rule the list below applies: the confirmed options, or the validator's defaults. */
  config: DoneGateConfig;
  doneWithoutEvidence: DoneWithoutEvidence[];
  /** Done items whose issue the caller cannot see (counted, not listed). */
  hiddenItems: number;
  /** The caller administers the project (may confirm). */
  canConfirm: boolean;
}

export interface SetGateConfirmationPayload {
  on: boolean;
  scope?: DoneGateConfig['scope'];
  naCounts?: boolean;
  /** The confirmation's revision the page showed (0 when there was none). */
  revision?: number;
  checklistId?: string;
}
