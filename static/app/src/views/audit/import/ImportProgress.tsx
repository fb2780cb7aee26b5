/**
 * An import under way and how it ended, in words and as a bar. The words sit in a polite live
 * region so a screen reader hears progress without being interrupted on every poll.
 */
import Button from '@atlaskit/button/new';
import ProgressBar from '@atlaskit/progress-bar';
import { token } from '@atlaskit/tokens';
import { shellMessages } from '../../../messages';
import { Notice } from '../../../components/Notice';
import type { ImportStatus } from '../../../../../../common/contract';
import type { ImportJob } from './useImportJob';
import { useT } from '../../../i18n';
import { auditEnglish, auditMessages } from '../messages';
import type { AuditMessages } from '../messages.en';

interface ImportProgressProps {
  job: ImportJob;
  onRetry: () => void;
  onResume: () => void;
  onShowScore: () => void;
}

export function progressWords(status: ImportStatus, t: AuditMessages = auditEnglish()): string {
  const w = t.importing;
  const handled = status.created + status.existing + status.failed;
  const counts = w.counts(status.created, status.existing, status.failed);
  switch (status.state) {
    case 'queued':
      return w.queued;
    case 'running':
      return status.total > 0 ? w.running(handled, status.total, counts) : w.reading;
    case 'done':
      return w.done(counts, status.total);
    case 'failed':
      return w.failed(counts, status.total);
  }
}

export function ImportProgress({ job, onRetry, onResume, onShowScore }: ImportProgressProps) {
  const t = useT(auditMessages);
  const { unknownFailure } = useT(shellMessages);
  const w = t.importing;
  const { status } = job;
  const handled = status ? status.created + status.existing + status.failed : 0;
  const value = status && status.total > 0 ? handled / status.total : 0;
  const words = job.starting ? w.starting : status ? progressWords(status, t) : '';

  return (
    <section aria-label={w.progress} style={{ display: 'grid', gap: token('space.150', '12px') }}>
      {(job.starting || status?.state === 'queued' || status?.state === 'running') && (
        <ProgressBar
          ariaLabel={w.progress}
          isIndeterminate={job.starting || status?.state === 'queued' || value === 0}
          value={value}
        />
      )}
      <p aria-live="polite" role="status" style={{ margin: 0 }}>
        {words}
      </p>

      {status?.state === 'done' && (
        <Notice
          appearance={status.failed > 0 ? 'warning' : 'success'}
          title={status.failed > 0 ? w.notCreated(status.failed) : w.finished}
          actions={
            <>
              <Button appearance="primary" onClick={onShowScore}>
                {w.seeScore}
              </Button>
              {status.failed > 0 && <Button onClick={onRetry}>{w.again}</Button>}
            </>
          }
        >
          {status.failed > 0
            ? w.againHint
            : w.everyItem(status.created, status.existing)}
        </Notice>
      )}

      {status?.state === 'failed' && (
        <Notice appearance="error" title={w.stopped} actions={<Button onClick={onRetry}>{w.tryAgain}</Button>}>
          {status.error || unknownFailure} {w.safe}
        </Notice>
      )}

      {job.error && (
        <Notice
          appearance="error"
          title={job.jobId ? w.lostTrack : w.couldNotStart}
          actions={job.jobId ? <Button onClick={onResume}>{w.checkAgain}</Button> : <Button onClick={onRetry}>{w.tryAgain}</Button>}
        >
          {job.error}
        </Notice>
      )}
    </section>
  );
}
