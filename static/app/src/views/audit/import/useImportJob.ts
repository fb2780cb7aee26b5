/**
 * Starts an import and follows it by polling `getImport` until it is done or failed. A failed poll
 * stops polling (the job keeps running on the server) and can be resumed; starting again is safe
 * because the import is idempotent on each item's identity.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditApi } from '../../../api/audit-api';
import { useErrorMessage } from '../../../hooks/useErrorMessage';
import type { ImportStatus } from '../../../../../../common/contract';

export interface ImportJob {
  checklistId?: string;
  jobId?: string;
  status?: ImportStatus;
  starting: boolean;
  /** A call that failed (start or poll), in words. A job that failed is in `status.error`. */
  error?: string;
}

export const isFinished = (status: ImportStatus | undefined): boolean =>
  status?.state === 'done' || status?.state === 'failed';

export function useImportJob(api: AuditApi, pollMs: number) {
  const describe = useErrorMessage();
  const [job, setJob] = useState<ImportJob>({ starting: false });
  // Each start/resume gets a generation; a poll from an older one (or after unmount) is dropped.
  const generation = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const stop = useCallback(() => {
    generation.current += 1;
    clearTimeout(timer.current);
  }, []);
  useEffect(() => stop, [stop]);

  const poll = useCallback(
    (jobId: string, mine: number) => {
      api.getImport(jobId).then(
        (status) => {
          if (mine !== generation.current) return;
          setJob((previous) => ({ ...previous, status, error: undefined }));
          if (!isFinished(status)) timer.current = setTimeout(() => poll(jobId, mine), pollMs);
        },
        (error: unknown) => {
          if (mine === generation.current) setJob((previous) => ({ ...previous, error: describe(error) }));
        },
      );
    },
    [api, pollMs, describe],
  );

  const start = useCallback(
    (checklistId: string) => {
      stop();
      const mine = generation.current;
      setJob({ checklistId, starting: true });
      api.startImport(checklistId).then(
        ({ jobId }) => {
          if (mine !== generation.current) return;
          setJob({ checklistId, jobId, starting: false });
          poll(jobId, mine);
        },
        (error: unknown) => {
          if (mine === generation.current) setJob({ checklistId, starting: false, error: describe(error) });
        },
      );
    },
    [api, poll, stop, describe],
  );

  /** Polls the same job again after a failed poll. */
  const resume = useCallback(() => {
    if (!job.jobId) return;
    stop();
    setJob((previous) => ({ ...previous, error: undefined }));
    poll(job.jobId, generation.current);
  }, [job.jobId, poll, stop]);

  const reset = useCallback(() => {
    stop();
    setJob({ starting: false });
  }, [stop]);

  return { job, start, resume, reset };
}
