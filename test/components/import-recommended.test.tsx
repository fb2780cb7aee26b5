import { fireEvent, screen } from '@testing-library/react';
import AuditPage from '../../static/app/src/views/audit/AuditPage';
import { recommendedChecklist, validityCovers } from '../../static/app/src/views/audit/import/recommended';
import { FakeAuditApi, renderWithServices } from './fake-services';
import { awsChecklist, awsSummary, importStatus, ucsSummary } from './fixtures';
import type { ChecklistSummary } from '../../common/contract';

const msp = (version: string, validity?: ChecklistSummary['validity']): ChecklistSummary => ({
  ...awsSummary,
  id: `aws-msp-${version}`,
  version,
  ...(validity ? { validity } : {}),
});
const v70 = msp('7.0', { validFrom: '2024-08-01', validUntil: '2025-08-28' });
const v71 = msp('7.1', { validFrom: '2025-08-29', validUntil: '2026-02-28', usableUntil: '2026-05-31' });
const v4 = msp('4.x', { historical: true });

describe('recommendedChecklist', () => {
  it('picks the newest AWS MSP version whose validity covers today', () => {
    expect(recommendedChecklist([ucsSummary, v4, v70, v71], '2025-10-01')?.id).toBe('aws-msp-7.1');
    expect(recommendedChecklist([ucsSummary, v71, v70], '2025-01-10')?.id).toBe('aws-msp-7.0');
  });

  it('falls back on the first checklist when no AWS MSP version is in force, and on nothing when none is offered', () => {
    // 7.1 is past its validity (only still usable): not "covering today".
    expect(recommendedChecklist([ucsSummary, v4, v70, v71], '2026-03-10')?.id).toBe('ucs-23');
    expect(recommendedChecklist([], '2026-03-10')).toBeUndefined();
    // Never the historical 4.x template when another checklist is offered, whatever the order.
    expect(recommendedChecklist([v4, v70, v71, ucsSummary], '2026-12-07')?.id).toBe('ucs-23');
    expect(recommendedChecklist([v4], '2026-12-07')?.id).toBe('aws-msp-4.x');
  });

  it('counts the first and last valid day as covered, a historical version never', () => {
    expect(validityCovers(v71.validity, '2025-08-29')).toBe(true);
    expect(validityCovers(v71.validity, '2026-02-28')).toBe(true);
    expect(validityCovers(v71.validity, '2026-03-01')).toBe(false);
    expect(validityCovers(v71.validity, '2025-08-28')).toBe(false);
    expect(validityCovers(v4.validity, '2025-10-01')).toBe(false);
    expect(validityCovers(undefined, '2025-10-01')).toBe(true);
  });
});

describe('one-click import', () => {
  it('preselects the recommended checklist with its preview shown, and imports on the first click', async () => {
    const api = new FakeAuditApi();
    api.rollups = [null];
    // UCS first: the preselection is the AWS MSP version in force, not the list's first entry.
    api.checklists = [ucsSummary, awsSummary];
    api.checklistById = { [awsChecklist.id]: awsChecklist };
    api.importStatuses = [importStatus({ state: 'done', total: 3, created: 3 })];
    renderWithServices(<AuditPage pollMs={1} />, api);
    expect(await screen.findByRole('region', { name: 'Preview: AWS MSP Partner Program 4.1' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /AWS MSP Partner Program/ })).toBeChecked();
    const importButton = screen.getByRole('button', { name: 'Import' });
    expect(importButton).toBeEnabled();
    fireEvent.click(importButton);
    expect(await screen.findByText('Import finished: 3 created, 0 already there, 0 failed, of 3 items.')).toBeInTheDocument();
    expect(api.callsOf('startImport')).toEqual([[awsSummary.id]]);
  });
});
