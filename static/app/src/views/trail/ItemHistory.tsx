/** The item panel's "History": the decisions about this issue and its checklist item, newest first. */
import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { useServices } from '../../api/services';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { useResource } from '../../hooks/useResource';
import { TrailEntries } from './TrailEntries';
import { useT } from '../../i18n';
import { trailMessages } from './messages';

/** A new `refreshKey` (e.g. the panel after a save) reloads the history. */
export function ItemHistory({ refreshKey }: { refreshKey?: unknown }) {
  const t = useT(trailMessages);
  const { trail } = useServices();
  const [version, setVersion] = useState(0);
  const seen = useRef(refreshKey);
  useEffect(() => {
    if (seen.current === refreshKey) return;
    seen.current = refreshKey;
    setVersion((n) => n + 1);
  }, [refreshKey]);
  const { state, reload } = useResource(trail ? () => trail.getItemHistory() : null, [trail, version]);
  if (!trail) return null;
  return (
    <section aria-label={t.history} style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <Heading size="xsmall" as="h3">
        {t.history}
      </Heading>
      {state.status === 'loading' && <Loading label={t.loadingHistory} />}
      {state.status === 'error' && (
        <Notice appearance="error" title={t.historyFailed} actions={<Button onClick={reload}>{t.tryAgain}</Button>}>
          {state.message}
        </Notice>
      )}
      {state.status === 'ready' && state.value.entries.length === 0 && <div>{t.noItemDecisions}</div>}
      {state.status === 'ready' && state.value.entries.length > 0 && (
        <>
          <TrailEntries entries={state.value.entries} showItem={false} people={state.value.people} />
          {state.value.total > state.value.entries.length && (
            <div style={{ color: token('color.text.subtle', '#44546F') }}>
              {t.latestOf(state.value.entries.length, state.value.total)}
            </div>
          )}
        </>
      )}
    </section>
  );
}
