/**
 * Reading the trail: a page of a project's entries, newest first (at most three chunk reads a
 * page), the history of one issue or item through its index (only the chunks that hold it), and
 * the CSV export in pages of whole chunks, oldest first.
 */
import type { ItemHistory, TrailEntryView, TrailExportPage, TrailPage } from '../../common/contract';
import { canonicalJson, type JsonValue } from '../domain/hash';
import { csvField, CSV_BOM, type CsvCell } from '../domain/export-csv';
import { chunkOf, TRAIL_CHUNK_ENTRIES, type TrailEntry } from './entry';
import { issueRef, itemRef, readChunk, readEntries, readHead, readIndex } from './store';

export const DEFAULT_PAGE = 25;
export const MAX_PAGE = 100;
/** Entries an item history shows. */
export const HISTORY_LIMIT = 50;
/** Chunks an export page carries: 20 × 40 entries × ≤ 5 KB stays well under Forge's 5 MB answer. */
export const EXPORT_CHUNKS_PER_PAGE = 20;

export function viewOf(entry: TrailEntry): TrailEntryView {
  const { prev: _prev, ...view } = entry;
  return view;
}

/** Entries `before − 1` down to `before − limit` (from the newest when `before` is absent). */
export async function readTrailPage(projectKey: string, args: { before?: number; limit: number }): Promise<TrailPage> {
  const head = await readHead(projectKey);
  const top = Math.min(head.count, (args.before ?? Number.POSITIVE_INFINITY) - 1);
  if (top < 1) return { entries: [], total: head.count };
  const bottom = Math.max(1, top - args.limit + 1);
  const seqs = Array.from({ length: top - bottom + 1 }, (_, i) => top - i);
  const entries = (await readEntries(projectKey, seqs)).sort((a, b) => b.seq - a.seq);
  return { entries: entries.map(viewOf), total: head.count, ...(bottom > 1 ? { nextCursor: String(bottom) } : {}) };
}

/** The newest entries about an issue and the checklist item it stands for, through their indexes. */
export async function readItemHistory(projectKey: string, args: { issueKey: string; item?: { checklistId: string; itemId: string } }): Promise<ItemHistory> {
  const { issueKey, item } = args;
  const indexes = await Promise.all([readIndex(projectKey, issueRef(issueKey)), ...(item ? [readIndex(projectKey, itemRef(item.checklistId, item.itemId))] : [])]);
  const all = [...new Set(indexes.flatMap((index) => index.seqs))].sort((a, b) => b - a);
  const dropped = Math.max(0, ...indexes.map((index) => index.dropped));
  const about = (entry: TrailEntry) => entry.issueKey === issueKey || (item !== undefined && entry.checklistId === item.checklistId && entry.itemId === item.itemId);
  // An index only points; what is shown must really be about this issue or item.
  const entries = (await readEntries(projectKey, all.slice(0, HISTORY_LIMIT))).filter(about).sort((a, b) => b.seq - a.seq);
  return { issueKey, ...(item ? { itemId: item.itemId } : {}), entries: entries.map(viewOf), total: all.length + dropped };
}

export const EXPORT_HEADER = ['Seq', 'When (UTC)', 'Who', 'Action', 'Checklist', 'Item', 'Issue', 'Before', 'After', 'Reason', 'Hash', 'Previous hash'];

/** One page of the CSV export: chunks `from` … `from + 19`; the first page has the BOM and header. */
export async function readExportPage(projectKey: string, from: number, fileName: string): Promise<TrailExportPage> {
  const head = await readHead(projectKey);
  const lastChunk = head.count === 0 ? -1 : chunkOf(head.count);
  const chunkNos = Array.from({ length: EXPORT_CHUNKS_PER_PAGE }, (_, i) => from + i).filter((chunk) => chunk <= lastChunk);
  const chunks = await Promise.all(chunkNos.map((chunk) => readChunk(projectKey, chunk)));
  const entries = chunks.flatMap((chunk) => chunk.entries).filter((entry) => entry.seq <= head.count);
  const lines = entries.map((entry) => csvLine(recordOf(entry)));
  const next = from + EXPORT_CHUNKS_PER_PAGE;
  return {
    csv: (from === 0 ? CSV_BOM + csvLine(EXPORT_HEADER) : '') + lines.join(''),
    rows: entries.length,
    total: head.count,
    fileName,
    ...(next * TRAIL_CHUNK_ENTRIES < head.count ? { nextCursor: String(next) } : {}),
  };
}

function recordOf(entry: TrailEntry): CsvCell[] {
  return [
    entry.seq,
    entry.at,
    entry.actor,
    entry.action,
    entry.checklistId,
    entry.itemId,
    entry.issueKey,
    valueText(entry.before),
    valueText(entry.after),
    entry.reason,
    entry.hash,
    entry.prev,
  ];
}

/** A before/after value as a cell: text as it is, anything else as canonical JSON. */
function valueText(value: JsonValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : canonicalJson(value);
}

function csvLine(cells: CsvCell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}
