/** After an import: the score, what blocks the pass, chapters, and the item-by-item explanation. */
import type { ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { Notice } from '../../../components/Notice';
import type { Rollup } from '../../../../../../common/contract';
import { AuditRisks } from './AuditRisks';
import { ChapterTable } from './ChapterTable';
import { ExplainScore } from './ExplainScore';
import { MandatoryList } from './MandatoryList';
import { ScoreHeadline } from './ScoreHeadline';

interface ScoreDashboardProps {
  rollup: Rollup;
  refreshing: boolean;
  /** Why the last refresh failed, in words; the older figures stay on screen. */
  refreshError?: string;
  onRefresh: () => void;
  onImportAnother: () => void;
  /** The audit-day section (reviews, waivers, history, export), when the page offers it. */
  auditDay?: ReactNode;
}

export function ScoreDashboard({ rollup, refreshing, refreshError, onRefresh, onImportAnother, auditDay }: ScoreDashboardProps) {
  return (
    <div style={{ display: 'grid', gap: token('space.300', '24px') }}>
      <ScoreHeadline rollup={rollup} refreshing={refreshing} onRefresh={onRefresh} />
      {refreshError && (
        <Notice appearance="warning" title="Could not refresh the figures">
          {refreshError} The figures shown are the last ones computed.
        </Notice>
      )}
      <MandatoryList rollup={rollup} />
      <AuditRisks rollup={rollup} onSettingsChanged={onRefresh} />
      <ChapterTable rollup={rollup} />
      <ExplainScore rollup={rollup} />
      {auditDay}
      <div>
        <Button onClick={onImportAnother}>Import another checklist</Button>
      </div>
    </div>
  );
}
