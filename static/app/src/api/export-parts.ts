/**
 * The audit pack fetched in parts (exportAuditPart, common/export-parts.ts) and joined, so a pack
 * past one resolver answer (5 MB) downloads like a small one.
 */
import type { AuditExportCsv, AuditExportPack, AuditExportReport, AuditReport } from '../../../../common/contract';
import type { AuditExportPart } from '../../../../common/export-parts';
import { errorCode } from './errors';
import { typedInvoke, type Invoke } from './invoke';
import { english } from '../i18n';
import { shellMessages } from '../messages';

/**
 * The parts did not join into the pack the server announced: nothing is saved. The message is
 * English; a view says it in the user's language from `kind` and the figures (hooks/useErrorMessage.ts).
 */
export class ExportPartsError extends Error {
  override name = 'ExportPartsError';
  constructor(
    /** `order`: part `got` came where part `expected` belonged; `incomplete`: `got` of `expected` parts came. */
    readonly kind: 'order' | 'incomplete',
    readonly got: number,
    readonly expected: number,
  ) {
    super(english(shellMessages).exportParts(kind, got, expected));
  }
}

/**
 * The whole text of the pack. When it changed between two parts (someone edited an item meanwhile),
 * the server refuses with a conflict: the download starts over once by itself, then says so.
 */
async function joinParts(call: Invoke, checklistId: string, format: 'csv' | 'report' | 'pack'): Promise<{ text: string; first: AuditExportPart }> {
  try {
    return await joinPartsOnce(call, checklistId, format);
  } catch (error) {
    if (errorCode(error) !== 'conflict') throw error;
    return joinPartsOnce(call, checklistId, format);
  }
}

/** Every part in order, each asked for with the cursor of the one before. */
async function joinPartsOnce(call: Invoke, checklistId: string, format: 'csv' | 'report' | 'pack'): Promise<{ text: string; first: AuditExportPart }> {
  const api = typedInvoke(call);
  const first = await api('exportAuditPart', { checklistId, format });
  const parts = [first.part];
  let next = first.next;
  // The server says how many parts there are; never ask for more than that.
  while (next !== undefined && parts.length < first.parts) {
    const page = await api('exportAuditPart', { cursor: next });
    if (page.index !== parts.length) throw new ExportPartsError('order', page.index + 1, parts.length + 1);
    parts.push(page.part);
    next = page.next;
  }
  if (parts.length !== first.parts) throw new ExportPartsError('incomplete', parts.length, first.parts);
  return { text: parts.join(''), first };
}

export async function exportCsvInParts(call: Invoke, checklistId: string): Promise<AuditExportCsv> {
  const { text, first } = await joinParts(call, checklistId, 'csv');
  return { format: 'csv', fileName: first.fileName, csv: text, rowCount: first.rowCount };
}

export async function exportReportInParts(call: Invoke, checklistId: string): Promise<AuditExportReport> {
  const { text, first } = await joinParts(call, checklistId, 'report');
  return { format: 'report', fileName: first.fileName, report: JSON.parse(text) as AuditReport, ...(first.people ? { people: first.people } : {}) };
}

/** The structured pack the .xlsx workbooks are written from, in parts like the CSV (any size). */
export async function exportPackInParts(call: Invoke, checklistId: string): Promise<AuditExportPack> {
  const { text } = await joinParts(call, checklistId, 'pack');
  return JSON.parse(text) as AuditExportPack;
}
