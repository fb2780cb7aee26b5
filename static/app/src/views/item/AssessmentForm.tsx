/**
 * The team's verdict on the item (or "from status"), its complexity and, for N/A, the written
 * justification, saved on the issue by the app. N/A is offered only as the checklist allows it
 * (`panel.na`): disabled with the reason when it is not, with a justification box when one is
 * needed. The server checks all of it again.
 */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import type { AssessmentResultName, ComplexityName, ItemPanel, SetAssessmentPayload } from '../../../../../common/contract';
import { ASSESSMENT_WORDS, COMPLEXITY_WORDS } from '../evidence/words';
import { useT } from '../../i18n';
import { evidenceMessages } from '../evidence/messages';
import { itemMessages } from './messages';

interface AssessmentFormProps {
  assessment: ItemPanel['assessment'];
  na: ItemPanel['na'];
  canEdit: boolean;
  busy: boolean;
  onSave: (payload: SetAssessmentPayload) => void;
}

const RESULTS = Object.keys(ASSESSMENT_WORDS) as AssessmentResultName[];
const COMPLEXITIES = Object.keys(COMPLEXITY_WORDS) as ComplexityName[];
const subtle = { margin: 0, color: token('color.text.subtle', '#44546F') };
const field = { display: 'grid', gap: 4, minWidth: 200 } as const;

interface Choice {
  label: string;
  value: string;
  isDisabled?: boolean;
}

export function AssessmentForm({ assessment, na, canEdit, busy, onSave }: AssessmentFormProps) {
  const t = useT(itemMessages);
  const ev = useT(evidenceMessages);
  const [result, setResult] = useState<string>(assessment.result ?? '');
  const [complexity, setComplexity] = useState<string>(assessment.complexity ?? '');
  const [justification, setJustification] = useState<string>(assessment.justification ?? '');
  const id = useId();
  const naAllowed = na?.allowed ?? true;
  const asksWhy = result === 'na' && naAllowed;
  const needsWhy = asksWhy && (na?.needsJustification ?? true);
  const missingWhy = needsWhy && justification.trim() === '';
  const changed =
    result !== (assessment.result ?? '') || complexity !== (assessment.complexity ?? '') || (asksWhy && justification.trim() !== (assessment.justification ?? ''));
  const resultChoices: Choice[] = [
    { label: t.fromStatus, value: '' },
    // An N/A the checklist does not allow stays visible but cannot be picked (unless it is the stored answer, shown as it is).
    ...RESULTS.map((r) => ({
      label: r === 'na' && !naAllowed ? t.notAllowed(ev.assessment[r]) : ev.assessment[r],
      value: r,
      isDisabled: r === 'na' && !naAllowed && assessment.result !== 'na',
    })),
  ];
  const complexityChoices: Choice[] = [{ label: t.notSet, value: '' }, ...COMPLEXITIES.map((c) => ({ label: ev.complexity[c], value: c }))];
  const save = () =>
    onSave({
      result: (RESULTS as string[]).includes(result) ? (result as AssessmentResultName) : null,
      complexity: (COMPLEXITIES as string[]).includes(complexity) ? (complexity as ComplexityName) : null,
      ...(asksWhy && justification.trim() !== '' ? { justification: justification.trim() } : {}),
    });
  return (
    <div style={{ display: 'grid', gap: 8 }}>
      <div style={{ display: 'flex', gap: 12, alignItems: 'end', flexWrap: 'wrap' }}>
        <div style={field}>
          <label htmlFor={`${id}-result`}>{t.assessment}</label>
          <Select<Choice>
            inputId={`${id}-result`}
            options={resultChoices}
            value={resultChoices.find((c) => c.value === result) ?? null}
            onChange={(choice) => setResult(choice?.value ?? '')}
            isOptionDisabled={(choice) => choice.isDisabled === true}
            isDisabled={!canEdit || busy}
            descriptionId={na ? `${id}-na` : undefined}
          />
        </div>
        <div style={field}>
          <label htmlFor={`${id}-complexity`}>{t.complexity}</label>
          <Select<Choice>
            inputId={`${id}-complexity`}
            options={complexityChoices}
            value={complexityChoices.find((c) => c.value === complexity) ?? null}
            onChange={(choice) => setComplexity(choice?.value ?? '')}
            isDisabled={!canEdit || busy}
          />
        </div>
        {canEdit && (
          <Button onClick={save} isDisabled={!changed || busy || missingWhy || (result === 'na' && !naAllowed)}>
            {t.saveAssessment}
          </Button>
        )}
      </div>
      {na && (
        <p id={`${id}-na`} style={subtle} data-testid="na-rule">
          {na.explanation}
        </p>
      )}
      {asksWhy && (
        <div style={{ display: 'grid', gap: 4 }}>
          <label htmlFor={`${id}-why`}>{needsWhy ? t.whyRequired : t.whyOptional}</label>
          <TextArea
            id={`${id}-why`}
            value={justification}
            maxLength={na?.maxLength ?? 2000}
            minimumRows={3}
            isDisabled={!canEdit || busy}
            isRequired={needsWhy}
            isInvalid={missingWhy}
            onChange={(e) => setJustification(e.currentTarget.value)}
          />
        </div>
      )}
      {assessment.result === 'na' && assessment.justification && !asksWhy && <p style={subtle}>{t.naBecause(assessment.justification)}</p>}
    </div>
  );
}
