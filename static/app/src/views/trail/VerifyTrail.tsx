/** "Verify the trail": recomputes the chain on the server and says whether it holds, or where it breaks. */
import { useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import type { TrailApi } from '../../api/trail-api';
import { errorMessage } from '../../api/errors';
import { Notice } from '../../components/Notice';
import type { TrailVerification } from '../../../../../common/contract';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; verdict: TrailVerification } | { kind: 'error'; message: string };

/** `children`: more buttons to show beside "Verify the trail" (the verdict goes below them all). */
export function VerifyTrail({ api, children }: { api: TrailApi; children?: ReactNode }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const verify = () => {
    setState({ kind: 'busy' });
    api.verifyTrail().then(
      (verdict) => setState({ kind: 'done', verdict }),
      (error: unknown) => setState({ kind: 'error', message: errorMessage(error) }),
    );
  };
  return (
    <div style={{ display: 'grid', gap: 8 }}>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button onClick={verify} isDisabled={state.kind === 'busy'}>
          {state.kind === 'busy' ? 'Verifying…' : 'Verify the trail'}
        </Button>
        {children}
      </div>
      {state.kind === 'error' && (
        <Notice appearance="error" title="Could not verify the trail">
          {state.message}
        </Notice>
      )}
      {state.kind === 'done' && <Verdict verdict={state.verdict} />}
    </div>
  );
}

function Verdict({ verdict }: { verdict: TrailVerification }) {
  if (verdict.intact) {
    return (
      <Notice appearance="success" title={`Intact: ${verdict.entries} ${verdict.entries === 1 ? 'entry' : 'entries'}`}>
        Every entry matches its hash and names the one before it.{verdict.lastHash && ` Last hash: ${verdict.lastHash.slice(0, 16)}… (note it to check later that nothing was cut from the end).`}
      </Notice>
    );
  }
  const [first, ...rest] = verdict.breaks;
  return (
    <Notice appearance="error" title={`The trail breaks at entry ${first?.seq ?? '?'}`}>
      <div data-testid="trail-break">{first?.message}</div>
      {rest.length > 0 && (
        <ul style={{ margin: '8px 0 0', paddingLeft: 20 }}>
          {rest.map((item) => (
            <li key={`${item.seq}-${item.problem}`}>{item.message}</li>
          ))}
        </ul>
      )}
      {verdict.breakCount > verdict.breaks.length && <div>…and {verdict.breakCount - verdict.breaks.length} more.</div>}
    </Notice>
  );
}
