/**
 * The one way a view reads something from a resolver: the state of the last read (idle, loading,
 * ready, error), a reload, and a `set` for when a change's answer already carries the new value.
 * An answer that arrives after a newer read started (the deps changed, reload, set) or after the
 * view went away is dropped, so a slow preview never overwrites the one the user picked next.
 */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { useErrorMessage } from './useErrorMessage';

export type LoadState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; message: string };

export interface Resource<T> {
  state: LoadState<T>;
  /** Reads again with the same deps. */
  reload: () => void;
  /** Shows a value the caller already has (a change answered with it); drops any read in flight. */
  set: (value: T) => void;
}

/**
 * @param load what to read, or null for nothing to read yet (state `idle`). Read through a ref,
 *   so an inline function does not re-read on every render: only the deps and `reload` do.
 * @example const { state, reload } = useResource(() => api.getAuditDay(checklistId), [api, checklistId]);
 */
export function useResource<T>(load: (() => Promise<T>) | null, deps: DependencyList): Resource<T> {
  const loadRef = useRef(load);
  const describe = useErrorMessage();
  const describeRef = useRef(describe);
  useEffect(() => {
    loadRef.current = load;
    describeRef.current = describe;
  });
  const idle = load === null;
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<LoadState<T>>(idle ? { status: 'idle' } : { status: 'loading' });
  // Every read and every `set` takes the next number; only the newest may write the state.
  const latest = useRef(0);

  useEffect(() => {
    const read = loadRef.current;
    const ticket = ++latest.current;
    if (read === null) {
      setState({ status: 'idle' });
      return;
    }
    setState({ status: 'loading' });
    let current = true;
    const apply = (next: LoadState<T>) => current && latest.current === ticket && setState(next);
    read().then(
      (value) => apply({ status: 'ready', value }),
      (error: unknown) => apply({ status: 'error', message: describeRef.current(error) }),
    );
    return () => {
      current = false;
    };
    // The caller's deps decide when to read again (as with useEffect); `idle` covers load → null.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, idle, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const set = useCallback((value: T) => {
    latest.current++;
    setState({ status: 'ready', value });
  }, []);
  return { state, reload, set };
}
