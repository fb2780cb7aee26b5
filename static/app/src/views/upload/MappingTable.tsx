/**
 * One row per column of the sheet: its header, a sample of its cells, and what it feeds. Guesses
 * come from the headers; the person overrides any of them, and a field moves rather than doubles.
 */
import { useId } from 'react';
import Heading from '@atlaskit/heading';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { columnLetter, ITEM_FIELDS, type ColumnMapping, type ItemField, type Sheet } from '../../../../../common/sheets';
import { useT } from '../../i18n';
import { uploadMessages } from './messages';
import type { UploadMessages } from './messages.en';
import { cell, section, subtle } from './styles';

interface MappingTableProps {
  sheet: Sheet;
  mapping: ColumnMapping;
  /** Columns the person mapped themselves. */
  manual: readonly number[];
  onHeaderRow: (row: number) => void;
  onColumn: (index: number, field: ItemField | undefined) => void;
}

/** A few filled cells below the header, so a person sees what a column holds. */
function samples(sheet: Sheet, mapping: ColumnMapping, index: number): string {
  const values: string[] = [];
  for (const row of sheet.rows.slice(mapping.headerRow)) {
    const value = (row[index] ?? '').replace(/\s+/g, ' ').trim();
    if (value !== '') values.push(value.length > 40 ? `${value.slice(0, 39)}…` : value);
    if (values.length === 2) break;
  }
  return values.join(' · ');
}

interface Choice {
  label: string;
  value: ItemField | '';
}

function guessWords(t: UploadMessages, field: ItemField | undefined, confidence: number, manual: boolean): string {
  if (manual) return t.setByYou;
  if (field === undefined) return t.notImportedHow;
  if (confidence >= 1) return t.headerSays;
  return t.guessed(Math.round(confidence * 100));
}

export function MappingTable({ sheet, mapping, manual, onHeaderRow, onColumn }: MappingTableProps) {
  const t = useT(uploadMessages);
  const NOT_IMPORTED: Choice = { label: t.notImported, value: '' };
  const CHOICES: Choice[] = [NOT_IMPORTED, ...ITEM_FIELDS.map((field) => ({ label: t.fieldLabels[field], value: field }))];
  const headingId = useId();
  const headerRowId = useId();
  return (
    <section aria-labelledby={headingId} style={section}>
      <Heading size="small" as="h3" id={headingId}>
        {t.columns}
      </Heading>
      <p style={{ margin: 0, ...subtle }}>
        {t.columnsHint}
      </p>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <label htmlFor={headerRowId}>{t.headerRow}</label>
        <Textfield
          id={headerRowId}
          type="number"
          min={1}
          max={Math.max(1, sheet.rows.length)}
          value={mapping.headerRow}
          onChange={(event) => onHeaderRow(Number(event.currentTarget.value))}
          isCompact
          width="xsmall"
        />
      </div>
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-label={t.columnMapping}>
          <thead>
            <tr>
              <th scope="col" style={cell}>{t.column}</th>
              <th scope="col" style={cell}>{t.sample}</th>
              <th scope="col" style={cell}>{t.itemField}</th>
              <th scope="col" style={cell}>{t.how}</th>
            </tr>
          </thead>
          <tbody>
            {mapping.columns.map((column) => {
              const name = column.header.replace(/\s+/g, ' ').trim() || t.columnLetter(columnLetter(column.index));
              return (
                <tr key={column.index}>
                  <th scope="row" style={{ ...cell, fontWeight: 600 }}>
                    {name}
                    <span style={{ ...subtle, fontWeight: 400 }}> ({columnLetter(column.index)})</span>
                  </th>
                  <td style={{ ...cell, ...subtle }}>{samples(sheet, mapping, column.index)}</td>
                  <td style={cell}>
                    <div style={{ minWidth: 220 }}>
                      <Select<Choice>
                        aria-label={t.columnHolds(name)}
                        options={CHOICES}
                        value={CHOICES.find((choice) => choice.value === (column.field ?? '')) ?? NOT_IMPORTED}
                        onChange={(choice) => onColumn(column.index, choice && choice.value !== '' ? choice.value : undefined)}
                        menuPosition="fixed"
                        spacing="compact"
                      />
                    </div>
                  </td>
                  <td style={{ ...cell, ...subtle, whiteSpace: 'nowrap' }}>{guessWords(t, column.field, column.confidence, manual.includes(column.index))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
