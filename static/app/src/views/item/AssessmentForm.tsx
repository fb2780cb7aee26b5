/**
 * The team's verdict on the item (or "from status"), its complexity and, for N/A, the written
 * justification, saved on the issue by the app. N/A is offered only as the checklist allows it
 * (`panel.na`): disabled with the reason when it is not, with a justification box when one is
 * needed. The server checks all of it again.
 */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { AssessmentResultName, ComplexityName, ItemPanel, SetAssessmentPayload } from '../../../../../common/contract';
import { ASSESSMENT_WORDS, COMPLEXITY_WORDS } from '../evidence/words';

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

export function AssessmentForm({ assessment, na, canEdit, busy, onSave }: AssessmentFormProps) {
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
  const save = () =>
    onSave({
      result: (RESULTS as string[]).includes(result) ? (result as AssessmentResultName) : null,
      complexity: (COMPLEXITIES as string[]).includes(complexity) ? (complexity as ComplexityName) : null,
      ...(asksWhy && justification.trim() !== '' ? { justification: justification.trim() } : {}),
    });
  return (
    <div style={{ display: 'grid', gap: 8 }}>
      <div style={{ display: 'flex', gap: 12, alignItems: 'end', flexWrap: 'wrap' }}>
        <label htmlFor={`${id}-result`} style={{ display: 'grid', gap: 4 }}>
          Assessment
          <select id={`${id}-result`} value={result} onChange={(e) => setResult(e.target.value)} disabled={!canEdit || busy} aria-describedby={na ? `${id}-na` : undefined}>
            <option value="">From status</option>
            {RESULTS.map((r) => (
              // An N/A the checklist does not allow stays visible but cannot be picked (unless it is the stored answer, shown as it is).
              <option key={r} value={r} disabled={r === 'na' && !naAllowed && assessment.result !== 'na'}>
                {ASSESSMENT_WORDS[r]}
                {r === 'na' && !naAllowed ? ' (not allowed)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-complexity`} style={{ display: 'grid', gap: 4 }}>
          Complexity
          <select id={`${id}-complexity`} value={complexity} onChange={(e) => setComplexity(e.target.value)} disabled={!canEdit || busy}>
            <option value="">Not set</option>
            {COMPLEXITIES.map((c) => (
              <option key={c} value={c}>
                {COMPLEXITY_WORDS[c]}
              </option>
            ))}
          </select>
        </label>
        {canEdit && (
          <Button onClick={save} isDisabled={!changed || busy || missingWhy || (result === 'na' && !naAllowed)}>
            Save assessment
          </Button>
        )}
      </div>
      {na && (
        <p id={`${id}-na`} style={subtle} data-testid="na-rule">
          {na.explanation}
        </p>
      )}
      {asksWhy && (
        <label htmlFor={`${id}-why`} style={{ display: 'grid', gap: 4 }}>
          {needsWhy ? 'Why N/A (required)' : 'Why N/A (optional)'}
          <textarea
            id={`${id}-why`}
            value={justification}
            maxLength={na?.maxLength ?? 2000}
            rows={3}
            disabled={!canEdit || busy}
            onChange={(e) => setJustification(e.target.value)}
          />
        </label>
      )}
      {assessment.result === 'na' && assessment.justification && !asksWhy && <p style={subtle}>N/A because: {assessment.justification}</p>}
    </div>
  );
}
