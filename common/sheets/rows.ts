/**
 * What a data row is, before its cells are read: an item, a group header that starts a chapter,
 * a total line, or nothing. Spreadsheets mix these freely; only items become issues.
 */
import type { ItemField } from './types';

export type FieldColumns = Partial<Record<ItemField, number>>;

export type RowKind =
  | { kind: 'blank' }
  | { kind: 'group'; title: string; note?: string }
  | { kind: 'total'; points: string }
  | { kind: 'item' };

const TOTAL = /^(grand\s+)?totals?\s*:?$/i;

export function cellAt(row: readonly string[], column: number | undefined): string {
  return column === undefined ? '' : (row[column] ?? '');
}

/**
 * @example
 * classifyRow(['Business', '', '', ''], { id: 0, titledDescription: 1 }); // → { kind: 'group', title: 'Business' }
 * classifyRow(['BUS-001', 'Company Overview', 'Yes'], { id: 0, title: 1 }); // → { kind: 'item' }
 */
export function classifyRow(row: readonly string[], columns: FieldColumns): RowKind {
  const filled = row.map((cell, index) => ({ cell: cell.trim(), index })).filter(({ cell }) => cell !== '');
  if (filled.length === 0) return { kind: 'blank' };
  const id = cellAt(row, columns.id).trim();
  const label = [id, cellAt(row, columns.title), cellAt(row, columns.titledDescription)].find((text) => text.trim() !== '') ?? '';
  if (TOTAL.test(label.trim())) return { kind: 'total', points: cellAt(row, columns.points).trim() };
  const only = filled.length === 1 ? filled[0] : undefined;
  if (only !== undefined) {
    // A lone word in the id column ("Business") heads a group; a lone id ("BUS-001") is an item
    // whose other cells are missing, and must be reported as such. Ids carry digits, group names
    // carry spaces or none.
    const inIdColumn = only.index === columns.id;
    if (!inIdColumn || /\s/.test(only.cell) || !/\d/.test(only.cell)) return { kind: 'group', ...groupTitle(only.cell) };
  }
  return { kind: 'item' };
}

/**
 * A group header's name and the note it may carry, e.g. "Security (partners holding the Level 1
 * MSSP Competency are exempt from this section)" or a second line.
 *
 * @example
 * groupTitle('Security (exempt with MSSP)'); // → { title: 'Security', note: 'exempt with MSSP' }
 */
export function groupTitle(text: string): { title: string; note?: string } {
  const [first = '', ...more] = text.replace(/\r\n?/g, '\n').split('\n');
  const rest = more.map((line) => line.trim()).filter((line) => line !== '').join(' ');
  const paren = /^(.*?)\s*\((.+)\)\s*$/.exec(first.trim());
  const title = (paren?.[1] ?? first).replace(/\s+/g, ' ').trim();
  const note = [paren?.[2]?.trim(), rest].filter((part) => part !== undefined && part !== '').join(' ');
  if (title === '') return { title: first.trim() };
  return note === '' ? { title } : { title, note };
}
