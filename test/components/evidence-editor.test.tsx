/**
 * The evidence editor (shared by the item panel and the field's edit experience): add, edit,
 * review and remove go to the resolvers with the payloads the contract names, the screen shows
 * only what the server answered, and stored text is rendered as text.
 */
import { chooseOption, clearDate, typeLazyDate } from './atlaskit-select';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { EvidenceEditor } from '../../static/app/src/views/evidence/EvidenceEditor';
import type { ItemPanel } from '../../common/contract';
import { emptyPanel, linkEntry, panelWithLink, renderIssueModule } from './evidence-fakes';

function Editor({ initial }: { initial: ItemPanel }) {
  const [panel, setPanel] = useState(initial);
  return <EvidenceEditor panel={panel} onPanel={setPanel} />;
}

const entryRow = (title: string) => screen.getByText(title, { selector: '.evidence-title, .evidence-title *' }).closest('li') as HTMLElement;

describe('EvidenceEditor', () => {
  describe('adding evidence', () => {
    it('sends the filled-in fields and shows the panel the server answers', async () => {
      const { evidence } = renderIssueModule(<Editor initial={emptyPanel} />);
      expect(screen.getByTestId('evidence-summary')).toHaveTextContent('No evidence');
      fireEvent.click(screen.getByRole('button', { name: 'Add evidence' }));
      fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Patch policy' } });
      fireEvent.change(screen.getByLabelText('Link (https://…)'), { target: { value: 'https://intranet.example/patching' } });
      await typeLazyDate(screen, 'Expiry date', '2025-12-04');
      evidence.changeAnswer = panelWithLink;
      fireEvent.click(screen.getByRole('button', { name: 'Save evidence' }));

      await waitFor(() => expect(screen.getByTestId('evidence-summary')).toHaveTextContent('1 evidence · 0 accepted · 1 pending · 1 expires in 12 days'));
      expect(evidence.callsOf('addEvidence')).toEqual([[{ kind: 'link', title: 'Patch policy', url: 'https://intranet.example/patching', expiryDate: '2025-12-04' }]]);
      expect(within(entryRow('Patch policy')).getByText('Expires in 12 days')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Save evidence' })).toBeNull();
    });

    it('shows the server’s refusal and keeps what was typed', async () => {
      const { evidence } = renderIssueModule(<Editor initial={emptyPanel} />);
      fireEvent.click(screen.getByRole('button', { name: 'Add evidence' }));
      fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Policy' } });
      fireEvent.change(screen.getByLabelText('Link (https://…)'), { target: { value: 'javascript:alert(1)' } });
      evidence.changeAnswer = new Error('Evidence is not valid; fix and try again: url: must be an https:// or http:// link, not javascript:');
      fireEvent.click(screen.getByRole('button', { name: 'Save evidence' }));
      expect(await screen.findByRole('alert')).toHaveTextContent('url: must be an https:// or http:// link, not javascript:');
      expect(screen.getByLabelText('Link (https://…)')).toHaveValue('javascript:alert(1)');
    });

    it('asks for an attachment id instead of a link for an attachment', () => {
      renderIssueModule(<Editor initial={emptyPanel} />);
      fireEvent.click(screen.getByRole('button', { name: 'Add evidence' }));
      chooseOption(screen, 'Kind', 'Attachment');
      expect(screen.queryByLabelText('Link (https://…)')).toBeNull();
      expect(screen.getByLabelText('Attachment id (a file attached to this issue)')).toBeInTheDocument();
    });
  });

  describe('changing an entry', () => {
    it('sends only the changed fields, a cleared one as null', async () => {
      const { evidence } = renderIssueModule(<Editor initial={panelWithLink} />);
      fireEvent.click(screen.getByRole('button', { name: 'Edit Patch policy' }));
      fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Patch policy v2' } });
      await clearDate(screen, 'Expiry date');
      fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
      await waitFor(() => expect(evidence.callsOf('editEvidence')).toEqual([['ev-1', { title: 'Patch policy v2', expiryDate: null }]]));
    });

    it('rejects with a note', async () => {
      const { evidence } = renderIssueModule(<Editor initial={panelWithLink} />);
      fireEvent.click(screen.getByRole('button', { name: 'Review Patch policy' }));
      const box = screen.getByRole('group', { name: 'Review Patch policy' });
      fireEvent.change(within(box).getByLabelText(/Review note/), { target: { value: 'Link the signed version' } });
      fireEvent.click(within(box).getByRole('button', { name: 'Reject' }));
      await waitFor(() => expect(evidence.callsOf('reviewEvidence')).toEqual([[{ id: 'ev-1', state: 'rejected', note: 'Link the signed version' }]]));
    });

    it('accepts without a note, and offers to reopen only reviewed entries', async () => {
      const { evidence } = renderIssueModule(<Editor initial={panelWithLink} />);
      fireEvent.click(screen.getByRole('button', { name: 'Review Patch policy' }));
      expect(screen.queryByRole('button', { name: 'Reopen' })).toBeNull();
      fireEvent.click(screen.getByRole('button', { name: 'Accept' }));
      await waitFor(() => expect(evidence.callsOf('reviewEvidence')).toEqual([[{ id: 'ev-1', state: 'accepted' }]]));
    });

    it('under four eyes, does not let the person who added an entry accept or reject it, and says why', async () => {
      const { evidence } = renderIssueModule(<Editor initial={{ ...panelWithLink, viewer: 'admin' }} />);
      fireEvent.click(screen.getByRole('button', { name: 'Review Patch policy' }));
      const box = screen.getByRole('group', { name: 'Review Patch policy' });
      expect(box).toHaveTextContent('Four eyes: you added this evidence, so someone else accepts or rejects it.');
      expect(within(box).getByRole('button', { name: 'Accept' })).toBeDisabled();
      expect(within(box).getByRole('button', { name: 'Reject' })).toBeDisabled();
      expect(evidence.callsOf('reviewEvidence')).toEqual([]);
    });

    it('lets the person who added an entry review it when four eyes is off', async () => {
      renderIssueModule(<Editor initial={{ ...panelWithLink, viewer: 'admin', fourEyes: false }} />);
      fireEvent.click(screen.getByRole('button', { name: 'Review Patch policy' }));
      expect(within(screen.getByRole('group', { name: 'Review Patch policy' })).getByRole('button', { name: 'Accept' })).toBeEnabled();
    });

    it('removes after a confirmation', async () => {
      const { evidence } = renderIssueModule(<Editor initial={panelWithLink} />);
      fireEvent.click(screen.getByRole('button', { name: 'Remove Patch policy' }));
      expect(evidence.callsOf('removeEvidence')).toEqual([]);
      evidence.changeAnswer = emptyPanel;
      fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
      await waitFor(() => expect(screen.getByTestId('evidence-summary')).toHaveTextContent('No evidence'));
      expect(evidence.callsOf('removeEvidence')).toEqual([['ev-1']]);
    });
  });

  describe('text from Jira', () => {
    const hostile: ItemPanel = {
      ...panelWithLink,
      evidence: {
        ...panelWithLink.evidence,
        entries: [{ ...linkEntry, title: '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">', url: 'javascript:window.__pwned=3', note: '<b>bold?</b>' }],
      },
    };

    it('renders a <script> title and a javascript: link as inert text', () => {
      renderIssueModule(<Editor initial={hostile} />);
      const row = screen.getByText('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">').closest('li') as HTMLElement;
      expect(row.querySelector('script, img, b')).toBeNull();
      expect(within(row).queryByRole('link')).toBeNull();
      expect(row).toHaveTextContent('Link not opened (not an http or https address): javascript:window.__pwned=3');
      expect(row).toHaveTextContent('<b>bold?</b>');
      expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    });

    it('opens a safe link through the host', () => {
      const { opened } = renderIssueModule(<Editor initial={panelWithLink} />);
      fireEvent.click(screen.getByRole('link', { name: 'Patch policy' }));
      expect(opened).toEqual(['https://intranet.example/patching']);
    });
  });

  it('shows stored entries the server ignored, and that the field is missing', () => {
    renderIssueModule(
      <Editor initial={{ ...emptyPanel, fieldInstalled: false, ignored: [{ field: 'entries[0].expiryDate', message: 'must be after effectiveDate (2026-05-01)' }] }} />,
    );
    expect(screen.getByText('Some stored evidence breaks the rules and is not counted').parentElement).toHaveTextContent('entries[0].expiryDate: must be after effectiveDate (2026-05-01)');
    expect(screen.getByText('The Audit evidence field is not installed')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add evidence' })).toBeDisabled();
  });
});
