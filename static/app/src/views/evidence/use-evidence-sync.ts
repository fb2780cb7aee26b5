/**
 * Keeps the issue's two evidence views agreeing without a reload: after a change a frame tells the
 * others (`announce`), and a frame told of a change to its issue reads it again (`onOtherChange`).
 * Without the events service (tests, older hosts) both are no-ops.
 */
import { useCallback, useEffect, useRef } from 'react';
import { useServices } from '../../api/services';

export function useEvidenceSync(issueKey: string | undefined, onOtherChange: () => void): (issueKey: string) => void {
  const { issueEvents } = useServices();
  const latest = useRef(onOtherChange);
  useEffect(() => {
    latest.current = onOtherChange;
  });
  useEffect(() => {
    if (!issueEvents || issueKey === undefined) return undefined;
    return issueEvents.onEvidenceChanged((changed) => {
      if (changed === issueKey) latest.current();
    });
  }, [issueEvents, issueKey]);
  return useCallback(
    (changed: string) => {
      issueEvents?.evidenceChanged(changed).catch((error: unknown) => console.warn('The other views of this issue were not told of the change', error));
    },
    [issueEvents],
  );
}
