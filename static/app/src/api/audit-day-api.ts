/**
 * The audit-day part of the resolver API (common/contract.ts, "Audit day"): chapter reviews,
 * waivers, the score history and the audit-pack export. Views get it from AppServices, so tests
 * hand them a fake.
 */
import type {
  AddCustomWaiverPayload,
  AuditDay,
  AuditExportCsv,
  AuditExportPack,
  AuditExportReport,
  MarkChapterReviewedPayload,
  Prerequisites,
  ScoreHistoryView,
  WaiverProofView,
} from '../../../../common/contract';

export interface AuditDayApi {
  getAuditDay(checklistId: string): Promise<AuditDay>;
  /** The score history alone (the overview's trend): much cheaper than the whole audit day. */
  getScoreHistory(checklistId: string): Promise<ScoreHistoryView>;
  markChapterReviewed(payload: MarkChapterReviewedPayload): Promise<AuditDay>;
  /** The proof is required for a named waiver (the server refuses one without). */
  applyWaiver(checklistId: string, waiverId: string, proof: WaiverProofView): Promise<AuditDay>;
  addCustomWaiver(payload: AddCustomWaiverPayload): Promise<AuditDay>;
  removeWaiver(checklistId: string, id: string): Promise<AuditDay>;
  exportCsv(checklistId: string): Promise<AuditExportCsv>;
  exportReport(checklistId: string): Promise<AuditExportReport>;
  /** The "before you apply" conditions outside the checklist (optional: older fakes lack it). */
  getPrerequisites?(checklistId: string): Promise<Prerequisites>;
  setPrerequisite?(checklistId: string, id: string, done: boolean): Promise<Prerequisites>;
  /** The structured pack the .xlsx workbooks are built from; absent where not wired (then no .xlsx buttons). */
  exportPack?(checklistId: string): Promise<AuditExportPack>;
}
