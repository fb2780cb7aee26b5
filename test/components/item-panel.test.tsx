/** The item panel (module audit-item-panel) against a fake EvidenceApi: item, result, assessment, evidence. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import ItemPanelView from '../../static/app/src/views/item/ItemPanelView';
import type { ItemPanel } from '../../common/contract';
import { chooseOption, openSelect } from './atlaskit-select';
import { emptyPanel, panelWithLink, renderIssueModule } from './evidence-fakes';

describe('ItemPanelView', () => {
  describe('when the issue is a checklist item', () => {
    it('shows its id, chapter, requirement, points, mandatory flag, result and why', async () => {
      renderIssueModule(<ItemPanelView />, { panel: emptyPanel });
      const item = await screen.findByRole('region', { name: 'Checklist item' });
      expect(within(item).getByRole('heading', { name: '8.3 Vulnerability management' })).toBeInTheDocument();
      expect(item).toHaveTextContent('AWS MSP Partner Program 4.1 · Security & compliance · 40 points · mandatory (50 points off if not met)');
      expect(item).toHaveTextContent('Scan customer environments and fix findings by severity.');
      expect(item).toHaveTextContent('Expected evidence: Process description, Technical demonstration');
      expect(within(item).getByTestId('item-result')).toHaveTextContent('MetIssue MSP-12 is Done');
    });

    it('saves the assessment and complexity, and shows the result the server answers', async () => {
      const { evidence } = renderIssueModule(<ItemPanelView />, { panel: emptyPanel });
      const region = await screen.findByRole('region', { name: 'Assessment' });
      const save = within(region).getByRole('button', { name: 'Save assessment' });
      expect(save).toBeDisabled();
      chooseOption(within(region), 'Assessment', 'Not met');
      chooseOption(within(region), 'Complexity', 'High');
      const answered: ItemPanel = { ...emptyPanel, result: { result: 'not_met', reason: 'Assessed not met on the issue' }, assessment: { result: 'not_met', complexity: 'high' } };
      evidence.changeAnswer = answered;
      fireEvent.click(save);
      await waitFor(() => expect(screen.getByTestId('item-result')).toHaveTextContent('Not metAssessed not met on the issue'));
      expect(evidence.callsOf('setAssessment')).toEqual([[{ result: 'not_met', complexity: 'high' }]]);
    });

    it('sends "from status" as a null result', async () => {
      const { evidence } = renderIssueModule(<ItemPanelView />, { panel: { ...emptyPanel, assessment: { result: 'met', complexity: null } } });
      const region = await screen.findByRole('region', { name: 'Assessment' });
      chooseOption(within(region), 'Assessment', 'From status');
      fireEvent.click(within(region).getByRole('button', { name: 'Save assessment' }));
      await waitFor(() => expect(evidence.callsOf('setAssessment')).toEqual([[{ result: null, complexity: null }]]));
    });

    it('offers N/A only as the checklist allows it: not at all under exemptions, with the reason', async () => {
      const explanation = 'AWS MSP Partner Program 7.1 allows only met or not met here: no published exemption covers this item.';
      renderIssueModule(<ItemPanelView />, { panel: { ...emptyPanel, na: { allowed: false, needsJustification: false, explanation, maxLength: 2000 } } });
      const region = await screen.findByRole('region', { name: 'Assessment' });
      openSelect(within(region), 'Assessment');
      const na = within(region).getByRole('option', { name: 'N/A (not allowed)' });
      expect(na).toHaveAttribute('aria-disabled', 'true');
      expect(within(region).getByTestId('na-rule')).toHaveTextContent(explanation);
      // react-select adds the chosen value to the description, after ours.
      expect(within(region).getByLabelText('Assessment')).toHaveAccessibleDescription(expect.stringContaining(explanation));
    });

    it('asks why for N/A where the checklist needs a justification, and sends it', async () => {
      const { evidence } = renderIssueModule(<ItemPanelView />, { panel: emptyPanel });
      const region = await screen.findByRole('region', { name: 'Assessment' });
      expect(within(region).queryByLabelText('Why N/A (required)')).toBeNull();
      chooseOption(within(region), 'Assessment', 'N/A');
      const save = within(region).getByRole('button', { name: 'Save assessment' });
      expect(save).toBeDisabled();
      fireEvent.change(within(region).getByLabelText('Why N/A (required)'), { target: { value: ' We host no customer workloads. ' } });
      expect(save).toBeEnabled();
      fireEvent.click(save);
      await waitFor(() => expect(evidence.callsOf('setAssessment')).toEqual([[{ result: 'na', complexity: null, justification: 'We host no customer workloads.' }]]));
    });

    it('takes an optional justification where N/A is free', async () => {
      const { evidence } = renderIssueModule(<ItemPanelView />, { panel: { ...emptyPanel, na: { allowed: true, needsJustification: false, explanation: 'N/A is allowed on this checklist.', maxLength: 2000 } } });
      const region = await screen.findByRole('region', { name: 'Assessment' });
      chooseOption(within(region), 'Assessment', 'N/A');
      expect(within(region).getByLabelText('Why N/A (optional)')).toBeInTheDocument();
      fireEvent.click(within(region).getByRole('button', { name: 'Save assessment' }));
      await waitFor(() => expect(evidence.callsOf('setAssessment')).toEqual([[{ result: 'na', complexity: null }]]));
    });

    it('flags verdict data changed outside the app, and shows who assessed it', async () => {
      const note = 'Changed outside the app: the issue’s assessment property (msp-audit-assessment) says met, which the app did not record.';
      renderIssueModule(<ItemPanelView />, {
        panel: { ...emptyPanel, assessment: { result: 'not_met', complexity: null, assessedBy: 'lead', assessedAt: '2025-11-20T10:00:00.000Z' }, outsideChanges: [note] },
      });
      const flagged = await screen.findByRole('list', { name: 'Changed outside the app' });
      expect(flagged).toHaveTextContent(note);
      expect(screen.getByRole('region', { name: 'Assessment' })).toHaveTextContent('Assessed by lead on 2025-11-20');
    });

    it('shows a refused assessment in the server’s words', async () => {
      const { evidence } = renderIssueModule(<ItemPanelView />, { panel: emptyPanel });
      const region = await screen.findByRole('region', { name: 'Assessment' });
      chooseOption(within(region), 'Assessment', 'Met');
      evidence.changeAnswer = new Error('There was an error invoking the function - You need the Edit issues permission on MSP-12 to assess it.');
      fireEvent.click(within(region).getByRole('button', { name: 'Save assessment' }));
      expect(await within(region).findByRole('alert')).toHaveTextContent('You need the Edit issues permission on MSP-12 to assess it.');
    });
  });

  it('lists the evidence and its risks', async () => {
    renderIssueModule(<ItemPanelView />, { panel: panelWithLink });
    const region = await screen.findByRole('region', { name: 'Evidence' });
    expect(within(region).getByTestId('evidence-summary')).toHaveTextContent('1 evidence · 0 accepted · 1 pending · 1 expires in 12 days');
    expect(within(region).getByRole('link', { name: 'Patch policy' })).toHaveAttribute('href', 'https://intranet.example/patching');
    expect(region).toHaveTextContent('"Patch policy" expires in 12 days (2025-12-04); renew it before the audit.');
  });

  describe('when the viewer may not edit the issue', () => {
    it('shows everything read-only', async () => {
      renderIssueModule(<ItemPanelView />, { panel: { ...panelWithLink, canEdit: false } });
      const region = await screen.findByRole('region', { name: 'Evidence' });
      expect(within(region).queryByRole('button')).toBeNull();
      expect(region).toHaveTextContent('You can see this evidence but not change it: that needs the Edit issues permission on MSP-12.');
      expect(screen.getByRole('combobox', { name: 'Assessment' })).toBeDisabled();
      expect(screen.queryByRole('button', { name: 'Save assessment' })).toBeNull();
    });
  });

  it('says so when the issue is not a checklist item', async () => {
    renderIssueModule(<ItemPanelView />, { panel: { ...emptyPanel, item: null, result: null, risks: [] } });
    expect(await screen.findByText('Not a checklist item')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Assessment' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Add evidence' })).toBeInTheDocument();
  });

  it('offers to try again when the panel cannot load', async () => {
    const { evidence } = renderIssueModule(<ItemPanelView />, { panel: new Error('Jira is rate limiting the app (getIssue); try again in a minute.') });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the audit item');
    expect(alert).toHaveTextContent('Jira is rate limiting the app (getIssue); try again in a minute.');
    evidence.panel = emptyPanel;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: '8.3 Vulnerability management' })).toBeInTheDocument();
    expect(evidence.callsOf('getItemPanel')).toHaveLength(2);
  });
});
