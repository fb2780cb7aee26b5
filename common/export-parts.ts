/**
 * `exportAuditPart { checklistId?, format?, cursor? }` → AuditExportPart: the audit pack in parts
 * the browser fetches one after another and joins, so a pack of any size can be downloaded (one
 * resolver answer carries at most 5 MB). The first call names no cursor; each answer but the last
 * gives the `next` cursor to send. The joined text is the CSV (`csv`), the report's JSON (`report`)
 * or the structured pack's JSON (`pack`, an AuditExportPack the page writes the .xlsx workbooks from).
 */
export interface ExportAuditPartPayload {
  checklistId?: string;
  format?: 'csv' | 'report' | 'pack';
  /** Opaque: the `next` of the previous part. */
  cursor?: string;
}

export interface AuditExportPart {
  format: 'csv' | 'report' | 'pack';
  /** e.g. `MSP-aws-msp-7.1-audit-pack-2026-03-02.csv`. */
  fileName: string;
  /** This part of the pack's text; join the parts in order. */
  part: string;
  /** 0-based number of this part, of `parts`. */
  index: number;
  parts: number;
  /** Items in the pack. */
  rowCount: number;
  /** Send as `cursor` for the next part; absent on the last one. */
  next?: string;
  /**
   * The report's first part only: display names of the waiver authors it names (null when Jira does
   * not return the account). Outside the text, so a renamed person does not change its fingerprint.
   */
  people?: Record<string, string | null>;
}
