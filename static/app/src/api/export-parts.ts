/**
 * The audit pack fetched in parts (exportAuditPart, common/export-parts.ts) and joined, so a pack
 * past one resolver answer (5 MB) downloads like a small one.
 */
import type { AuditExportCsv, AuditExportPack, AuditExportReport, AuditReport } from '../../../../common/contract';
import type { AuditExportPart } from '../../../../common/export-parts';
import { errorCode } from './errors';

import { typedInvoke, type Invoke } from './invoke';

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
    if (page.index !== parts.length) throw new Error(`The audit pack came back out of order (part ${page.index + 1} instead of ${parts.length + 1}); download it again.`);
    parts.push(page.part);
    next = page.next;
  }
  if (parts.length !== first.parts) throw new Error(`The audit pack came back incomplete (${parts.length} of ${first.parts} parts); download it again.`);
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
