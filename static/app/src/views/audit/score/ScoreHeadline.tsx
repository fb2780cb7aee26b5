/** The answer the page exists for: the score against the pass mark, and would we pass. */
import { useId, type ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { StatusPill } from '../../../components/StatusPill';
import type { Rollup } from '../../../../../../common/contract';
import { hiddenItemsLine, projectionLine, scoreLine, scoreWhyLine } from '../format';
import { Freshness } from './Freshness';
import { countsLine } from './result-view';
import { useT } from '../../../i18n';
import { auditMessages } from '../messages';

interface ScoreHeadlineProps {
  rollup: Rollup;
  refreshing: boolean;
  onRefresh: () => void;
  /** The checklist switcher, when the project holds more than one checklist; replaces the name line. */
  switcher?: ReactNode;
}

export function ScoreHeadline({ rollup, refreshing, onRefresh, switcher }: ScoreHeadlineProps) {
  const t = useT(auditMessages);
  const headingId = useId();
  const { counts } = rollup;
  const hidden = hiddenItemsLine(rollup.hiddenItems, t);
  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <Heading size="large" as="h2" id={headingId}>
        {t.scoreHeading}
      </Heading>
      {switcher ?? (
        <p style={{ margin: 0, color: token('color.text.subtle', '#44546F') }}>
          {rollup.checklistName} {rollup.version}
        </p>
      )}
      <p style={{ margin: 0, display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <strong style={{ fontSize: 24, lineHeight: '28px' }} data-testid="score-line">
          {scoreLine(rollup, t)}
        </strong>
        <StatusPill tone={rollup.passed ? 'success' : 'danger'}>{rollup.passed ? t.wouldPass : t.notYet}</StatusPill>
      </p>
      <p data-testid="score-why" style={{ margin: 0 }}>
        {scoreWhyLine(rollup, t)}
      </p>
      {hidden && (
        <p data-testid="hidden-items-line" style={{ margin: 0, color: token('color.text.subtle', '#44546F') }}>
          {hidden}
        </p>
      )}
      <p style={{ margin: 0 }}>
        {t.projection} <strong data-testid="projection-line">{projectionLine(rollup, t)}</strong>
      </p>
      <p data-testid="counts-line" style={{ margin: 0, color: token('color.text.subtle', '#44546F') }}>
        {countsLine(counts, t)}
      </p>
      <Freshness computedAt={rollup.computedAt} refreshing={refreshing} onRefresh={onRefresh} />
    </section>
  );
}
