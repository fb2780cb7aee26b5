/**
 * The Overview tab after an import: the score and the glance, what blocks the pass, the version
 * and validity notices. Chapters, evidence, audit day, plan and trail are tabs of their own (AuditPage).
 */
import { useId, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { Notice } from '../../../components/Notice';
import type { Rollup } from '../../../../../../common/contract';
import { MandatoryList } from './MandatoryList';
import { ScoreHeadline } from './ScoreHeadline';
import { UnclaimedIssues } from './UnclaimedIssues';
import { ValidityNotice } from '../verdict/ValidityNotice';
import { VerdictNote } from '../verdict/VerdictNote';
import { useT } from '../../../i18n';
import { auditMessages } from '../messages';

interface ScoreDashboardProps {
  rollup: Rollup;
  refreshing: boolean;
  /** Why the last refresh failed, in words; the older figures stay on screen. */
  refreshError?: string;
  onRefresh: () => void;
  onImportAnother: () => void;
  /** The score at a glance (bar, verdict, trend, next deadline), under the headline. */
  glance?: ReactNode;
  /** The checklist switcher, shown by the headline when the project holds several checklists. */
  switcher?: ReactNode;
  /** "Update to version X", offered right under the headline when a newer version exists. */
  versionUpdate?: ReactNode;
  /** The "before you apply" list (program conditions outside the checklist), when the page offers it. */
  beforeYouApply?: ReactNode;
}

export function ScoreDashboard({ rollup, refreshing, refreshError, onRefresh, onImportAnother, glance, switcher, versionUpdate, beforeYouApply }: ScoreDashboardProps) {
  const t = useT(auditMessages);
  const reasonId = useId();
  // Without `can` (an older cached rollup) the button stays; the server still checks on import.
  const mayImport = rollup.can?.createIssues ?? true;
  return (
    <div style={{ display: 'grid', gap: token('space.300', '24px') }}>
      <ScoreHeadline rollup={rollup} refreshing={refreshing} onRefresh={onRefresh} switcher={switcher} />
      {glance}
      <ValidityNotice rollup={rollup} />
      {versionUpdate}
      {refreshError && (
        <Notice appearance="warning" title={t.refreshFailed}>
          {refreshError} {t.refreshFailedBody}
        </Notice>
      )}
      <VerdictNote rollup={rollup} />
      {beforeYouApply}
      <MandatoryList rollup={rollup} />
      <UnclaimedIssues rollup={rollup} onAdopted={onRefresh} />
      <div style={{ display: 'grid', gap: 4, justifyItems: 'start' }}>
        <Button onClick={onImportAnother} isDisabled={!mayImport} aria-describedby={mayImport ? undefined : reasonId}>
          {t.importAnother}
        </Button>
        {!mayImport && (
          <p id={reasonId} style={{ margin: 0, color: token('color.text.subtle', '#44546F') }}>
            {t.createIssuesReason}
          </p>
        )}
      </div>
    </div>
  );
}
