/**
 * The .xlsx buttons of the audit pack section against a fake AuditDayApi answering a real pack
 * (test/fixtures/sheets/pack-data.ts): the workbook is built and offered, the items left out by
 * issue security are named, and a checklist that is not AWS MSP gets a plain refusal for the AWS
 * workbook instead of a file.
 */
import './node-globals';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { AuditExportPack } from '../../common/contract';
import { ExportActions } from '../../static/app/src/views/audit-day/ExportActions';
import { XLSX_TYPE } from '../../static/app/src/views/audit-day/xlsx-export';
import { findBuiltinChecklist } from '../../src/checklists';
import { makePack } from '../fixtures/sheets/pack-data';
import { FakeAuditDayApi } from './audit-day-fakes';

class PackApi extends FakeAuditDayApi {
  constructor(readonly answerPack: AuditExportPack) {
    super();
  }
  exportPack(checklistId: string): Promise<AuditExportPack> {
    this.calls.push({ method: 'exportPack', args: [checklistId] });
    return Promise.resolve(this.answerPack);
  }
}

function packFor(id: string, hidden: string[] = []): AuditExportPack {
  const def = findBuiltinChecklist(id);
  if (!def) throw new Error(`${id} not built in`);
  return { format: 'pack', baseName: `MSP-${id}-audit-pack-2026-03-02`, pack: makePack(def, { hidden }) };
}

describe('ExportActions: .xlsx downloads', () => {
  const blobs: Blob[] = [];
  let clicked: string[];
  beforeEach(() => {
    blobs.length = 0;
    clicked = [];
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        blobs.push(blob);
        return `blob:${blobs.length}`;
      },
      revokeObjectURL: () => undefined,
    });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it('builds the audit pack, saves it, and names the items the user cannot see', async () => {
    const api = new PackApi(packFor('aws-msp-7.1', ['BUSP-002', 'SEC-001']));
    render(<ExportActions api={api} checklistId="aws-msp-7.1" onPrint={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Audit pack (.xlsx)' }));
    const status = await screen.findByText(/61 items exported/, {}, { timeout: 20_000 });
    expect(clicked).toEqual(['MSP-aws-msp-7.1-audit-pack-2026-03-02.xlsx']);
    expect(blobs[0]?.type).toBe(XLSX_TYPE);
    expect(blobs[0]?.size).toBeGreaterThan(5_000);
    expect(within(status).getByRole('link')).toHaveAttribute('download', 'MSP-aws-msp-7.1-audit-pack-2026-03-02.xlsx');
    expect(screen.getByText('2 items are in the file without their issue')).toBeInTheDocument();
    expect(screen.getByText(/You cannot see the issues of BUSP-002, SEC-001 \(issue security\)/)).toBeInTheDocument();
    expect(api.callsOf('exportPack')).toEqual([['aws-msp-7.1']]);
  }, 30_000);

  it('names the AWS workbook after the checklist and refuses it for a checklist that is not AWS MSP', async () => {
    const aws = new PackApi(packFor('aws-msp-7.1'));
    const { unmount } = render(<ExportActions api={aws} checklistId="aws-msp-7.1" onPrint={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'AWS self-assessment (.xlsx)' }));
    await screen.findByText(/61 items exported/, {}, { timeout: 20_000 });
    expect(clicked).toEqual(['MSP-aws-msp-7.1-aws-self-assessment-2026-03-02.xlsx']);
    expect(screen.queryByText(/without their issue/)).toBeNull();
    unmount();

    const other = new PackApi(packFor('mspalliance-ucs-23'));
    render(<ExportActions api={other} checklistId="mspalliance-ucs-23" onPrint={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'AWS self-assessment (.xlsx)' }));
    expect(await screen.findByRole('alert', {}, { timeout: 20_000 })).toHaveTextContent('is not an AWS MSP checklist, so there is no AWS self-assessment to fill in');
    expect(clicked).toEqual(['MSP-aws-msp-7.1-aws-self-assessment-2026-03-02.xlsx']);
    expect(screen.getByRole('button', { name: 'AWS self-assessment (.xlsx)' })).toBeEnabled();
  }, 40_000);

  it('offers no .xlsx button where the pack cannot be fetched', () => {
    render(<ExportActions api={new FakeAuditDayApi()} checklistId="aws-msp-7.1" onPrint={() => undefined} />);
    expect(screen.queryByRole('button', { name: /\.xlsx/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeInTheDocument();
  });

  it('asks exportAuditPart for the structured pack of the checklist, part by part, and joins it', async () => {
    const sent: { key: string; payload: unknown }[] = [];
    const answerPack = packFor('aws-msp-7.1');
    const text = JSON.stringify(answerPack);
    const half = Math.floor(text.length / 2);
    const parts = [
      { format: 'pack', fileName: 'x.xlsx', part: text.slice(0, half), index: 0, parts: 2, rowCount: 1, next: 'c1' },
      { format: 'pack', fileName: 'x.xlsx', part: text.slice(half), index: 1, parts: 2, rowCount: 1 },
    ];
    // @forge/bridge looks for the host's bridge when first imported; the call here is injected.
    (globalThis as { __bridge?: unknown }).__bridge = { callBridge: () => Promise.resolve() };
    const { createBridgeAuditDayApi } = await import('../../static/app/src/api/bridge-api');
    const api = createBridgeAuditDayApi(<T,>(key: string, payload?: Record<string, unknown>) => {
      sent.push({ key, payload });
      return Promise.resolve(parts[sent.length - 1] as T);
    });
    expect(await api.exportPack?.('aws-msp-7.1')).toEqual(answerPack);
    expect(sent).toEqual([
      { key: 'exportAuditPart', payload: { checklistId: 'aws-msp-7.1', format: 'pack' } },
      { key: 'exportAuditPart', payload: { cursor: 'c1' } },
    ]);
  });
});
