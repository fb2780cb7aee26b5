/**
 * The upload view against a fake AuditApi: a file chosen in the page is read there, its columns
 * are mapped (guessed, then overridden), every problem is listed by row and column with Save held
 * back, the settings derive the id, and Save sends the built checklist (or shows the refusal).
 */
import { chooseOption } from './atlaskit-select';
import { TextDecoder, TextEncoder } from 'node:util';
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import UploadView from '../../static/app/src/views/upload/UploadView';
import { ProblemList } from '../../static/app/src/views/upload/ProblemList';
import type { SaveCustomChecklistPayload, SaveCustomChecklistResult } from '../../common/custom-checklists';
import type { ChecklistSummary } from '../../common/contract';
import { FakeAuditApi, renderWithServices } from './fake-services';
import { awsSummary } from './fixtures';

// jsdom has no TextDecoder; the file readers decode bytes with it, as browsers do.
Object.assign(globalThis, { TextDecoder, TextEncoder });
// Reading a file and rebuilding the preview takes a moment on a loaded machine (the full suite runs in parallel).
configure({ asyncUtilTimeout: 5000 });

const CSV = [
  'Ref,Control,Area,What it asks,Pts,Must have,Met?',
  '1.1,Service catalogue,Governance,Publish the catalogue.,30,yes,Yes',
  '1.2,Customer references,Governance,Keep references.,20,no,Yes',
  '2.1,Incident management,Operations,Run incidents.,30,yes,No',
  '2.2,Change management,Operations,Review changes.,20,no,',
].join('\n');

const builtin71: ChecklistSummary = { ...awsSummary, id: 'aws-msp-7.1', version: '7.1', model: 'met', name: 'AWS MSP Validation Checklist' };
const teamV1: ChecklistSummary = { ...awsSummary, id: 'team-list-1', framework: 'team-list', name: 'Team list', version: '1', source: 'custom', itemCount: 4 };

function csvFile(text: string, name = 'team-list.csv'): File {
  return new File([text], name, { type: 'text/csv' });
}

function renderUpload(existing: ChecklistSummary[] = [builtin71], api = new FakeAuditApi()) {
  const onSaved = jest.fn<void, [SaveCustomChecklistResult]>();
  const onCancel = jest.fn();
  const harness = renderWithServices(<UploadView existing={existing} onSaved={onSaved} onCancel={onCancel} />, api);
  return { ...harness, onSaved, onCancel };
}

async function choose(file: File): Promise<void> {
  await act(async () => {
    fireEvent.change(screen.getByLabelText(/^Checklist file/), { target: { files: [file] } });
  });
  // The preview follows the form a render later (it is deferred while typing).
  await waitFor(() => expect(screen.queryByRole('region', { name: /^Preview:/ }) ?? screen.queryByRole('alert')).not.toBeNull());
}

