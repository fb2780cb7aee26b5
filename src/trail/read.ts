/**
 * Reading the trail: a page of a project's entries, newest first (at most three chunk reads a
 * page), the history of one issue or item through its index (only the chunks that hold it), and
 * the CSV export in pages of whole chunks (at most 4 MB each), oldest first.
 */
import type { ItemHistory, TrailEntryView, TrailExportPage, TrailPage } from '../../common/contract';
import { canonicalJson, type JsonValue } from '../domain/hash';
import { csvField, CSV_BOM, type CsvCell } from '../domain/export-csv';
import { chunkOf, type TrailEntry } from './entry';
import { issueRef, itemRef, readChunk, readEntries, readHead, readIndex } from './store';

export const DEFAULT_PAGE = 25;
export const MAX_PAGE = 100;
/** Entries an item history shows. */
export const HISTORY_LIMIT = 50;
/** Chunks an export page reads at most, and how many at once. */
export const EXPORT_MAX_CHUNKS = 100;
const EXPORT_BATCH = 10;
/** CSV bytes a page stops short of (Forge answers at most 5 MB; a chunk's CSV is at most ~0.4 MB). */
export const EXPORT_PAGE_BYTES = 4_000_000;

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

export const EXPORT_HEADER = ['Seq', 'When (UTC)', 'Who', 'Action', 'Checklist', 'Item', 'Issue', 'Before', 'After', 'Reason', 'Hash', 'Previous hash', 'Decision id', 'Recorded late (UTC)'];

/**
 * One page of the CSV export, oldest first: whole chunks from `from` until the page would pass
 * {@link EXPORT_PAGE_BYTES} or holds {@link EXPORT_MAX_CHUNKS}; the first page has the BOM and header.
 */
export async function readExportPage(projectKey: string, from: number, fileName: string): Promise<TrailExportPage> {
  const head = await readHead(projectKey);
  const lastChunk = head.count === 0 ? -1 : chunkOf(head.count);
  let csv = from === 0 ? CSV_BOM + csvLine(EXPORT_HEADER) : '';
  let bytes = Buffer.byteLength(csv);
  let rows = 0;
  let next = from;
  pages: while (next <= lastChunk && next - from < EXPORT_MAX_CHUNKS) {
    const batch = Array.from({ length: EXPORT_BATCH }, (_, i) => next + i).filter((chunk) => chunk <= lastChunk && chunk - from < EXPORT_MAX_CHUNKS);
    const chunks = await Promise.all(batch.map((chunk) => readChunk(projectKey, chunk)));
    for (const chunk of chunks) {
      const entries = chunk.entries.filter((entry) => entry.seq <= head.count);
      const text = entries.map((entry) => csvLine(recordOf(entry))).join('');
      const size = Buffer.byteLength(text);
      if (rows > 0 && bytes + size > EXPORT_PAGE_BYTES) break pages;
      csv += text;
      bytes += size;
      rows += entries.length;
      next += 1;
    }
  }
  return { csv, rows, total: head.count, fileName, ...(next <= lastChunk ? { nextCursor: String(next) } : {}) };
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
    entry.decisionId,
    entry.recordedAt,
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
