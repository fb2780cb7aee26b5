/** The team's verdict on the item (or "from status") and its complexity, saved on the issue. */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import type { AssessmentResultName, ComplexityName, ItemPanel, SetAssessmentPayload } from '../../../../../common/contract';
import { ASSESSMENT_WORDS, COMPLEXITY_WORDS } from '../evidence/words';

interface AssessmentFormProps {
  assessment: ItemPanel['assessment'];
  canEdit: boolean;
  busy: boolean;
  onSave: (payload: SetAssessmentPayload) => void;
}

const RESULTS = Object.keys(ASSESSMENT_WORDS) as AssessmentResultName[];
const COMPLEXITIES = Object.keys(COMPLEXITY_WORDS) as ComplexityName[];

export function AssessmentForm({ assessment, canEdit, busy, onSave }: AssessmentFormProps) {
  const [result, setResult] = useState<string>(assessment.result ?? '');
  const [complexity, setComplexity] = useState<string>(assessment.complexity ?? '');
  const id = useId();
  const changed = result !== (assessment.result ?? '') || complexity !== (assessment.complexity ?? '');
  const save = () =>
    onSave({
      result: (RESULTS as string[]).includes(result) ? (result as AssessmentResultName) : null,
      complexity: (COMPLEXITIES as string[]).includes(complexity) ? (complexity as ComplexityName) : null,
    });
  return (
    <div style={{ display: 'flex', gap: 12, alignItems: 'end', flexWrap: 'wrap' }}>
      <label htmlFor={`${id}-result`} style={{ display: 'grid', gap: 4 }}>
        Assessment
        <select id={`${id}-result`} value={result} onChange={(e) => setResult(e.target.value)} disabled={!canEdit || busy}>
          <option value="">From status</option>
          {RESULTS.map((r) => (
            <option key={r} value={r}>
              {ASSESSMENT_WORDS[r]}
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
        <Button onClick={save} isDisabled={!changed || busy}>
          Save assessment
        </Button>
      )}
    </div>
  );
}
