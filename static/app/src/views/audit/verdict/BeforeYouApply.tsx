/**
 * "Before you apply": the program conditions outside the checklist (AWS: partner tier, case
 * studies, Partner Central linked, …) as a short list the team ticks. The verdict never counts
 * them; the list stands beside it so a team that passes every item is not surprised at the door.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { errorMessage } from '../../../api/errors';
import type { AuditDayApi } from '../../../api/audit-day-api';
import type { Prerequisites } from '../../../../../../common/contract';

interface BeforeYouApplyProps {
  api: Pick<AuditDayApi, 'getPrerequisites' | 'setPrerequisite'>;
  checklistId: string;
}

export function BeforeYouApply({ api, checklistId }: BeforeYouApplyProps) {
  const headingId = useId();
  const [list, setList] = useState<Prerequisites | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    setList(undefined);
    api.getPrerequisites?.(checklistId).then(
      (loaded) => live && setList(loaded),
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, [api, checklistId]);

  const tick = useCallback(
    (id: string, done: boolean) => {
      if (!api.setPrerequisite) return;
      setBusy(true);
      setError(undefined);
      api.setPrerequisite(checklistId, id, done).then(
        (saved) => {
          setList(saved);
          setBusy(false);
        },
        (failure: unknown) => {
          setError(`That tick was not saved: ${errorMessage(failure)}`);
          setBusy(false);
        },
      );
    },
    [api, checklistId],
  );

  if (!list || list.conditions.length === 0) return error ? <p role="alert">{error}</p> : null;
  const done = list.conditions.filter((condition) => condition.done).length;
  const subtle = token('color.text.subtle', '#44546F');
  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <Heading size="small" as="h2" id={headingId}>
        Before you apply
      </Heading>
      <p style={{ margin: 0, color: subtle }}>
        Conditions of the program outside the checklist: the verdict does not count them, but the audit is not scheduled without them. {done} of{' '}
        {list.conditions.length} ticked.
      </p>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 6 }}>
        {list.conditions.map((condition) => (
          <li key={condition.id}>
            <label style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
              <input type="checkbox" checked={condition.done} disabled={!list.canEdit || busy} onChange={(event) => tick(condition.id, event.target.checked)} />
              <span>
                {condition.text}
                {condition.detail && <span style={{ display: 'block', color: subtle }}>{condition.detail}</span>}
                {condition.by && condition.at && (
                  <span style={{ display: 'block', color: subtle, fontSize: '0.9em' }}>
                    {condition.done ? 'Ticked' : 'Unticked'} by {condition.by} on {condition.at.slice(0, 10)}
                  </span>
                )}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {!list.canEdit && <p style={{ margin: 0, color: subtle }}>Ticking needs the Edit issues permission in this project.</p>}
      {error && <p role="alert" style={{ margin: 0, color: token('color.text.danger', '#AE2E24') }}>{error}</p>}
    </section>
  );
}
