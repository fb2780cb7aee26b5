/**
 * The crosswalk in the Custom UI against a fake CrosswalkApi: the item panel's list of an item's
 * mappings (both ways, links, evidence from the covering item, remove, link by hand) and the upload
 * page (a row's problem listed where the person finds it: a CSV's row, a workbook's sheet and Excel
 * row, the count of problems not listed; then a fixed file saved on the preview's revision; a file
 * past one call staged in parts and previewed and saved by its upload id).
 */
import './node-globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { CrosswalkPreview, CrosswalkRowPayload, ItemCrosswalk, LinkItemPayload, SaveCrosswalkResult } from '../../common/crosswalk';
import type { BeginCrosswalkUploadPayload, CrosswalkRowsRef } from '../../common/crosswalk-parts';
import type { AppServices } from '../../static/app/src/api/audit-api';
import type { CrosswalkApi } from '../../static/app/src/api/crosswalk-api';
import { ServicesProvider } from '../../static/app/src/api/services';
import { CrosswalkSection } from '../../static/app/src/views/crosswalk/CrosswalkSection';
import { ItemMappings } from '../../static/app/src/views/crosswalk/ItemMappings';
import { buildXlsx } from '../fixtures/sheets/xlsx';
import { chooseOption } from './atlaskit-select';
import { FakeAuditApi, FROZEN_NOW } from './fake-services';

const UCS = { checklistId: 'mspalliance-ucs-23', checklistName: 'UCS 2023' };
const ETHICS = { checklistId: 'mspalliance-code-of-ethics', checklistName: 'Code of Ethics' };

class FakeCrosswalkApi implements CrosswalkApi {
  calls: { method: string; args: unknown[] }[] = [];
  item: ItemCrosswalk = { checklistId: 'aws-msp-7.1', itemId: 'SEC-002', mappings: [], linkable: [], canEdit: true };
  linkAnswer: ItemCrosswalk | Error = this.item;
  previews: CrosswalkPreview[] = [];
  saveAnswer: SaveCrosswalkResult = { saved: { revision: 'r2', rowCount: 1, fileName: 'map.csv', savedAt: '2025-11-22T10:00:00.000Z', savedBy: 'admin' }, unchanged: false };
  async beginCrosswalkUpload(payload: BeginCrosswalkUploadPayload) {
    this.calls.push({ method: 'beginCrosswalkUpload', args: [payload] });
    return { uploadId: 'up-1', expiresAt: '2025-11-22T11:00:00.000Z' };
  }
  async appendCrosswalkRows(payload: { uploadId: string; index: number; rows: CrosswalkRowPayload[] }) {
    this.calls.push({ method: 'appendCrosswalkRows', args: [payload] });
    return { uploadId: payload.uploadId, index: payload.index, received: payload.rows.length };
  }
  async previewCrosswalk(ref: CrosswalkRowsRef) {
    this.calls.push({ method: 'previewCrosswalk', args: [ref] });
    return this.previews.shift()!;
  }
  async saveCrosswalk(payload: CrosswalkRowsRef & { fileName: string; basedOn?: string | null }) {
    this.calls.push({ method: 'saveCrosswalk', args: [payload] });
    return this.saveAnswer;
  }
  async getItemCrosswalk() {
    return this.item;
  }
  async linkItemCrosswalk(payload: LinkItemPayload) {
    this.calls.push({ method: 'linkItemCrosswalk', args: [payload] });
    if (this.linkAnswer instanceof Error) throw this.linkAnswer;
    return this.linkAnswer;
  }
  callsOf(method: string) {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }
}

function renderWith(ui: ReactElement) {
  const opened: string[] = [];
  const services: AppServices = { api: new FakeAuditApi(), host: { open: async (path) => void opened.push(path) }, now: () => FROZEN_NOW };
  render(<ServicesProvider services={services}>{ui}</ServicesProvider>);
  return opened;
}

