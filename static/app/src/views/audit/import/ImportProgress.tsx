/**
 * An import under way and how it ended, in words and as a bar. The words sit in a polite live
 * region so a screen reader hears progress without being interrupted on every poll.
 */
import Button from '@atlaskit/button/new';
import ProgressBar from '@atlaskit/progress-bar';
import { token } from '@atlaskit/tokens';
import { UNKNOWN_FAILURE } from '../../../api/errors';
import { Notice } from '../../../components/Notice';
import type { ImportStatus } from '../../../../../../common/contract';
import type { ImportJob } from './useImportJob';
import { plural } from '../format';

interface ImportProgressProps {
  job: ImportJob;
  onRetry: () => void;
  onResume: () => void;
  onShowScore: () => void;
}

export function progressWords(status: ImportStatus): string {
  const handled = status.created + status.existing + status.failed;
  const counts = `${status.created} created, ${status.existing} already there, ${status.failed} failed`;
  switch (status.state) {
    case 'queued':
      return 'Import queued — waiting to start.';
    case 'running':
      return status.total > 0
        ? `Importing: ${handled} of ${plural(status.total, 'item')} — ${counts}.`
        : 'Importing: reading the checklist…';
    case 'done':
      return `Import finished: ${counts}, of ${plural(status.total, 'item')}.`;
    case 'failed':
      return `Import stopped: ${counts}, of ${plural(status.total, 'item')}.`;
  }
}

export function ImportProgress({ job, onRetry, onResume, onShowScore }: ImportProgressProps) {
  const { status } = job;
  const handled = status ? status.created + status.existing + status.failed : 0;
  const value = status && status.total > 0 ? handled / status.total : 0;
  const words = job.starting ? 'Starting the import…' : status ? progressWords(status) : '';

  return (
    <section aria-label="Import progress" style={{ display: 'grid', gap: token('space.150', '12px') }}>
      {(job.starting || status?.state === 'queued' || status?.state === 'running') && (
        <ProgressBar
          ariaLabel="Import progress"
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
          title={status.failed > 0 ? `${plural(status.failed, 'item')} could not be created` : 'Import finished'}
          actions={
            <>
              <Button appearance="primary" onClick={onShowScore}>
                See the score
              </Button>
              {status.failed > 0 && <Button onClick={onRetry}>Import again</Button>}
            </>
          }
        >
          {status.failed > 0
            ? 'Import again: it creates only the items that are still missing and never duplicates an issue.'
            : `Every item of the checklist has an issue (${status.created} new, ${status.existing} already there).`}
        </Notice>
      )}

      {status?.state === 'failed' && (
        <Notice appearance="error" title="The import stopped" actions={<Button onClick={onRetry}>Try again</Button>}>
          {status.error || UNKNOWN_FAILURE} Trying again is safe: issues already created are kept, not duplicated.
        </Notice>
      )}

      {job.error && (
        <Notice
          appearance="error"
          title={job.jobId ? 'Lost track of the import' : 'The import could not start'}
          actions={job.jobId ? <Button onClick={onResume}>Check again</Button> : <Button onClick={onRetry}>Try again</Button>}
        >
          {job.error}
        </Notice>
      )}
    </section>
  );
}