/** What the Select labelled `name` shows as picked (its cell holds only the Select). */
const held = (name: string): string => screen.getByRole('combobox', { name }).closest('td')?.textContent ?? '';
const problemRows = (): string[] =>
  within(screen.getByRole('table', { name: 'Problems' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent).join(' | '));

describe('UploadView', () => {
  describe('when a CSV is chosen', () => {
    it('guesses the mapping from the headers and leaves unknown headers unmapped', async () => {
      renderUpload();
      await choose(csvFile(CSV));
      expect(held('Column Ref holds')).toBe('Item id');
      expect(held('Column Control holds')).toBe('Title');
      expect(held('Column Area holds')).toBe('Chapter');
      expect(held('Column What it asks holds')).toBe('Requirement');
      expect(held('Column Pts holds')).toBe('Points');
      expect(held('Column Met? holds')).toBe('Met? (initial result)');
      expect(held('Column Must have holds')).toBe('— not imported —');
      const mapping = screen.getByRole('table', { name: 'Column mapping' });
      expect(within(mapping).getByRole('row', { name: /Must have/ })).toHaveTextContent('yes · no');
    });

    it('updates the preview when a column is mapped by hand, and holds Save while problems remain', async () => {
      renderUpload();
      await choose(csvFile(CSV));
      const preview = screen.getByRole('region', { name: /^Preview:/ });
      expect(preview).toHaveTextContent('4 items in 2 chapters');
      expect(preview).toHaveTextContent('0 mandatory items');
      expect(preview).toHaveTextContent('2 met, 1 not met, 0 N/A');
      // Points model guessed from the Pts column: it needs a pass mark.
      expect(problemRows()).toEqual(['Settings | pass mark | the points model needs a pass mark, e.g. 900 out of 1000']);
      expect(screen.getByRole('button', { name: 'Save checklist' })).toBeDisabled();

      chooseOption(screen, 'Column Must have holds', 'Mandatory');
      expect(held('Column Must have holds')).toBe('Mandatory');
      expect(within(screen.getByRole('table', { name: 'Column mapping' })).getByRole('row', { name: /Must have/ })).toHaveTextContent('set by you');
      await waitFor(() => expect(screen.getByRole('region', { name: /^Preview:/ })).toHaveTextContent('2 mandatory items'));

      fireEvent.change(screen.getByLabelText('Pass mark'), { target: { value: '60' } });
      await screen.findByText('No problems found');
      expect(screen.getByRole('button', { name: 'Save checklist' })).toBeEnabled();
    });

    it('lists bad cells by row and column, left to right', async () => {
      renderUpload();
      await choose(csvFile(CSV.replace('2.1,Incident management,Operations,Run incidents.,30', '2 1,Incident management,Operations,Run incidents.,ten')));
      fireEvent.change(screen.getByLabelText('Pass mark'), { target: { value: '60' } });
      await waitFor(() =>
        expect(problemRows()).toEqual([
          '4 | Ref | id "2 1" may only hold letters, digits, ".", "_" and "-" (no spaces), starting with a letter or digit, e.g. SEC-001',
          '4 | Pts | "ten" is not a number; points must be a whole number such as 10',
        ]),
      );
      expect(screen.getByRole('heading', { name: '2 problems to fix before saving' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Save checklist' })).toBeDisabled();
    });

    it('derives framework and id from the name, keeps clear of saved versions, and offers a new version of one', async () => {
      renderUpload([builtin71, teamV1]);
      await choose(csvFile(CSV));
      fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'ISO Controls' } });
      await waitFor(() => expect(screen.getByLabelText('Checklist id')).toHaveValue('iso-controls-1'));
      expect(screen.getByLabelText('Framework')).toHaveValue('iso-controls');

      fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Team list' } });
      fireEvent.change(screen.getByLabelText('Pass mark'), { target: { value: '60' } });
      await waitFor(() => expect(problemRows()).toContain('Settings | checklist id | "team-list-1" is already saved (Team list 1); give this file a new version to save it beside that one'));

      chooseOption(screen, 'This file is', 'a new version of Team list (saved: 1)');
      expect(screen.getByLabelText('Version')).toHaveValue('2');
      expect(screen.getByLabelText('Checklist id')).toHaveValue('team-list-2');
      await screen.findByText('No problems found');
    });
  });

  describe('when the file cannot be read', () => {
    it('says why for an old Excel file and for a file over 5 MB, and offers nothing to save', async () => {
      renderUpload();
      await choose(new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])], 'list.xls'));
      expect(await screen.findByRole('alert')).toHaveTextContent('list.xls: is a .xls file; choose a .csv, .xlsx, .yaml or .json file: it is an old Excel 97-2003 workbook');
      const big = csvFile('x');
      Object.defineProperty(big, 'size', { value: 6 * 1024 * 1024 });
      await choose(big);
      expect(await screen.findByRole('alert')).toHaveTextContent('team-list.csv: is 6 MB; the limit is 5 MB.');
      expect(screen.queryByRole('table', { name: 'Column mapping' })).not.toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Save checklist' })).toBeDisabled();
    });
  });

  describe('when saving', () => {
    it('sends the built checklist with its Met? answers and hands the result back', async () => {
      const api = new FakeAuditApi();
      const result: SaveCustomChecklistResult = { checklist: { ...teamV1, id: 'team-list-1' }, unchanged: false, initialResults: 3 };
      api.saveResult = result;
      const { onSaved } = renderUpload([builtin71], api);
      await choose(csvFile(CSV));
      fireEvent.change(screen.getByLabelText('Pass mark'), { target: { value: '60' } });
      await screen.findByText('No problems found');
      fireEvent.click(screen.getByRole('button', { name: 'Save checklist' }));
      await waitFor(() => expect(onSaved).toHaveBeenCalledWith(result));
      const [payload] = api.callsOf('saveCustomChecklist')[0] as [SaveCustomChecklistPayload];
      expect(payload.fileName).toBe('team-list.csv');
      expect(payload.initialResults).toEqual({ '1.1': 'met', '1.2': 'met', '2.1': 'not_met' });
      expect(payload.definition).toMatchObject({ id: 'team-list-1', framework: 'team-list', version: '1', model: 'points', passRule: { passMark: 60 }, maxScore: 100 });
    });

    it('shows the server refusal line by line and keeps the form', async () => {
      const api = new FakeAuditApi();
      api.saveResult = new Error(
        'There was an error invoking the function - team-list.csv was not saved: it has 2 problems. Fix them and save again:\nitem 1.1: title: too long\nitem 2.2: requirement: too long',
      );
      renderUpload([builtin71], api);
      await choose(csvFile(CSV));
      fireEvent.change(screen.getByLabelText('Pass mark'), { target: { value: '60' } });
      await screen.findByText('No problems found');
      fireEvent.click(screen.getByRole('button', { name: 'Save checklist' }));
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('The checklist was not saved');
      expect(within(alert).getByText('team-list.csv was not saved: it has 2 problems. Fix them and save again:')).toBeInTheDocument();
      expect(within(within(alert).getByRole('list', { name: 'Problems found by Jira' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
        'item 1.1: title: too long',
        'item 2.2: requirement: too long',
      ]);
      expect(screen.getByRole('button', { name: 'Save checklist' })).toBeEnabled();
    });
  });
});

describe('ProblemList', () => {
  it('names the sheet when several are in play, and says Settings or File for row 0', () => {
    renderWithServices(
      <ProblemList
        problems={[
          { sheet: 'MSP Prerequisites', row: 5, column: 'Met?', message: 'met "Maybe" is not Yes or No' },
          { row: 0, column: 'version', message: 'version 7.1 exists' },
          { row: 0, column: '', message: 'the file has 2,345 items' },
        ]}
        warnings={[{ sheet: 'MSP Technical Validation', row: 9, column: 'E', message: 'row skipped' }]}
      />,
    );
    expect(screen.getByRole('heading', { name: '3 problems to fix before saving' })).toBeInTheDocument();
    expect(problemRows()).toEqual(['MSP Prerequisites | 5 | Met? | met "Maybe" is not Yes or No', ' | Settings | version | version 7.1 exists', ' | File |  | the file has 2,345 items']);
    expect(screen.getByText('1 warning (saving is still possible)')).toBeInTheDocument();
  });
});
