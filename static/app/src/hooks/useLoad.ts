/**
 * Loads one thing per key (a checklist by id, the list of checklists) and drops answers that
 * arrive after the key changed, so a slow preview never overwrites the one the user picked next.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/errors';

export type LoadState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; message: string };

export function useLoad<T>(key: string | null, load: (key: string) => Promise<T>): { state: LoadState<T>; reload: () => void } {
  // The loader is read through a ref so callers may pass an inline function without re-loading
  // on every render; only the key and an explicit reload trigger a call.
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<LoadState<T>>(key === null ? { status: 'idle' } : { status: 'loading' });

  useEffect(() => {
    if (key === null) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    setState({ status: 'loading' });
    loadRef.current(key).then(
      (value) => current && setState({ status: 'ready', value }),
      (error: unknown) => current && setState({ status: 'error', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
