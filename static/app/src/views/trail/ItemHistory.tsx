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

/** A new `refreshKey` (e.g. the panel after a save) reloads the history. */
export function ItemHistory({ refreshKey }: { refreshKey?: unknown }) {
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
    <section aria-label="History" style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <Heading size="xsmall" as="h3">
        History
      </Heading>
      {state.status === 'loading' && <Loading label="Loading the history" />}
      {state.status === 'error' && (
        <Notice appearance="error" title="Could not load the history" actions={<Button onClick={reload}>Try again</Button>}>
          {state.message}
        </Notice>
      )}
      {state.status === 'ready' && state.value.entries.length === 0 && <div>No decisions recorded for this item yet.</div>}
      {state.status === 'ready' && state.value.entries.length > 0 && (
        <>
          <TrailEntries entries={state.value.entries} showItem={false} people={state.value.people} />
          {state.value.total > state.value.entries.length && (
            <div style={{ color: token('color.text.subtle', '#44546F') }}>
              The latest {state.value.entries.length} of {state.value.total}; the Audit page’s decision trail and its CSV have them all.
            </div>
          )}
        </>
      )}
    </section>
  );
}
