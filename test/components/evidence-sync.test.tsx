/**
 * One truth on the issue (issue 16 part 5): the item panel and the evidence field are two frames;
 * a change in the panel reaches the field without a reload, and a change announced by another
 * frame reaches the panel. Two React roots stand for the two frames, joined by one event bus as
 * Forge's `events` joins an app's frames; each frame has its own services (and frame id).
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { AppServices } from '../../static/app/src/api/audit-api';
import { createIssueEvents, createMemoryBus } from '../../static/app/src/api/issue-events';
import { ServicesProvider } from '../../static/app/src/api/services';
import EvidenceField from '../../static/app/src/views/evidence/EvidenceField';
import ItemPanelView from '../../static/app/src/views/item/ItemPanelView';
import { FakeEvidenceApi, FakeFieldHost, panelWithLink } from './evidence-fakes';
import { FakeAuditApi, FROZEN_NOW } from './fake-services';
import type { ItemPanel } from '../../common/contract';

const accepted: ItemPanel = {
  ...panelWithLink,
  evidence: { ...panelWithLink.evidence, entries: panelWithLink.evidence.entries.map((e) => ({ ...e, reviewState: 'accepted', reviewer: 'lead' })), accepted: 1, pending: 0, reviewState: 'accepted' },
};

function frames() {
  const bus = createMemoryBus();
  // One server: what either frame reads is what the last change left.
  const server = new FakeEvidenceApi(panelWithLink);
  const services = (frame: string, extra: Partial<AppServices>): AppServices => ({
    api: new FakeAuditApi(),
    evidence: server,
    issueEvents: createIssueEvents(bus, frame),
    host: { open: async () => undefined },
    now: () => FROZEN_NOW,
    ...extra,
  });
  const panel = render(
    <ServicesProvider services={services('panel', {})}>
      <ItemPanelView />
    </ServicesProvider>,
  );
  const field = render(
    <ServicesProvider services={services('field', { field: new FakeFieldHost({ entryPoint: 'view', value: panelWithLink.evidence, issueKey: 'MSP-12' }) })}>
      <EvidenceField />
    </ServicesProvider>,
  );
  return { bus, server, panel, field };
}

describe('the item panel and the evidence field agree without a reload', () => {
  it('shows a review made in the panel in the field', async () => {
    const { server, field } = frames();
    expect(await within(field.container).findByText('Pending review')).toBeInTheDocument();
    server.changeAnswer = accepted;
    server.panel = accepted;
    fireEvent.click(await screen.findByRole('button', { name: 'Review Patch policy' }));
    fireEvent.click(screen.getByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(within(field.container).queryByText('Pending review')).toBeNull());
    expect(within(field.container).getAllByText(/Accepted/).length).toBeGreaterThan(0);
  });

  it('reads the panel again when another frame announces a change to its issue, and ignores other issues', async () => {
    const { bus, server, panel } = frames();
    await within(panel.container).findByText('Pending review');
    const before = server.callsOf('getItemPanel').length;
    await createIssueEvents(bus, 'elsewhere').evidenceChanged('MSP-99');
    expect(server.callsOf('getItemPanel')).toHaveLength(before);
    server.panel = accepted;
    await createIssueEvents(bus, 'elsewhere').evidenceChanged('MSP-12');
    await waitFor(() => expect(within(panel.container).queryByText('Pending review')).toBeNull());
  });
});
