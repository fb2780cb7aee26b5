/**
 * The Atlaskit controls that replaced the native ones: a value typed or picked reaches the form's
 * payload, and what a person can fix is said under the field it belongs to, with nothing sent.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { EMPTY_PROOF, WaiverProofFields, type ProofDraft } from '../../static/app/src/views/audit-day/WaiverProofFields';
import { EvidenceForm } from '../../static/app/src/views/evidence/EvidenceForm';
import type { FormValues } from '../../static/app/src/views/evidence/form-values';
import { chooseOption, typeLazyDate } from './atlaskit-select';

function renderForm() {
  const sent: FormValues[] = [];
  render(<EvidenceForm submitLabel="Save evidence" busy={false} onSubmit={(values) => sent.push(values)} />);
  return sent;
}

describe('EvidenceForm with Atlaskit controls', () => {
  it('sends the dates picked in the date pickers with the rest of the form', async () => {
    const sent = renderForm();
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Patch policy' } });
    await typeLazyDate(screen, 'Effective date', '2025-06-01');
    await typeLazyDate(screen, 'Expiry date', '2026-05-31');
    fireEvent.click(screen.getByRole('button', { name: 'Save evidence' }));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ title: 'Patch policy', effectiveDate: '2025-06-01', expiryDate: '2026-05-31' });
  });

  it('says under the title that one is needed, sends nothing, and clears the message once fixed', () => {
    const sent = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Save evidence' }));
    expect(sent).toEqual([]);
    const title = screen.getByLabelText('Title');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    const describedBy = title.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)).toHaveTextContent('Give the evidence a title');
    fireEvent.change(title, { target: { value: 'Patch policy' } });
    expect(screen.queryByText(/Give the evidence a title/)).toBeNull();
  });

  it('refuses an expiry before the effective date under the expiry field', async () => {
    const sent = renderForm();
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Patch policy' } });
    await typeLazyDate(screen, 'Effective date', '2026-06-01');
    await typeLazyDate(screen, 'Expiry date', '2026-05-31');
    fireEvent.click(screen.getByRole('button', { name: 'Save evidence' }));
    expect(sent).toEqual([]);
    const form = screen.getByRole('form', { name: 'Save evidence' });
    expect(within(form).getByText(/The expiry date is before the effective date/)).toBeInTheDocument();
    await typeLazyDate(screen, 'Expiry date', '2027-05-31');
    fireEvent.click(screen.getByRole('button', { name: 'Save evidence' }));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.expiryDate).toBe('2027-05-31');
  });
});

describe('WaiverProofFields with Atlaskit controls', () => {
  function Proof({ onDraft }: { onDraft: (draft: ProofDraft) => void }) {
    const [draft, setDraft] = useState<ProofDraft>(EMPTY_PROOF);
    return (
      <WaiverProofFields
        draft={draft}
        onChange={(next) => {
          setDraft(next);
          onDraft(next);
        }}
      />
    );
  }

  it('hands the kind and the dates picked to the form, and flags an expiry before the effective date under it', async () => {
    const drafts: ProofDraft[] = [];
    render(<Proof onDraft={(draft) => drafts.push(draft)} />);
    chooseOption(screen, 'Kind', 'Link');
    await typeLazyDate(screen, 'Effective date', '2026-06-01');
    await typeLazyDate(screen, 'Expiry date (last valid day)', '2026-05-31');
    expect(drafts.at(-1)).toMatchObject({ kind: 'link', effectiveDate: '2026-06-01', expiryDate: '2026-05-31' });
    expect(screen.getByText(/The expiry date is before the effective date/)).toBeInTheDocument();
    await typeLazyDate(screen, 'Expiry date (last valid day)', '2027-05-31');
    expect(screen.queryByText(/The expiry date is before the effective date/)).toBeNull();
  });
});
