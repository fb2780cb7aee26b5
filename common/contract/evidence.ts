/** The resolver contract, part: Evidence and the item panel (issue modules `audit-item-panel` and `audit-evidence`). (common/contract.ts re-exports every part.) */
import type { AuditRisk, ItemResultName, ScoringModelName } from './catalogue';

// ---- Evidence and the item panel (issue modules `audit-item-panel` and `audit-evidence`) ----
// The issue is always the one the module is open on (the invocation context); payloads never name it.

export type EvidenceKindName = 'document' | 'process' | 'presentation' | 'demo' | 'link' | 'attachment';
export type EvidenceReviewStateName = 'pending' | 'accepted' | 'rejected';
export type AssessmentResultName = 'met' | 'not_met' | 'na';
export type ComplexityName = 'low' | 'medium' | 'high';

/** One stored evidence entry, as the server validated it (text fields are plain text). */
export interface EvidenceEntryView {
  id: string;
  kind: EvidenceKindName;
  title: string;
  url?: string;
  attachmentId?: string;
  owner?: string;
  addedAt: string;
  addedBy: string;
  effectiveDate?: string;
  expiryDate?: string;
  note?: string;
  reviewState: EvidenceReviewStateName;
  reviewer?: string;
  reviewedAt?: string;
  reviewNote?: string;
  selfReviewed?: true;
  updatedAt?: string;
  updatedBy?: string;
}

/** The evidence field's value: the entries and the summary the formatter and JQL read. */
export interface EvidenceValueView {
  entries: EvidenceEntryView[];
  count: number;
  accepted: number;
  pending: number;
  rejected: number;
  nextExpiry?: string;
  reviewState: 'none' | 'pending' | 'accepted' | 'rejected';
}

/** `addEvidence { evidence }`: what a person supplies; the server sets id, who, when and review state. */
export interface EvidenceInputPayload {
  kind: EvidenceKindName;
  title: string;
  url?: string;
  attachmentId?: string;
  owner?: string;
  effectiveDate?: string;
  expiryDate?: string;
  note?: string;
}

/** `editEvidence { id, patch }`: only the fields to change; `null` or `""` clears an optional one. */
export type EvidencePatchPayload = Partial<Pick<EvidenceInputPayload, 'kind' | 'title'>> & {
  [K in Exclude<keyof EvidenceInputPayload, 'kind' | 'title'>]?: string | null;
};

/** `reviewEvidence { id, state, note? }`. */
export interface ReviewEvidencePayload {
  id: string;
  state: EvidenceReviewStateName;
  note?: string;
}

/**
 * `setAssessment { result, complexity, justification? }`: `result: null` means "from status". An N/A
 * must be one the checklist allows (`ItemPanel.na`); `justification` says why it does not apply.
 */
export interface SetAssessmentPayload {
  result: AssessmentResultName | null;
  complexity: ComplexityName | null;
  justification?: string;
}

/** `setProjectSettings { strictMode?, fourEyes? }` → ProjectSettings (a setting left out stays as it is). */
export interface ProjectSettings {
  strictMode: boolean;
  /** Evidence cannot be accepted or rejected by the person who added it (on unless turned off). */
  fourEyes: boolean;
}

/** The checklist item an issue stands for. */
export interface ItemPanelItem {
  checklistId: string;
  checklistName: string;
  version: string;
  model: ScoringModelName;
  id: string;
  chapterId: string;
  chapterTitle: string;
  title: string;
  requirement: string;
  /** Kinds of evidence an auditor expects. */
  expectedEvidence: EvidenceKindName[];
  points: number;
  mandatory: boolean;
  penalty: number;
  /** The checklist's hint; the team's own choice is in `assessment.complexity`. */
  complexityHint?: ComplexityName;
}

/**
 * `getItemPanel {}` → ItemPanel, and what every evidence and assessment change returns: the issue's
 * item, result, assessment and evidence as the server sees them after the change.
 */
export interface ItemPanel {
  issueKey: string;
  /** Null when the issue is not an active checklist item (the evidence still works). */
  item: ItemPanelItem | null;
  /** Null when `item` is null. */
  result: { result: ItemResultName; reason: string } | null;
  /** The assessment in force, as the app recorded it (never read from an issue property). */
  assessment: {
    result: AssessmentResultName | null;
    complexity: ComplexityName | null;
    /** Why N/A, as written when it was set. */
    justification?: string;
    assessedBy?: string;
    assessedAt?: string;
  };
  /** How this item may be answered N/A (null when the issue is not a checklist item). */
  na: { allowed: boolean; needsJustification: boolean; explanation: string; maxLength: number } | null;
  /**
   * Verdict data on the issue the app did not write, each in a sentence: not trusted, not counted
   * (e.g. the assessment property changed by a plain Jira edit). Empty when all is the app's.
   */
  outsideChanges: string[];
  /** Four eyes is on: evidence cannot be reviewed by the person who added it. */
  fourEyes: boolean;
  /** Account id of the person the panel was built for (to tell their own evidence under four eyes). */
  viewer: string;
  evidence: EvidenceValueView;
  /** e.g. "3 evidence · 2 accepted · 1 pending · 1 expires in 12 days", or "No evidence". */
  summaryText: string;
  /** Stored entries that break the evidence rules (written around the app): ignored, dropped on the next change. */
  ignored: { field: string; message: string }[];
  risks: AuditRisk[];
  strictMode: boolean;
  /** Whether the caller may change evidence and assessment (the server checks again on every change). */
  canEdit: boolean;
  /** False when Jira has no evidence field for the app (e.g. mid-install); evidence cannot be saved then. */
  fieldInstalled: boolean;
  /** The day (YYYY-MM-DD, UTC) expiry was judged against. */
  today: string;
  /** Display names of the account ids above (authors, reviewers, owners, who assessed); null when Jira does not return one. */
  people?: Record<string, string | null>;
}
