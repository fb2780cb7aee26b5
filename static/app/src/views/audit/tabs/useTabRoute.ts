/**
 * The open tab, kept in the page's address when the host offers a history (a deep link that
 * survives a reload, back and forward); in memory only when it does not (tests, older hosts).
 */
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../../../api/services';
import { pathForTab, tabForPath, type AuditTabId } from './tab-routes';

export function useTabRoute(): [AuditTabId, (tab: AuditTabId) => void] {
  const { history } = useServices();
  const [tab, setTab] = useState<AuditTabId>('overview');
  useEffect(() => history?.listen((path) => setTab(tabForPath(path))), [history]);
  const open = useCallback(
    (next: AuditTabId) => {
      setTab(next);
      history?.push(pathForTab(next));
    },
    [history],
  );
  return [tab, open];
}
