/**
 * The score of one imported checklist, read once per page and shared by every part of the Audit
 * page that shows it. Three ways to read it again, each for its reason:
 * - `show(id, { fresh })`: another checklist (switcher), or one just imported or synced; the page
 *   shows "loading" until it arrives. `fresh` computes from Jira instead of the stored states.
 * - `refresh()`: the user asked for a fresh computation; the score stays on screen meanwhile.
 * - `rescore()`: a change in the app (a waiver) moved the score; the stored states still hold, so
 *   no Jira read is needed and nothing flickers.
 * `null` as the value means nothing is imported yet.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Rollup } from '../../../../common/contract';
import { useServices } from '../api/services';
import { useAction } from './useAction';
import { useResource, type LoadState } from './useResource';

export interface RollupHandle {
  state: LoadState<Rollup | null>;
  show: (checklistId?: string, options?: { fresh?: boolean }) => void;
  refresh: () => void;
  rescore: () => void;
  /** A refresh is running (a rescore is quiet). */
  refreshing: boolean;
  /** Why the last refresh or rescore failed; the score shown is the one before it. */
  refreshError: string | undefined;
}

interface Request {
  checklistId: string | undefined;
  fresh: boolean;
  n: number;
}

export function useRollup(checklistId?: string): RollupHandle {
  const { api } = useServices();
  const [request, setRequest] = useState<Request>({ checklistId, fresh: false, n: 0 });
  const rollup = useResource(() => api.getRollup({ checklistId: request.checklistId, refresh: request.fresh }), [api, request]);
  const shownId = rollup.state.status === 'ready' ? rollup.state.value?.checklistId : undefined;
  // A refresh answered after the user switched checklist belongs to the one left: dropped.
  const shownRef = useRef(shownId);
  useEffect(() => {
    shownRef.current = shownId;
  });
  const apply = { onSuccess: (fresh: Rollup | null) => fresh && fresh.checklistId === shownRef.current && rollup.set(fresh) };
  const refreshAction = useAction((id: string | undefined) => api.getRollup({ checklistId: id, refresh: true }), apply);
  const rescoreAction = useAction((id: string | undefined) => api.getRollup({ checklistId: id }), apply);
  const { run: runRefresh } = refreshAction;
  const { run: runRescore } = rescoreAction;

  const show = useCallback((id?: string, options: { fresh?: boolean } = {}) => setRequest((current) => ({ checklistId: id, fresh: options.fresh ?? false, n: current.n + 1 })), []);
  const refresh = useCallback(() => void runRefresh(shownId), [runRefresh, shownId]);
  const rescore = useCallback(() => void runRescore(shownId), [runRescore, shownId]);
  return {
    state: rollup.state,
    show,
    refresh,
    rescore,
    refreshing: refreshAction.busy,
    refreshError: refreshAction.error ?? rescoreAction.error,
  };
}
