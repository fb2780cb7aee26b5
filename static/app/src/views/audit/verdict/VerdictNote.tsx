/**
 * What the verdict is: readiness against the checklist, not the program's decision; what an unmet
 * mandatory item costs (points model); and N/A answers the checklist does not allow.
 */
import { useId } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { Rollup } from '../../../../../../common/contract';
import { naRefusedSentence, penaltySentence, verdictSentence } from './verdict-words';
import { useT } from '../../../i18n';
import { auditMessages } from '../messages';

export function VerdictNote({ rollup }: { rollup: Rollup }) {
  const t = useT(auditMessages);
  const headingId = useId();
  const penalty = penaltySentence(rollup, t);
  const refused = naRefusedSentence(rollup.naRefused, t);
  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <Heading size="small" as="h2" id={headingId}>
        {t.verdictHeading}
      </Heading>
      <p style={{ margin: 0 }} data-testid="verdict-sentence">
        {verdictSentence(rollup, t)}
      </p>
      {penalty && (
        <p style={{ margin: 0 }} data-testid="penalty-sentence">
          {penalty}
        </p>
      )}
      {refused && (
        <p role="status" style={{ margin: 0, color: token('color.text.danger', '#AE2E24') }} data-testid="na-refused">
          {refused}
        </p>
      )}
    </section>
  );
}
