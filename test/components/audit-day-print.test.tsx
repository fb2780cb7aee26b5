/**
 * The printable report and its place in the Audit page: reached from the audit-day section, opens
 * the print dialog once, lists the summary then each chapter's items with evidence, and goes back.
 * Also the page wiring: a waiver change reloads the score; a chapter shows the waiver covering it.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { AppServices } from '../../static/app/src/api/audit-api';
import { ServicesProvider } from '../../static/app/src/api/services';
import AuditPage from '../../static/app/src/views/audit/AuditPage';
import PrintView from '../../static/app/src/views/audit-day/PrintView';
import { FakeAuditDayApi, fillWaiverProof, reportFixture } from './audit-day-fakes';
import { FakeAuditApi, FROZEN_NOW } from './fake-services';
import { pointsNotYet } from './fixtures';

function renderWith(ui: React.ReactElement, dayApi = new FakeAuditDayApi(), api = new FakeAuditApi()) {
  const opened: string[] = [];
  const services: AppServices = { api, auditDay: dayApi, host: { open: async (path) => void opened.push(path) }, now: () => FROZEN_NOW };
  return { ...render(<ServicesProvider services={services}>{ui}</ServicesProvider>), api, dayApi, opened };
}

describe('PrintView', () => {
  let print: jest.Mock;
  beforeEach(() => {
    print = jest.fn();
    window.print = print;
  });

  it('shows the summary, then chapter by chapter, item by item with evidence, and opens the print dialog once', async () => {
    const { opened } = renderWith(<PrintView api={new FakeAuditDayApi()} checklistId="aws-msp-4.1" onBack={() => undefined} />);
    const report = await screen.findByRole('article', { name: 'Audit report' });
    expect(within(report).getByRole('heading', { level: 1 })).toHaveTextContent('Audit report: AWS MSP Partner Program 4.1');
    const summary = within(report).getByTestId('report-summary');
    expect(summary).toHaveTextContent('Score845 / 1000 (pass mark 900)');
    expect(summary).toHaveTextContent('Would not pass yet');
    expect(summary).toHaveTextContent('Open mandatory items10.1');
    expect(summary).toHaveTextContent('1 reviewed · 1 stale · 0 not yet');
    expect(summary).toHaveTextContent('AWS DevOps Competency: Covers the deployment pipeline control. (applied by admin on 2025-11-21)');
    expect(summary).toHaveTextContent('49 met · 1 waived · 0 N/A · 1 not met · 10 not assessed · 61 in all');

    const chapter = within(report).getByRole('region', { name: 'Security & compliance' });
    expect(chapter).toHaveTextContent('645 of 700 points · 40 of 51 met, N/A or waived · dry run: Stale: reviewed 2025-11-18, changed since: 8.3');
    const item = chapter.querySelector('[data-item="8.3"]') as HTMLElement;
    expect(item).toHaveTextContent('8.3 Vulnerability management (mandatory) · 40 points');
    expect(item).toHaveTextContent('Waived: AWS DevOps Competency, by admin, on 2025-11-21 — Waived: AWS DevOps Competency — Covers the deployment pipeline control.');
    expect(item).not.toHaveTextContent(/\bMet\b/);
    expect(item).toHaveTextContent('OwnerAda Admin');
    expect(item).toHaveTextContent('Scan report (document, accepted, expires 2026-01-31)');
    // Every evidence note is in the report, its line breaks kept.
    expect(within(item).getByText(/Live demo from the SOC console/)).toHaveTextContent('Live demo from the SOC console, runbook section 4');
    expect(within(item).getByText(/Live demo from the SOC console/).textContent).toBe('Live demo from the SOC console,\nrunbook section 4');

    fireEvent.click(within(item).getByRole('link', { name: 'Scan report' }));
    fireEvent.click(within(item).getByRole('link', { name: 'MSP-12' }));
    expect(opened).toEqual(['https://intranet.example/scan', '/browse/MSP-12']);

    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    fireEvent.click(screen.getByRole('button', { name: 'Print or save as PDF' }));
    expect(print).toHaveBeenCalledTimes(2);
  });

  it('says when the evidence field is missing from the site', async () => {
    const api = new FakeAuditDayApi();
    const fixture = reportFixture();
    fixture.report.evidenceAvailable = false;
    api.report = fixture;
    renderWith(<PrintView api={api} checklistId="aws-msp-4.1" onBack={() => undefined} autoPrint={false} />);
    expect(await screen.findByTestId('report-summary')).toHaveTextContent('The evidence field is not installed in this Jira site, so no evidence is listed.');
    expect(print).not.toHaveBeenCalled();
  });

  it('names who applied each waiver by display name, as the rest of the Audit day does (the account id when Jira gave no name)', async () => {
    const api = new FakeAuditDayApi();
    const fixture = reportFixture();
    fixture.people = { admin: 'Ada Admin' };
    api.report = fixture;
    renderWith(<PrintView api={api} checklistId="aws-msp-4.1" onBack={() => undefined} autoPrint={false} />);
    const waivers = await screen.findByTestId('report-waivers');
    expect(waivers).toHaveTextContent('AWS DevOps Competency: Covers the deployment pipeline control. (applied by Ada Admin on 2025-11-21)');
    expect(waivers).not.toHaveTextContent('applied by admin');
  });

  it('says why the report could not be prepared, without opening the print dialog', async () => {
    const api = new FakeAuditDayApi();
    api.report = new Error('You need the Browse projects permission in project MSP to export the audit pack.');
    renderWith(<PrintView api={api} checklistId="aws-msp-4.1" onBack={() => undefined} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not prepare the audit report');
    expect(screen.getByRole('button', { name: 'Print or save as PDF' })).toBeDisabled();
    expect(print).not.toHaveBeenCalled();
  });
});

describe('AuditPage with audit day', () => {
  beforeEach(() => {
    window.print = jest.fn();
  });

  it('loads the audit day under the score, opens the print view from it and comes back', async () => {
    const api = new FakeAuditApi();
    api.rollups = [pointsNotYet];
    renderWith(<AuditPage pollMs={1} />, new FakeAuditDayApi(), api);
    fireEvent.click(await screen.findByRole('tab', { name: 'Audit day' }));
    expect(await screen.findByRole('region', { name: 'Audit day' })).toBeInTheDocument();
    fireEvent.click(await screen.findByRole('button', { name: 'Print view' }));
    expect(await screen.findByRole('article', { name: 'Audit report' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Audit day' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Back to the Audit page' }));
    // Back on the tab the report was opened from.
    expect(await screen.findByRole('region', { name: 'Audit day' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Audit day' })).toHaveAttribute('aria-selected', 'true');
  });

  it('reloads the score (without a Jira refresh) after a waiver change, and shows the chapter waiver with its reason', async () => {
    const api = new FakeAuditApi();
    const waived = {
      ...pointsNotYet,
      chapters: pointsNotYet.chapters.map((chapter) =>
        chapter.id === 'ch-08' ? { ...chapter, waivedBy: 'AWS Level 1 MSSP Competency', waiverReason: 'Exempts the whole Security section.' } : chapter,
      ),
    };
    api.rollups = [pointsNotYet, waived];
    renderWith(<AuditPage pollMs={1} />, new FakeAuditDayApi(), api);
    fireEvent.click(await screen.findByRole('tab', { name: 'Audit day' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Apply the waiver AWS Level 1 MSSP Competency' }));
    await fillWaiverProof(screen.getByRole('group', { name: 'Confirm the waiver AWS Level 1 MSSP Competency' }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply waiver' }));
    await waitFor(() => expect(api.callsOf('getRollup')).toHaveLength(2));
    fireEvent.click(screen.getByRole('tab', { name: 'Chapters' }));
    const chapters = await screen.findByRole('region', { name: 'Chapters' });
    await waitFor(() => expect(within(chapters).getByRole('row', { name: /Security & compliance/ })).toHaveTextContent('Waived: AWS Level 1 MSSP Competency — Exempts the whole Security section.'));
    expect(api.callsOf('getRollup')).toEqual([[{ checklistId: undefined, refresh: false }], [{ checklistId: 'aws-msp-4.1' }]]);
    await act(async () => undefined);
  });

  it('leaves the audit day out where the host gives no audit-day service', async () => {
    const api = new FakeAuditApi();
    api.rollups = [pointsNotYet];
    const services: AppServices = { api, host: { open: async () => undefined }, now: () => FROZEN_NOW };
    render(
      <ServicesProvider services={services}>
        <AuditPage pollMs={1} />
      </ServicesProvider>,
    );
    expect(await screen.findByRole('region', { name: 'Audit score' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Audit day' })).not.toBeInTheDocument();
  });
});
