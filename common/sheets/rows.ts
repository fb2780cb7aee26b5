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
  /** A lone cell in a column the mapping does not use, e.g. a remark beside the table. */
  | { kind: 'note'; column: number }
  | { kind: 'item' };

const TOTAL = /^(grand\s+)?totals?\s*:?$/i;

/** Columns where a lone cell reads as a heading rather than as a value. */
const HEADING_FIELDS: readonly ItemField[] = ['title', 'titledDescription', 'requirement', 'chapter'];

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
  if (only === undefined) return { kind: 'item' };
  const field = (Object.keys(columns) as ItemField[]).find((key) => columns[key] === only.index);
  // A lone word in the id column ("Business") heads a group; a lone id ("BUS-001") is an item whose
  // other cells are missing, and must be reported as such. Ids carry digits, group names spaces or none.
  const heading =
    field === 'id'
      ? /\s/.test(only.cell) || !/\d/.test(only.cell)
      : field === undefined
        ? only.index === 0
        : HEADING_FIELDS.includes(field);
  if (heading) return { kind: 'group', ...groupTitle(only.cell) };
  // A stray value in a value column (points, Met?) is an item missing its id; elsewhere it is a remark.
  return field === undefined ? { kind: 'note', column: only.index } : { kind: 'item' };
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
