/**
 * Sortable column headers for a plain table, as Atlaskit's DynamicTable does them but without its
 * weight (our long tables draw a few hundred rows of thousands): the header is a button, the column
 * says its order to assistive tech with `aria-sort`, and a second press reverses it.
 */
import { useState, type CSSProperties } from 'react';
import { token } from '@atlaskit/tokens';

export type SortOrder = 'ascending' | 'descending';

export interface Sort<K extends string> {
  key: K;
  order: SortOrder;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The rows ordered by `value` (numbers as numbers, text as a person reads it: "Item 10" after "Item 9"); ties keep their order. */
export function sortRows<T>(rows: readonly T[], value: (row: T) => string | number, order: SortOrder): T[] {
  const keyed = rows.map((row, index) => ({ row, index, value: value(row) }));
  keyed.sort((a, b) => {
    const compared = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
    return (order === 'ascending' ? compared : -compared) || a.index - b.index;
  });
  return keyed.map((entry) => entry.row);
}

/** Which column the table is sorted by (none at first: the order the rows come in); pressing a column's header again reverses it. */
export function useSort<K extends string>(): { sort: Sort<K> | undefined; toggle: (key: K) => void } {
  const [sort, setSort] = useState<Sort<K> | undefined>(undefined);
  const toggle = (key: K) => setSort((now) => (now?.key === key ? { key, order: now.order === 'ascending' ? 'descending' : 'ascending' } : { key, order: 'ascending' }));
  return { sort, toggle };
}

interface SortHeaderProps<K extends string> {
  label: string;
  sortKey: K;
  sort: Sort<K> | undefined;
  onSort: (key: K) => void;
  style?: CSSProperties;
}

const button: CSSProperties = {
  background: 'none',
  border: 0,
  padding: 0,
  font: 'inherit',
  fontWeight: 600,
  color: token('color.text', '#172B4D'),
  cursor: 'pointer',
  display: 'inline-flex',
  gap: token('space.050', '4px'),
  alignItems: 'center',
};

export function SortHeader<K extends string>({ label, sortKey, sort, onSort, style }: SortHeaderProps<K>) {
  const order = sort?.key === sortKey ? sort.order : undefined;
  return (
    <th scope="col" aria-sort={order ?? 'none'} style={style}>
      <button type="button" style={button} onClick={() => onSort(sortKey)}>
        {label}
        <span aria-hidden="true" style={{ color: order ? token('color.icon', '#44546F') : token('color.icon.subtle', '#626F86') }}>
          {order === 'ascending' ? '▲' : order === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}
