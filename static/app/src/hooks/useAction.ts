/**
 * The one way a view runs a change (save, remove, export): whether it is running, the message of
 * the last failure, and the last answer. One run at a time: a second click while the first is in
 * flight is ignored, so a double-click never sends two writes. Nothing is set after the view went
 * away.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useErrorMessage } from './useErrorMessage';

export interface Action<A extends unknown[], R> {
  /** Starts the change unless one is running; resolves with the answer, or undefined when it failed or was ignored. */
  run: (...args: A) => Promise<R | undefined>;
  busy: boolean;
  /** What went wrong in the last run, in words for the page; cleared when the next run starts. */
  error: string | undefined;
  /** The answer of the last run that succeeded. */
  result: R | undefined;
  /** Forgets the last failure (e.g. the user closed the form). */
  clearError: () => void;
}

export interface ActionOptions<A extends unknown[], R> {
  /** Called with the answer while the view is still there. */
  onSuccess?: (result: R, ...args: A) => void;
}

/** @example const save = useAction((input: Input) => api.save(input), { onSuccess: (panel) => onPanel(panel) }); */
export function useAction<A extends unknown[], R>(call: (...args: A) => Promise<R>, options: ActionOptions<A, R> = {}): Action<A, R> {
  const callRef = useRef(call);
  const optionsRef = useRef(options);
  const describe = useErrorMessage();
  const describeRef = useRef(describe);
  useEffect(() => {
    callRef.current = call;
    optionsRef.current = options;
    describeRef.current = describe;
  });
  const inFlight = useRef(false);
  const mounted = useRef(true);
  // Set in the effect (not only initialised) because StrictMode unmounts and remounts once.
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [result, setResult] = useState<R | undefined>(undefined);

  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setBusy(true);
    setError(undefined);
    try {
      const answer = await callRef.current(...args);
      if (mounted.current) {
        setResult(() => answer);
        optionsRef.current.onSuccess?.(answer, ...args);
      }
      return answer;
    } catch (failure: unknown) {
      if (mounted.current) setError(describeRef.current(failure));
      return undefined;
    } finally {
      inFlight.current = false;
      if (mounted.current) setBusy(false);
    }
  }, []);
  const clearError = useCallback(() => setError(undefined), []);
  return { run, busy, error, result, clearError };
}
