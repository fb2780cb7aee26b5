/** The resolver contract, part: Spreadsheets out: the data the browser builds the .xlsx files from. (common/contract.ts re-exports every part.) */
import type { ItemResultName } from './catalogue';
import type { ReportHeading, WaiverView } from './audit-day';

// ---------------------------------------------------------------------------------------------
// Spreadsheets out (helper "sheets"): the data the browser builds the .xlsx files from
// (common/sheets/write-*.ts). The file itself never passes through a resolver.
//   exportAudit { checklistId?, format: 'pack' } → AuditExportPack   (Browse projects)
// ---------------------------------------------------------------------------------------------

/** One item of the pack: the report's item plus what the workbooks need (chapter, requirement). */
export interface AuditPackItem {
  id: string;
  chapterId: string;
  chapterTitle: string;
  title: string;
  requirement: string;
  mandatory: boolean;
  /** Null under the met model. */
  points: number | null;
  result: ItemResultName;
  /** The CSV's result words ("Met", "Waived: …", "N/A: …"). */
  resultWords: string;
  why: string;
  owner: string;
  status: string;
  issueKey?: string;
  /** The waiver that decided the result, when one did. */
  waiver?: { name: string; reason: string; appliedBy: string; appliedAt: string };
  /** The written justification of an N/A answer. */
  justification?: string;
  evidence: { total: number; accepted: number; pending: number; rejected: number };
}

/** One evidence entry, one row of the Evidence sheet. Account ids as Jira gives them. */
export interface AuditPackEvidence {
  itemId: string;
  issueKey?: string;
  kind: string;
  title: string;
  url?: string;
  owner?: string;
  addedBy: string;
  addedAt: string;
  effectiveDate?: string;
  expiryDate?: string;
  reviewState: string;
  reviewer?: string;
  reviewedAt?: string;
  note?: string;
}

/** The structured audit pack: everything the two .xlsx workbooks show. */
export interface AuditPackData extends ReportHeading {
  /** Jira site the issue links point at (from the invocation context), when known. */
  siteUrl?: string;
  framework: string;
  projection: { score: number; passed: boolean; mandatoryOpen: string[] };
  chapters: { id: string; title: string; earned: number; max: number; met: number; total: number; review: string }[];
  items: AuditPackItem[];
  evidence: AuditPackEvidence[];
  waivers: WaiverView[];
  /** Items whose issue exists but the caller may not see (issue security): in the pack without their issue. */
  hiddenItems: string[];
  evidenceAvailable: boolean;
}

export interface AuditExportPack {
  format: 'pack';
  /** Without extension, e.g. `MSP-aws-msp-7.1-audit-pack-2026-03-02`; the page adds `.xlsx`. */
  baseName: string;
  pack: AuditPackData;
}

/** `exportAudit { checklistId?, format: 'pack' }` → AuditExportPack. */
export interface ExportAuditPackPayload {
  checklistId?: string;
  format: 'pack';
}
