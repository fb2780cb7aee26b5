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
import { personName } from './words';

const KIND_WORDS: Record<RemindersView['next'][number]['kind'], string> = {
  'evidence-expiring': 'evidence expiring',
  'review-pending': 'evidence waiting for review',
  'mandatory-open': 'mandatory item not met',
};

export function RemindersPanel({ api, checklistId, people }: { api: PlanApi; checklistId: string; people: Record<string, string | null> }) {
  const reminders = useResource<RemindersView>(() => api.getReminders(checklistId), [api, checklistId]);
  const { state, reload } = reminders;
  const change = useAction((enabled: boolean) => api.setReminders(checklistId, enabled), { onSuccess: (fresh) => reminders.set(fresh) });
  const { busy, error } = change;
  const view = state.status === 'ready' ? state.value : null;
  const toggle = (enabled: boolean) => void change.run(enabled);

  return (
    <div style={{ display: 'grid', gap: token('space.100', '8px') }} data-testid="plan-reminders">
      <Heading size="small" as="h3">
        Daily reminders
      </Heading>
      {state.status === 'loading' && !view && <Loading label="Loading the reminders" />}
      {state.status === 'error' && !view && (
        <Notice appearance="error" title="Could not load the reminders" actions={<Button onClick={reload}>Try again</Button>}>
          {state.message}
        </Notice>
      )}
      {error && (
        <Notice appearance="error" title="The reminders were not changed">
          {error}
        </Notice>
      )}
      {view && (
        <>
          <p style={{ margin: 0 }}>
            {view.enabled
              ? 'On: each day, owners get an e-mail from Jira about their items (at most one per item and reason a week).'
              : 'Off for this project: nobody gets reminders.'}{' '}
            <Button isDisabled={busy} onClick={() => toggle(!view.enabled)}>
              {view.enabled ? 'Turn reminders off' : 'Turn reminders on'}
            </Button>
          </p>
          {view.enabled && view.next.length === 0 && <p style={{ margin: 0 }}>The next run would send nothing.</p>}
          {view.enabled && view.next.length > 0 && (
            <>
              <p style={{ margin: 0 }}>The next run would send {view.next.length} reminder{view.next.length === 1 ? '' : 's'}:</p>
              <ul style={{ margin: 0 }} aria-label="Next reminders">
                {view.next.map((next) => (
                  <li key={`${next.issueKey}-${next.kind}`}>
                    To {personName(people, next.to)}: <HostLink path={issuePath(next.issueKey)}>{next.issueKey}</HostLink> {next.itemId}, {KIND_WORDS[next.kind]}
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