describe('the item panel’s mappings', () => {
  const mapped: ItemCrosswalk = {
    checklistId: 'aws-msp-7.1',
    itemId: 'SEC-002',
    canEdit: true,
    linkable: [{ ...UCS, items: [{ id: '03.01', title: 'Confidentiality' }, { id: '06.01', title: 'Security' }] }],
    mappings: [
      { direction: 'covers', coverage: 'full', ...UCS, itemId: '06.01', title: 'Security', state: 'held', issueKey: 'MSP-60', note: 'Same scan reports' },
      { direction: 'covered-by', coverage: 'full', ...ETHICS, itemId: '4.1', title: 'Confidentiality', state: 'held', issueKey: 'MSP-7', evidence: { titles: ['NDA policy'] } },
      { direction: 'covered-by', coverage: 'partial', ...ETHICS, itemId: '9.9', state: 'retired' },
    ],
  };

  it('lists them both ways, links the other issue, and shows the evidence of the item that covers this one', async () => {
    const api = new FakeCrosswalkApi();
    api.item = mapped;
    const opened = renderWith(<ItemMappings api={api} />);
    const region = await screen.findByRole('region', { name: 'Other checklists' });
    const items = within(within(region).getByRole('list', { name: 'Mappings' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent?.replace(/Remove$/, ''))).toEqual([
      'Covers UCS 2023 06.01 (full) Security — Same scan reports ',
      'Covered by Code of Ethics 4.1 (full) ConfidentialityEvidence from Code of Ethics 4.1: NDA policy ',
      'Covered by Code of Ethics 9.9 (partial) — retired by a version update',
    ]);
    fireEvent.click(within(region).getByRole('link', { name: 'Covers UCS 2023 06.01 (full)' }));
    expect(opened).toEqual(['/browse/MSP-60']);
    expect(within(region).getByTestId('evidence-from')).toHaveTextContent('Evidence from Code of Ethics 4.1: NDA policy');
    // The retired one has no issue to link and nothing to remove here.
    expect(within(region).getAllByRole('button', { name: /^Remove:/ })).toHaveLength(2);
  });

  it('removes a mapping and links one by hand, showing the server’s refusal', async () => {
    const api = new FakeCrosswalkApi();
    api.item = mapped;
    api.linkAnswer = { ...mapped, mappings: mapped.mappings.slice(1) };
    renderWith(<ItemMappings api={api} />);
    const region = await screen.findByRole('region', { name: 'Other checklists' });
    fireEvent.click(within(region).getByRole('button', { name: 'Remove: Covers UCS 2023 06.01 (full)' }));
    await waitFor(() => expect(within(region).getAllByRole('listitem')).toHaveLength(2));
    expect(api.callsOf('linkItemCrosswalk')).toEqual([[{ checklistId: UCS.checklistId, itemId: '06.01', direction: 'covers', coverage: 'full', remove: true }]]);

    api.linkAnswer = new Error('Nothing was linked: partial mappings go round in a cycle (…); remove one of them or make it full.');
    fireEvent.click(within(region).getByText('Link to an item of another checklist'));
    const link = within(region).getByRole('button', { name: 'Link' });
    expect(link).toBeDisabled();
    chooseOption(within(region), 'This item', 'is covered by');
    chooseOption(within(region), 'Coverage', 'partly');
    chooseOption(within(region), 'Item', '03.01 Confidentiality');
    fireEvent.change(within(region).getByLabelText('Why (optional)'), { target: { value: ' Same NDA ' } });
    fireEvent.click(link);
    expect(await within(region).findByText(/partial mappings go round in a cycle/)).toBeInTheDocument();
    expect(api.callsOf('linkItemCrosswalk')[1]).toEqual([{ checklistId: UCS.checklistId, itemId: '03.01', direction: 'covered-by', coverage: 'partial', note: 'Same NDA' }]);
  });

  it('offers no Remove for a mapping the crosswalk names by an earlier version, and says how to change it', async () => {
    const api = new FakeCrosswalkApi();
    api.item = { ...mapped, mappings: [{ direction: 'covers', coverage: 'full', ...UCS, itemId: '03.01', title: 'Confidentiality', state: 'held', issueKey: 'MSP-33', earlierVersion: true }] };
    renderWith(<ItemMappings api={api} />);
    const region = await screen.findByRole('region', { name: 'Other checklists' });
    expect(within(region).getByRole('listitem')).toHaveTextContent('Covers UCS 2023 03.01 (full) Confidentiality (the crosswalk names an earlier version; upload it again to change this mapping)');
    expect(within(region).queryByRole('button', { name: /^Remove:/ })).toBeNull();
  });

  it('offers no linking to someone who cannot edit the issue', async () => {
    const api = new FakeCrosswalkApi();
    api.item = { ...mapped, canEdit: false };
    renderWith(<ItemMappings api={api} />);
    const region = await screen.findByRole('region', { name: 'Other checklists' });
    expect(within(region).queryByRole('button')).toBeNull();
    expect(within(region).queryByText('Link to an item of another checklist')).toBeNull();
  });

  it('shows nothing on an issue that is no checklist item', async () => {
    const api = new FakeCrosswalkApi();
    api.item = { checklistId: null, itemId: null, mappings: [] };
    renderWith(<ItemMappings api={api} />);
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect(screen.queryByRole('region', { name: 'Other checklists' })).toBeNull();
  });
});

describe('the crosswalk upload', () => {
  const BAD = 'from checklist,from item,to checklist,to item,coverage\naws-msp-7.1,SEC-002,mspalliance-ucs-23,06.01,full\naws-msp-7.2,SEC-003,mspalliance-ucs-23,06.01,\n';
  const GOOD = 'from checklist,from item,to checklist,to item,coverage\naws-msp-7.1,SEC-002,mspalliance-ucs-23,06.01,full\n';
  const current = { revision: 'r1', rowCount: 40, fileName: 'old.csv', savedAt: '2025-11-01T09:00:00.000Z', savedBy: 'admin' };
  const choose = (content: string | Uint8Array, name: string) =>
    fireEvent.change(screen.getByLabelText(/^Crosswalk file/), { target: { files: [new File([typeof content === 'string' ? content : (content.slice().buffer as ArrayBuffer)], name)] } });
  const open = async (api: FakeCrosswalkApi) => {
    renderWith(<CrosswalkSection api={api} onSaved={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Upload a crosswalk' }));
    await screen.findByLabelText(/^Crosswalk file/);
  };

  it('lists a row’s problem where the spreadsheet shows it, then saves the fixed file on the revision its preview showed', async () => {
    const api = new FakeCrosswalkApi();
    api.previews = [
      { rowCount: 2, full: 0, partial: 0, pairs: [], problems: [{ row: 2, field: 'fromChecklist', message: 'no checklist "aws-msp-7.2"; did you mean "aws-msp-7.1"?' }], moreProblems: 0, current },
      { rowCount: 1, full: 1, partial: 0, pairs: [{ from: 'aws-msp-7.1', to: 'mspalliance-ucs-23', rows: 1 }], problems: [], moreProblems: 0, current },
    ];
    renderWith(<CrosswalkSection api={api} onSaved={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Upload a crosswalk' }));
    await screen.findByLabelText(/^Crosswalk file/);

    choose(BAD, 'map.csv');
    const problems = await screen.findByRole('table', { name: 'Problems' });
    expect(within(problems).getAllByRole('row')[1]).toHaveTextContent('3from checklistno checklist "aws-msp-7.2"; did you mean "aws-msp-7.1"?');
    expect(screen.getByRole('heading', { name: '1 problem to fix before saving' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save crosswalk' })).toBeDisabled();

    choose(GOOD, 'map.csv');
    expect(await screen.findByRole('heading', { name: 'No problems found' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Mappings per checklist pair' })).toHaveTextContent('aws-msp-7.1mspalliance-ucs-231');
    expect(screen.getByText(/Saving replaces the site's crosswalk \(40 rows from old\.csv, saved 2025-11-01\)/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Save crosswalk' }));
    expect(await screen.findByText(/The site's crosswalk is now 1 row from map\.csv/)).toBeInTheDocument();
    expect(api.callsOf('saveCrosswalk')).toEqual([[{ rows: [{ fromChecklist: 'aws-msp-7.1', fromItem: 'SEC-002', toChecklist: 'mspalliance-ucs-23', toItem: '06.01', coverage: 'full' }], fileName: 'map.csv', basedOn: 'r1' }]]);
    expect(api.callsOf('beginCrosswalkUpload')).toEqual([]);
  });

  it('reads an Excel workbook, sends each row with its sheet and Excel row, and lists a problem by sheet and row with the count not listed', async () => {
    const api = new FakeCrosswalkApi();
    api.previews = [
      {
        rowCount: 2,
        full: 0,
        partial: 0,
        pairs: [],
        problems: [{ row: 2, field: 'toItem', message: 'no item "06.99" in mspalliance-ucs-23; did you mean "06.09"?', sheet: 'Mappings', line: 4 }],
        moreProblems: 1200,
        current: null,
      },
    ];
    await open(api);
    const workbook = await buildXlsx([
      { name: 'Read me', rows: [['How to fill in this crosswalk'], ['One row per mapping.']] },
      {
        name: 'Mappings',
        rows: [
          ['From checklist', 'From item', 'To checklist', 'To item', 'Coverage'],
          ['aws-msp-7.1', 'SEC-002', 'mspalliance-ucs-23', '06.01', 'full'],
          [],
          ['aws-msp-7.1', 'SEC-003', 'mspalliance-ucs-23', '06.99', 'partial'],
        ],
      },
    ]);
    choose(workbook, 'crosswalk.xlsx');

    const problems = await screen.findByRole('table', { name: 'Problems' });
    const [header, first] = within(problems).getAllByRole('row').map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent));
    expect(header).toEqual(['Sheet', 'Row', 'Column', 'What to fix']);
    expect(first).toEqual(['Mappings', '4', 'to item', 'no item "06.99" in mspalliance-ucs-23; did you mean "06.09"?']);
    expect(screen.getByRole('heading', { name: '1,201 problems to fix before saving' })).toBeInTheDocument();
    expect(screen.getByText(/^1 listed below; 1,200 more not listed\./)).toBeInTheDocument();
    expect(screen.getByText(/Sheets and rows are as Excel shows them\./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save crosswalk' })).toBeDisabled();
    expect(api.callsOf('previewCrosswalk')).toEqual([
      [
        {
          rows: [
            { fromChecklist: 'aws-msp-7.1', fromItem: 'SEC-002', toChecklist: 'mspalliance-ucs-23', toItem: '06.01', coverage: 'full', sheet: 'Mappings', line: 2 },
            { fromChecklist: 'aws-msp-7.1', fromItem: 'SEC-003', toChecklist: 'mspalliance-ucs-23', toItem: '06.99', coverage: 'partial', sheet: 'Mappings', line: 4 },
          ],
        },
      ],
    ]);
  });

  it('stages a file past one call in parts, then previews and saves it by its upload id', async () => {
    const api = new FakeCrosswalkApi();
    api.previews = [{ rowCount: 4000, full: 4000, partial: 0, pairs: [{ from: 'aws-msp-7.1', to: 'mspalliance-ucs-23', rows: 4000 }], problems: [], moreProblems: 0, current: null }];
    await open(api);
    const note = 'Same evidence: the quarterly access review and its sign-off, kept in the shared drive.';
    const lines = Array.from({ length: 4000 }, (_, index) => `aws-msp-7.1,SEC-${String(index).padStart(4, '0')},mspalliance-ucs-23,06.01,full,${note}`);
    choose(`from checklist,from item,to checklist,to item,coverage,note\n${lines.join('\n')}\n`, 'big.csv');

    expect(await screen.findByRole('heading', { name: 'No problems found' })).toBeInTheDocument();
    const [[begin]] = api.callsOf('beginCrosswalkUpload') as [[BeginCrosswalkUploadPayload]];
    const parts = api.callsOf('appendCrosswalkRows').map(([part]) => part as { index: number; rows: CrosswalkRowPayload[] });
    expect(begin).toEqual({ fileName: 'big.csv', rowCount: 4000, partCount: parts.length });
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((part) => part.index)).toEqual(parts.map((_, index) => index));
    expect(parts.flatMap((part) => part.rows.map((row) => row.fromItem))).toEqual(lines.map((_, index) => `SEC-${String(index).padStart(4, '0')}`));
    expect(api.callsOf('previewCrosswalk')).toEqual([[{ uploadId: 'up-1' }]]);

    fireEvent.click(screen.getByRole('button', { name: 'Save crosswalk' }));
    expect(await screen.findByText(/The site's crosswalk is now/)).toBeInTheDocument();
    expect(api.callsOf('saveCrosswalk')).toEqual([[{ uploadId: 'up-1', fileName: 'big.csv', basedOn: null }]]);
  });

  it('says what is wrong with a file that is no crosswalk, without asking the server', async () => {
    const api = new FakeCrosswalkApi();
    renderWith(<CrosswalkSection api={api} onSaved={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Upload a crosswalk' }));
    await screen.findByLabelText(/^Crosswalk file/);
    choose('item,title\n1,Do it\n', 'checklist.csv');
    expect(await screen.findByText(/column 1 "item" is not a crosswalk column/)).toBeInTheDocument();
    expect(api.calls).toEqual([]);
  });
});
