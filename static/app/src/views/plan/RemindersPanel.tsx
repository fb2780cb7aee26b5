/**
 * The daily reminders, for people who may change them (Edit issues): on or off for the project, and
 * what the next daily run would send to whom. The server selects; this only shows.
 */
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { HostLink, issuePath } from '../../components/HostLink';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { useAction } from '../../hooks/useAction';
import { useResource } from '../../hooks/useResource';
import type { RemindersView } from '../../../../../common/contract';
import type { PlanApi } from './plan-api';
import { useT } from '../../i18n';
import { planMessages } from './messages';
import { personName } from './words';

export function RemindersPanel({ api, checklistId, people }: { api: PlanApi; checklistId: string; people: Record<string, string | null> }) {
  const t = useT(planMessages);
  const w = t.reminders;
  const reminders = useResource<RemindersView>(() => api.getReminders(checklistId), [api, checklistId]);
  const { state, reload } = reminders;
  const change = useAction((enabled: boolean) => api.setReminders(checklistId, enabled), { onSuccess: (fresh) => reminders.set(fresh) });
  const { busy, error } = change;
  const view = state.status === 'ready' ? state.value : null;
  const toggle = (enabled: boolean) => void change.run(enabled);

  return (
    <div style={{ display: 'grid', gap: token('space.100', '8px') }} data-testid="plan-reminders">
      <Heading size="small" as="h3">
        {w.title}
      </Heading>
      {state.status === 'loading' && !view && <Loading label={w.loading} />}
      {state.status === 'error' && !view && (
        <Notice appearance="error" title={w.loadFailed} actions={<Button onClick={reload}>{t.tryAgain}</Button>}>
          {state.message}
        </Notice>
      )}
      {error && (
        <Notice appearance="error" title={w.notChanged}>
          {error}
        </Notice>
      )}
      {view && (
        <>
          <p style={{ margin: 0 }}>
            {view.enabled ? w.on : w.off}{' '}
            <Button isDisabled={busy} onClick={() => toggle(!view.enabled)}>
              {view.enabled ? w.turnOff : w.turnOn}
            </Button>
          </p>
          {view.enabled && view.next.length === 0 && <p style={{ margin: 0 }}>{w.nothing}</p>}
          {view.enabled && view.next.length > 0 && (
            <>
              <p style={{ margin: 0 }}>{w.willSend(view.next.length)}</p>
              <ul style={{ margin: 0 }} aria-label={w.next}>
                {view.next.map((next) => (
                  <li key={`${next.issueKey}-${next.kind}`}>
                    {w.to(personName(people, next.to, t))} <HostLink path={issuePath(next.issueKey)}>{next.issueKey}</HostLink> {next.itemId}, {w.kinds[next.kind]}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}
