/**
 * "Before you apply": the program conditions outside the checklist (AWS: partner tier, case
 * studies, Partner Central linked, …) as a short list the team ticks. The verdict never counts
 * them; the list stands beside it so a team that passes every item is not surprised at the door.
 */
import { useId } from 'react';
import Checkbox from '@atlaskit/checkbox';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { useAction } from '../../../hooks/useAction';
import { useResource } from '../../../hooks/useResource';
import type { AuditDayApi } from '../../../api/audit-day-api';
import { useT } from '../../../i18n';
import { auditMessages } from '../messages';

interface BeforeYouApplyProps {
  api: Pick<AuditDayApi, 'getPrerequisites' | 'setPrerequisite'>;
  checklistId: string;
}

export function BeforeYouApply({ api, checklistId }: BeforeYouApplyProps) {
  const t = useT(auditMessages);
  const headingId = useId();
  const prerequisites = useResource(api.getPrerequisites ? () => api.getPrerequisites!(checklistId) : null, [api, checklistId]);
  const ticking = useAction((id: string, done: boolean) => api.setPrerequisite!(checklistId, id, done), { onSuccess: (saved) => prerequisites.set(saved) });
  const { state } = prerequisites;
  const list = state.status === 'ready' ? state.value : undefined;
  const error = state.status === 'error' ? state.message : ticking.error !== undefined ? t.tickNotSaved(ticking.error) : undefined;
  const busy = ticking.busy;
  const tick = (id: string, done: boolean) => {
    if (api.setPrerequisite) void ticking.run(id, done);
  };

  if (!list || list.conditions.length === 0) return error ? <p role="alert">{error}</p> : null;
  const done = list.conditions.filter((condition) => condition.done).length;
  const subtle = token('color.text.subtle', '#44546F');
  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <Heading size="small" as="h2" id={headingId}>
        {t.beforeYouApply}
      </Heading>
      <p style={{ margin: 0, color: subtle }}>
        {t.beforeIntro(done, list.conditions.length)}
      </p>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 6 }}>
        {list.conditions.map((condition) => (
          <li key={condition.id}>
            <Checkbox
              isChecked={condition.done}
              isDisabled={!list.canEdit || busy}
              onChange={(event) => tick(condition.id, event.target.checked)}
              label={
                <span>
                  {condition.text}
                  {condition.detail && <span style={{ display: 'block', color: subtle }}>{condition.detail}</span>}
                  {condition.by && condition.at && (
                    <span style={{ display: 'block', color: subtle, fontSize: '0.9em' }}>
                      {t.tickedBy(condition.done, condition.by, condition.at)}
                    </span>
                  )}
                </span>
              }
            />
          </li>
        ))}
      </ul>
      {!list.canEdit && <p style={{ margin: 0, color: subtle }}>{t.tickRights}</p>}
      {error && <p role="alert" style={{ margin: 0, color: token('color.text.danger', '#AE2E24') }}>{error}</p>}
    </section>
  );
}
