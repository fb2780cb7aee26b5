/**
 * The score at a glance: a bar of the score against the pass mark (points) or of mandatory items
 * met (met), the verdict lozenge, the change over 7 and 30 days, the next deadline. The drawing is
 * hidden from assistive tech; one sentence says the same. Props only; design tokens only.
 */
import { useId } from 'react';
import { token } from '@atlaskit/tokens';
import { StatusPill } from '../../../components/StatusPill';
import type { PlanDueEntry, Rollup } from '../../../../../../common/contract';
import { deadlineWords, glanceBar, glanceSentence, trendWords, type Trend } from './glance';
import { useT } from '../../../i18n';
import { auditMessages } from '../messages';

export interface ScoreGlanceProps {
  rollup: Rollup;
  /** The change over 7 and 30 days; empty while the history is not read (or not offered). */
  trends: readonly Trend[];
  /** The plan's next due line; undefined without a plan or when nothing is due. */
  deadline?: PlanDueEntry;
}

const subtle = { color: token('color.text.subtle', '#44546F') };

export function ScoreGlance({ rollup, trends, deadline }: ScoreGlanceProps) {
  const t = useT(auditMessages);
  const sentenceId = useId();
  const bar = glanceBar(rollup, t);
  const share = (n: number) => (bar.max > 0 ? Math.min(100, Math.max(0, (n / bar.max) * 100)) : 0);
  const reached = bar.target !== null && bar.value >= bar.target;
  return (
    <div data-testid="score-glance" role="group" aria-describedby={sentenceId} aria-label={t.glanceLabel} style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <p id={sentenceId} data-testid="glance-sentence" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', margin: -1 }}>
        {glanceSentence(rollup, trends, deadline, t)}
      </p>
      <div aria-hidden="true" style={{ display: 'grid', gap: token('space.050', '4px') }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px'), flexWrap: 'wrap' }}>
          <strong style={{ font: token('font.heading.medium', 'normal 500 20px/24px sans-serif') }}>{bar.words}</strong>
          <StatusPill tone={rollup.passed ? 'success' : 'danger'}>{rollup.passed ? t.wouldPass : t.notYet}</StatusPill>
        </div>
        <div style={{ position: 'relative', height: 12, borderRadius: token('radius.small', '4px'), background: token('color.background.neutral', '#091E420F') }}>
          <div
            style={{
              width: `${share(bar.value)}%`,
              height: '100%',
              borderRadius: token('radius.small', '4px'),
              background: reached ? token('color.background.success.bold', '#1F845A') : token('color.background.brand.bold', '#0C66E4'),
            }}
          />
          {bar.target !== null && bar.target < bar.max && (
            <div
              title={t.passMarkTick(bar.target)}
              style={{ position: 'absolute', top: -4, bottom: -4, left: `${share(bar.target)}%`, width: 2, background: token('color.border.bold', '#758195') }}
            />
          )}
        </div>
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: token('space.100', '8px'), flexWrap: 'wrap', ...subtle }}>
          <span>{rollup.model === 'points' && bar.target !== null ? t.passMarkOf(bar.target, bar.max) : t.passNeedsAll}</span>
          {trends.length > 0 && <span data-testid="glance-trends">{trends.map((trend) => trendWords(trend, rollup.model, t)).join(' · ')}</span>}
        </div>
        {deadline && (
          <div data-testid="glance-deadline">
            {t.nextDeadline} <strong>{deadlineWords(deadline, t)}</strong>
          </div>
        )}
      </div>
    </div>
  );
}
