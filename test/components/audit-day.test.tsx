/**
 * The audit-day section against a fake AuditDayApi: chapter dry runs, waivers, the CSV download and
 * the way to the print view; what a viewer sees; and changes that fail.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { typeLazyDate } from './atlaskit-select';
import AuditDaySection from '../../static/app/src/views/audit-day/AuditDaySection';
import { dayFixture, FakeAuditDayApi, fillWaiverProof } from './audit-day-fakes';
import { renderWithServices } from './fake-services';
import { pointsNotYet } from './fixtures';

function renderSection(api = new FakeAuditDayApi()) {
  const onScoreChanged = jest.fn();
  const onPrint = jest.fn();
  const view = renderWithServices(<AuditDaySection api={api} rollup={pointsNotYet} onScoreChanged={onScoreChanged} onPrint={onPrint} />);
  return { ...view, dayApi: api, onScoreChanged, onPrint };
}

const reviews = () => screen.findByRole('table', { name: 'Chapter reviews' });
const row = async (title: string) => within(await reviews()).getByRole('row', { name: new RegExp(title) });

describe('AuditDaySection', () => {
  describe('chapter dry runs', () => {
    it('shows each chapter reviewed, stale or not yet, with who, when, the note and what changed since', async () => {
      renderSection();
      expect(await screen.findByTestId('review-summary')).toHaveTextContent('1 of 2 chapters reviewed · 1 stale · 0 not yet');
      const business = await row('Business health');
      expect(business).toHaveTextContent('Reviewed');
      expect(business).toHaveTextContent('Reviewed 2025-11-20 by admin');
      expect(business).toHaveTextContent('“Walked with the CFO”');
      const security = await row('Security & compliance');
      expect(security).toHaveTextContent('Stale');
      expect(security).toHaveTextContent('Reviewed 2025-11-18 by admin; changed since: 8.3');
    });

    it('records a dry run with a note and shows the answer', async () => {
      const api = new FakeAuditDayApi();
      const fresh = dayFixture();
      fresh.chapters[1] = { chapterId: 'ch-08', title: 'Security & compliance', state: 'reviewed', changedItems: [], review: { reviewedBy: 'admin', reviewedAt: '2025-11-22T10:00:00.000Z', note: 'All green' } };
      fresh.reviewCounts = { reviewed: 2, stale: 0, notReviewed: 0 };
      api.changed = fresh;
      const { onScoreChanged } = renderSection(api);

      fireEvent.click(within(await row('Security & compliance')).getByRole('button', { name: 'Review again: Security & compliance' }));
      fireEvent.change(screen.getByLabelText('Note on the dry run of Security & compliance (optional)'), { target: { value: '  All green ' } });
      fireEvent.click(screen.getByRole('button', { name: 'Record the dry run' }));

      await waitFor(() => expect(screen.getByTestId('review-summary')).toHaveTextContent('2 of 2 chapters reviewed · 0 stale · 0 not yet'));
      expect(api.callsOf('markChapterReviewed')).toEqual([[{ checklistId: 'aws-msp-4.1', chapterId: 'ch-08', note: 'All green' }]]);
      expect(onScoreChanged).not.toHaveBeenCalled();
    });

    it('keeps an over-long note from being sent and says why', async () => {
      const { dayApi } = renderSection();
      fireEvent.click(within(await row('Business health')).getByRole('button', { name: /^(Mark reviewed|Review again): Business health$/ }));
      fireEvent.change(screen.getByLabelText('Note on the dry run of Business health (optional)'), { target: { value: 'x'.repeat(2001) } });
      expect(screen.getByRole('alert')).toHaveTextContent('Shorten the note to at most 2000 characters.');
      expect(screen.getByRole('button', { name: 'Record the dry run' })).toBeDisabled();
      expect(dayApi.callsOf('markChapterReviewed')).toEqual([]);
    });
  });

  describe('waivers', () => {
    it('lists the waivers in force with their reason, and the named ones on offer', async () => {
      renderSection();
      const inForce = await screen.findByRole('list', { name: 'Waivers in force' });
      expect(inForce).toHaveTextContent('AWS DevOps Competency');
      expect(inForce).toHaveTextContent('Item 8.3');
      expect(inForce).toHaveTextContent('Reason: Covers the deployment pipeline control.');
      expect(inForce).toHaveTextContent('Applied 2025-11-21 by admin');
      const offered = screen.getByRole('list', { name: 'Named waivers' });
      expect(within(offered).getAllByRole('listitem')).toHaveLength(1);
      expect(offered).toHaveTextContent('AWS Level 1 MSSP Competency');
      expect(offered).toHaveTextContent('Chapter Security & compliance');
    });

    it('applies and removes a waiver, then asks the page to reload the score', async () => {
      const { dayApi, onScoreChanged } = renderSection();
      fireEvent.click(await screen.findByRole('button', { name: 'Apply the waiver AWS Level 1 MSSP Competency' }));
      // Nothing is sent before the person confirms what the waiver covers.
      const confirm = screen.getByRole('group', { name: 'Confirm the waiver AWS Level 1 MSSP Competency' });
      expect(confirm).toHaveTextContent('Apply “AWS Level 1 MSSP Competency”? Chapter Security & compliance will count as waived in the score.');
      expect(dayApi.callsOf('applyWaiver')).toEqual([]);
      // The proof comes first: the button waits for a title, where to find it and both dates.
      expect(within(confirm).getByRole('button', { name: 'Apply waiver' })).toBeDisabled();
      expect(confirm).toHaveTextContent('Still needed: a title, a link or a note saying where the auditor finds it, the effective date, the expiry date.');
      fireEvent.change(within(confirm).getByLabelText('Proof title'), { target: { value: ' MSSP Competency letter ' } });
      fireEvent.change(within(confirm).getByLabelText('Link'), { target: { value: 'https://partners.example.com/mssp' } });
      await typeLazyDate(within(confirm), 'Effective date', '2025-06-01');
      await typeLazyDate(within(confirm), 'Expiry date (last valid day)', '2027-05-31');
      fireEvent.click(within(confirm).getByRole('button', { name: 'Apply waiver' }));
      await waitFor(() => expect(onScoreChanged).toHaveBeenCalledTimes(1));
      fireEvent.click(screen.getByRole('button', { name: 'Remove the waiver AWS DevOps Competency' }));
      await waitFor(() => expect(onScoreChanged).toHaveBeenCalledTimes(2));
      expect(dayApi.callsOf('applyWaiver')).toEqual([
        ['aws-msp-4.1', 'mssp', { kind: 'document', title: 'MSSP Competency letter', url: 'https://partners.example.com/mssp', effectiveDate: '2025-06-01', expiryDate: '2027-05-31' }],
      ]);
      expect(dayApi.callsOf('removeWaiver')).toEqual([['aws-msp-4.1', 'devops-competency']]);
    });

    it('adds a team waiver with a reason for chapters and items, checked before it is sent', async () => {
      const { dayApi, onScoreChanged } = renderSection();
      const form = await screen.findByRole('form', { name: 'Add a team waiver' });
      fireEvent.click(within(form).getByRole('button', { name: 'Add waiver' }));
      expect(within(form).getByRole('alert')).toHaveTextContent('Give a reason: an auditor will ask why these items are waived.');
      expect(within(form).getByRole('alert')).toHaveTextContent('Pick at least one chapter or type at least one item id.');
      // Each problem also stands under its field, which it describes.
      expect(within(form).getByLabelText('Reason')).toHaveAccessibleDescription('Give a reason: an auditor will ask why these items are waived.');
      expect(within(form).getByLabelText('Reason')).toBeInvalid();

      fireEvent.change(within(form).getByLabelText('Reason'), { target: { value: 'Covered by the group audit' } });
      fireEvent.change(within(form).getByLabelText('Items (ids separated by commas or spaces)'), { target: { value: '8.3, 99.9' } });
      fireEvent.click(within(form).getByRole('button', { name: 'Add waiver' }));
      expect(within(form).getByRole('alert')).toHaveTextContent('Not in this checklist: 99.9.');

      fireEvent.change(within(form).getByLabelText('Name (optional)'), { target: { value: 'Group audit' } });
      fireEvent.change(within(form).getByLabelText('Items (ids separated by commas or spaces)'), { target: { value: '8.3 10.1,8.3' } });
      fireEvent.click(within(form).getByRole('checkbox', { name: 'Business health' }));
      fireEvent.click(within(form).getByRole('button', { name: 'Add waiver' }));
      // Nothing is sent before the person confirms what it covers.
      const confirm = within(form).getByRole('group', { name: 'Confirm the team waiver' });
      expect(confirm).toHaveTextContent('Add “Group audit” covering chapter Business health; items 8.3, 10.1, with the reason “Covered by the group audit”? It is recorded with your name and today’s date.');
      expect(confirm).toHaveTextContent(/It covers mandatory items? [^:]*8\.3[^:]*: this changes whether the project passes, and only a project admin may add it\./);
      expect(dayApi.callsOf('addCustomWaiver')).toEqual([]);
      fireEvent.click(within(confirm).getByRole('button', { name: 'Confirm and add' }));
      await waitFor(() => expect(onScoreChanged).toHaveBeenCalled());
      expect(dayApi.callsOf('addCustomWaiver')).toEqual([
        [{ checklistId: 'aws-msp-4.1', name: 'Group audit', reason: 'Covered by the group audit', items: ['8.3', '10.1'], chapters: ['ch-01'] }],
      ]);
    });

    it('adds a team waiver with its optional proof, asking for the rest of the proof once ticked', async () => {
      const { dayApi, onScoreChanged } = renderSection();
      const form = await screen.findByRole('form', { name: 'Add a team waiver' });
      fireEvent.change(within(form).getByLabelText('Reason'), { target: { value: 'Group SOC 2 report' } });
      fireEvent.change(within(form).getByLabelText('Items (ids separated by commas or spaces)'), { target: { value: '10.1' } });
      fireEvent.click(within(form).getByRole('checkbox', { name: 'Attach proof (optional: the waiver then lapses when it expires)' }));
      fireEvent.change(within(form).getByLabelText('Proof title'), { target: { value: 'SOC 2 Type II report' } });
      fireEvent.click(within(form).getByRole('button', { name: 'Add waiver' }));
      expect(within(form).getByRole('alert')).toHaveTextContent(
        'Complete the proof (or untick it): still needed a link or a note saying where the auditor finds it, the effective date, the expiry date.',
      );
      await fillWaiverProof(form);
      fireEvent.click(within(form).getByRole('button', { name: 'Add waiver' }));
      fireEvent.click(within(within(form).getByRole('group', { name: 'Confirm the team waiver' })).getByRole('button', { name: 'Confirm and add' }));
      await waitFor(() => expect(onScoreChanged).toHaveBeenCalled());
      expect(dayApi.callsOf('addCustomWaiver')).toEqual([
        [
          {
            checklistId: 'aws-msp-4.1',
            reason: 'Group SOC 2 report',
            items: ['10.1'],
            proof: { kind: 'document', title: 'Competency letter', url: 'https://partners.example.com/letter', effectiveDate: '2025-06-01', expiryDate: '2027-05-31' },
          },
        ],
      ]);
    });

    it('shows a waiver’s proof with its link and lapse date, a lapsed one as lapsed, and one without proof as such', async () => {
      const api = new FakeAuditDayApi();
      const base = dayFixture().waivers[0]!;
      const proof = { kind: 'document' as const, title: 'DevOps Competency letter', url: 'https://partners.example.com/devops', effectiveDate: '2025-06-01', expiryDate: '2027-05-31' };
      api.day = dayFixture({
        waivers: [
          { ...base, proof, lapsesOn: '2027-06-01' },
          { ...base, id: 'old', name: 'Older exemption', proof: { ...proof, title: 'Old letter', url: 'javascript:alert(1)' }, lapsesOn: '2026-01-01', lapsed: true },
          { ...base, id: 'legacy', name: 'Legacy exemption', source: 'named' },
        ],
      });
      renderSection(api);
      const [current, lapsed, legacy] = within(await screen.findByRole('list', { name: 'Waivers in force' })).getAllByRole('listitem');
      expect(within(current!).getByRole('link', { name: 'DevOps Competency letter' })).toHaveAttribute('href', 'https://partners.example.com/devops');
      expect(current).toHaveTextContent('Proof: DevOps Competency letter, valid 2025-06-01 to 2027-05-31');
      expect(current).toHaveTextContent('Lapses on 2027-06-01 unless renewed.');
      // A stored link that is not http(s) is never rendered as a link.
      expect(within(lapsed!).queryByRole('link')).toBeNull();
      expect(lapsed).toHaveTextContent('Lapsed on 2026-01-01: its proof expired, so the items it covers count on their own.');
      expect(legacy).toHaveTextContent('No proof on record: applied before proof was asked for.');
    });

    it('shows what the server refused, and keeps the page as it was', async () => {
      const api = new FakeAuditDayApi();
      api.changed = new Error('AWS Level 1 MSSP Competency is already in force; nothing to do.');
      const { onScoreChanged } = renderSection(api);
      fireEvent.click(await screen.findByRole('button', { name: 'Apply the waiver AWS Level 1 MSSP Competency' }));
      await fillWaiverProof(screen.getByRole('group', { name: 'Confirm the waiver AWS Level 1 MSSP Competency' }));
      fireEvent.click(screen.getByRole('button', { name: 'Apply waiver' }));
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('That change was not saved');
      expect(alert).toHaveTextContent('AWS Level 1 MSSP Competency is already in force; nothing to do.');
      expect(onScoreChanged).not.toHaveBeenCalled();
    });
  });

  it('shows a viewer the states and waivers without any way to change them', async () => {
    const api = new FakeAuditDayApi();
    api.day = dayFixture({ canEdit: false });
    renderSection(api);
    await reviews();
    expect(screen.queryByRole('button', { name: /^(Mark reviewed|Review again): / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Apply the waiver|Remove the waiver/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Add a team waiver' })).not.toBeInTheDocument();
    expect(screen.getByText('Recording a dry run needs the Edit issues permission in this project.')).toBeInTheDocument();
    expect(
      screen.getByText('Applying or removing a waiver needs the Edit issues permission in this project; one that covers mandatory items needs Administer projects.'),
    ).toBeInTheDocument();
  });

  it('tells an editor that a waiver covering mandatory items is a project admin’s to apply or remove, and offers no button for it', async () => {
    const api = new FakeAuditDayApi();
    const base = dayFixture({ canEdit: true });
    api.day = {
      ...base,
      canAdminister: false,
      waivers: base.waivers.map((waiver) => ({ ...waiver, mandatoryItems: ['6.1'] })),
      namedWaivers: base.namedWaivers.map((waiver) => ({ ...waiver, mandatoryItems: ['8.1', '8.2'] })),
    };
    renderSection(api);
    const offered = await screen.findByRole('list', { name: 'Named waivers' });
    expect(offered).toHaveTextContent('Covers mandatory items 8.1, 8.2');
    expect(offered).toHaveTextContent('It covers mandatory items, so only a project admin (Administer projects) may apply it.');
    expect(screen.queryByRole('button', { name: /Apply the waiver|Remove the waiver/ })).not.toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Waivers in force' })).toHaveTextContent('Only a project admin (Administer projects) may remove it.');
  });

  it('says why the audit day could not load and offers to try again', async () => {
    const api = new FakeAuditDayApi();
    api.day = new Error('You need the Browse projects permission in project MSP to see the audit day.');
    renderSection(api);
    expect(await screen.findByRole('alert')).toHaveTextContent('You need the Browse projects permission in project MSP to see the audit day.');
    api.day = dayFixture();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await reviews()).toBeInTheDocument();
  });

  describe('audit pack', () => {
    const createObjectURL = jest.fn(() => 'blob:csv-1');
    const revokeObjectURL = jest.fn();
    let clicked: { href: string; download: string }[];
    beforeEach(() => {
      clicked = [];
      Object.assign(URL, { createObjectURL, revokeObjectURL });
      jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push({ href: this.getAttribute('href') ?? '', download: this.download });
      });
    });
    afterEach(() => jest.restoreAllMocks());

    it('downloads the CSV as a file named by the server, and keeps a link to save it again', async () => {
      const { dayApi } = renderSection();
      fireEvent.click(await screen.findByRole('button', { name: 'Download CSV' }));
      const status = await screen.findByText(/1 item exported/);
      expect(dayApi.callsOf('exportCsv')).toEqual([['aws-msp-4.1']]);
      expect(clicked).toEqual([{ href: 'blob:csv-1', download: 'MSP-aws-msp-4.1-audit-pack-2025-11-22.csv' }]);
      const blob = (createObjectURL.mock.calls[0] as unknown as [Blob])[0];
      expect(blob.type).toBe('text/csv;charset=utf-8');
      expect(within(status).getByRole('link', { name: 'save MSP-aws-msp-4.1-audit-pack-2025-11-22.csv' })).toHaveAttribute('download', 'MSP-aws-msp-4.1-audit-pack-2025-11-22.csv');
    });

    it('says why the export failed', async () => {
      const api = new FakeAuditDayApi();
      api.csv = new Error('The audit pack is 6 MB, more than Forge lets the app send in one answer (5 MB).');
      renderSection(api);
      fireEvent.click(await screen.findByRole('button', { name: 'Download CSV' }));
      expect(await screen.findByRole('alert')).toHaveTextContent('Could not export the audit pack');
      expect(clicked).toEqual([]);
    });

    it('opens the print view on request', async () => {
      const { onPrint } = renderSection();
      fireEvent.click(await screen.findByRole('button', { name: 'Print view' }));
      expect(onPrint).toHaveBeenCalledTimes(1);
    });
  });
});
