/** The page's side of the paged export: every part asked for with the cursor of the one before, joined in order. */
import type { AuditExportPart } from '../../common/export-parts';
import { render, screen } from '@testing-library/react';
import { exportCsvInParts, exportReportInParts } from '../../static/app/src/api/export-parts';
import { useErrorMessage } from '../../static/app/src/hooks/useErrorMessage';
import { LocaleProvider } from '../../static/app/src/i18n';

/** A resolver that serves `text` in parts of `size` characters, remembering what it was asked. */
function partsServer(text: string, size: number, format: 'csv' | 'report', tamper?: (part: AuditExportPart) => AuditExportPart) {
  const asked: Record<string, unknown>[] = [];
  const parts = Array.from({ length: Math.max(1, Math.ceil(text.length / size)) }, (_, i) => text.slice(i * size, (i + 1) * size));
  const call = async <T,>(functionKey: string, payload: Record<string, unknown> = {}): Promise<T> => {
    expect(functionKey).toBe('exportAuditPart');
    asked.push(payload);
    const index = typeof payload.cursor === 'string' ? Number(payload.cursor.slice('c'.length)) : 0;
    const part: AuditExportPart = {
      format,
      fileName: `MSP-x-audit-pack.${format === 'csv' ? 'csv' : 'pdf'}`,
      part: parts[index] ?? '',
      index,
      parts: parts.length,
      rowCount: 3,
      ...(index + 1 < parts.length ? { next: `c${index + 1}` } : {}),
    };
    return (tamper ? tamper(part) : part) as T;
  };
  return { call, asked };
}

describe('export in parts', () => {
  it('joins a CSV of several parts in order, asking with each cursor once', async () => {
    const csv = '\uFEFFID,Title\r\n1.1,"One"\r\n1.2,"Two"\r\n1.3,"Three"\r\n';
    const server = partsServer(csv, 10, 'csv');
    await expect(exportCsvInParts(server.call, 'ck')).resolves.toEqual({ format: 'csv', fileName: 'MSP-x-audit-pack.csv', csv, rowCount: 3 });
    expect(server.asked).toEqual([{ checklistId: 'ck', format: 'csv' }, ...Array.from({ length: Math.ceil(csv.length / 10) - 1 }, (_, i) => ({ cursor: `c${i + 1}` }))]);
  });

  it('joins a report’s JSON and parses it', async () => {
    const report = { projectKey: 'MSP', chapters: [{ id: '1', title: 'Ünïcode 🙂 "quoted"' }] };
    const server = partsServer(JSON.stringify(report), 7, 'report');
    await expect(exportReportInParts(server.call, 'ck')).resolves.toEqual({ format: 'report', fileName: 'MSP-x-audit-pack.pdf', report });
  });

  it('takes a one-part pack in one call', async () => {
    const server = partsServer('a,b\r\n', 100, 'csv');
    await expect(exportCsvInParts(server.call, 'ck')).resolves.toMatchObject({ csv: 'a,b\r\n' });
    expect(server.asked).toHaveLength(1);
  });

  it('refuses parts out of order or a pack that ends early instead of saving a wrong file', async () => {
    const shuffled = partsServer('0123456789abcdefghij', 5, 'csv', (part) => (part.index === 1 ? { ...part, index: 2 } : part));
    await expect(exportCsvInParts(shuffled.call, 'ck')).rejects.toThrow('out of order');
    const early = partsServer('0123456789abcdefghij', 5, 'csv', (part) => (part.index === 2 ? (({ next: _next, ...rest }) => rest)(part) : part));
    await expect(exportCsvInParts(early.call, 'ck')).rejects.toThrow('incomplete (3 of 4 parts)');
  });

  it('says that refusal on the page in the user’s language', async () => {
    const early = partsServer('0123456789abcdefghij', 5, 'csv', (part) => (part.index === 2 ? (({ next: _next, ...rest }) => rest)(part) : part));
    const failure: unknown = await exportCsvInParts(early.call, 'ck').catch((error: unknown) => error);
    function Said() {
      return <p>{useErrorMessage()(failure)}</p>;
    }
    render(
      <LocaleProvider locale="de-DE">
        <Said />
      </LocaleProvider>,
    );
    expect(screen.getByText('Das Audit-Paket kam unvollständig an (3 von 4 Teilen); laden Sie es erneut herunter.')).toBeInTheDocument();
  });
});

describe('a pack that changes while it downloads', () => {
  it('starts over once by itself when the server says the pack changed, then gives up with the server’s words', async () => {
    const asked: Record<string, unknown>[] = [];
    let conflicts = 1;
    const call = async <T,>(_key: string, payload: Record<string, unknown> = {}): Promise<T> => {
      asked.push(payload);
      if (payload.cursor === 'c1' && conflicts-- > 0) throw new Error('There was an error invoking the function - ConflictError: The audit pack changed while it was being downloaded; download it again.');
      const index = payload.cursor === 'c1' ? 1 : 0;
      return { format: 'csv', fileName: 'p.csv', part: ['ab', 'cd'][index], index, parts: 2, rowCount: 1, ...(index === 0 ? { next: 'c1' } : {}) } as T;
    };
    await expect(exportCsvInParts(call, 'ck')).resolves.toMatchObject({ csv: 'abcd' });
    expect(asked).toEqual([{ checklistId: 'ck', format: 'csv' }, { cursor: 'c1' }, { checklistId: 'ck', format: 'csv' }, { cursor: 'c1' }]);

    conflicts = 2;
    await expect(exportCsvInParts(call, 'ck')).rejects.toThrow('ConflictError: The audit pack changed');
  });

  it('does not start over for any other refusal', async () => {
    let calls = 0;
    const call = async <T,>(): Promise<T> => {
      calls++;
      throw new Error('There was an error invoking the function - AccessDeniedError: You need the Browse projects permission.');
    };
    await expect(exportCsvInParts(call, 'ck')).rejects.toThrow('AccessDeniedError');
    expect(calls).toBe(1);
  });
});
