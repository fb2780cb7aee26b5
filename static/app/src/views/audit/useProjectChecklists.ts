/**
 * The project's checklists, for the switcher: read again when the page shows one it does not list
 * (just imported or synced). A failure only hides the switcher; the score still shows.
 */
import { useEffect, useState } from 'react';
import type { ProjectChecklist } from '../../../../../common/project-checklists';
import type { AuditApi } from '../../api/audit-api';
import { useResource } from '../../hooks/useResource';

export function useProjectChecklists(api: AuditApi, shownId: string | undefined): { checklists: ProjectChecklist[] | null; listed: boolean } {
  const [readFor, setReadFor] = useState<string | undefined>(undefined);
  const list = useResource(
    readFor !== undefined && api.listProjectChecklists
      ? () =>
          api.listProjectChecklists!().catch((error: unknown) => {
            console.warn('Could not list the project checklists', error);
            throw error;
          })
      : null,
    [api, readFor],
  );
  const checklists = list.state.status === 'ready' ? list.state.value : null;
  const listed = shownId !== undefined && checklists !== null && checklists.some((checklist) => checklist.id === shownId);
  const reading = list.state.status === 'loading';
  useEffect(() => {
    if (shownId !== undefined && !listed && !reading && readFor !== shownId) setReadFor(shownId);
  }, [shownId, listed, reading, readFor]);
  return { checklists, listed };
}
