/** "Verify the trail": recomputes the chain on the server and says whether it holds, or where it breaks. */
import { useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import type { TrailApi } from '../../api/trail-api';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { Notice } from '../../components/Notice';
import type { TrailVerification } from '../../../../../common/contract';
import { useT } from '../../i18n';
import { trailEnglish, trailMessages } from './messages';
import type { TrailMessages } from './messages.en';

type State = { kind: 'idle' } | { kind: 'busy'; checked: number } | { kind: 'done'; verdict: TrailVerification } | { kind: 'error'; message: string };

/** More slices than any trail has (20,000 entries a slice): a cursor that never ends is a bug. */
const MAX_SLICES = 10_000;

/** Verifies slice after slice until the verdict is final (broken, or intact to the end). */
export async function verifyAll(api: TrailApi, onProgress: (checked: number) => void, t: TrailMessages = trailEnglish()): Promise<TrailVerification> {
  let cursor: string | undefined;
  for (let slice = 0; slice < MAX_SLICES; slice++) {
    const verdict = await api.verifyTrail(cursor !== undefined ? { cursor } : {});
    if (verdict.nextCursor === undefined) return verdict;
    onProgress(verdict.entries);
    cursor = verdict.nextCursor;
  }
  throw new Error(t.verifyNotEnded);
}

/** `children`: more buttons to show beside "Verify the trail" (the verdict goes below them all). */
export function VerifyTrail({ api, children }: { api: TrailApi; children?: ReactNode }) {
  const t = useT(trailMessages);
  const describe = useErrorMessage();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const verify = () => {
    setState({ kind: 'busy', checked: 0 });
    verifyAll(api, (checked) => setState({ kind: 'busy', checked }), t).then(
      (verdict) => setState({ kind: 'done', verdict }),
      (error: unknown) => setState({ kind: 'error', message: describe(error) }),
    );
  };
  return (
    <div style={{ display: 'grid', gap: 8 }}>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button onClick={verify} isDisabled={state.kind === 'busy'}>
          {state.kind === 'busy' ? (state.checked > 0 ? t.verifyingChecked(state.checked) : t.verifying) : t.verify}
        </Button>
        {children}
      </div>
      {state.kind === 'error' && (
        <Notice appearance="error" title={t.verifyFailed}>
          {state.message}
        </Notice>
      )}
      {state.kind === 'done' && <Verdict verdict={state.verdict} />}
    </div>
  );
}

function Verdict({ verdict }: { verdict: TrailVerification }) {
  const t = useT(trailMessages);
  if (verdict.intact) {
    return (
      <Notice appearance="success" title={t.intact(verdict.entries)}>
        {t.intactBody}
        {verdict.lastHash && t.lastHash(verdict.lastHash.slice(0, 16))}
      </Notice>
    );
  }
  const [first, ...rest] = verdict.breaks;
  return (
    <Notice appearance="error" title={t.breaksAt(String(first?.seq ?? '?'))}>
      <div data-testid="trail-break">{first?.message}</div>
      {rest.length > 0 && (
        <ul style={{ margin: '8px 0 0', paddingLeft: 20 }}>
          {rest.map((item) => (
            <li key={`${item.seq}-${item.problem}`}>{item.message}</li>
          ))}
        </ul>
      )}
      {verdict.breakCount > verdict.breaks.length && <div>{t.andMore(verdict.breakCount - verdict.breaks.length)}</div>}
    </Notice>
  );
}
