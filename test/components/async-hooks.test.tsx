/**
 * The UI's one async idiom: useResource drops stale answers, useAction runs one change at a time
 * and surfaces the failure's message, useRollup reads the score once and re-reads it three ways.
 * Driven by hand-resolved promises and the scriptable FakeAuditApi; no module is mocked.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import type { Rollup } from '../../common/contract';
import { useAction } from '../../static/app/src/hooks/useAction';
import { useResource } from '../../static/app/src/hooks/useResource';
import { useRollup } from '../../static/app/src/hooks/useRollup';
import { FakeAuditApi, renderWithServices } from './fake-services';
import { pointsNotYet, pointsPass } from './fixtures';

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe('useResource', () => {
  function Reader({ id, answers }: { id: string | null; answers: Record<string, Deferred<string>> }) {
    const { state, reload } = useResource(id === null ? null : () => answers[id]!.promise, [id]);
    return (
      <div>
        <p data-testid="state">{state.status === 'ready' ? `ready ${state.value}` : state.status === 'error' ? `error ${state.message}` : state.status}</p>
        <button onClick={reload}>Reload</button>
      </div>
    );
  }

  it('drops the answer of a read that a newer one replaced, even when it arrives last', async () => {
    const answers = { a: deferred<string>(), b: deferred<string>() };
    const { rerender } = render(<Reader id="a" answers={answers} />);
    expect(screen.getByTestId('state')).toHaveTextContent('loading');
    rerender(<Reader id="b" answers={answers} />);
    await act(async () => answers.b.resolve('B'));
    expect(screen.getByTestId('state')).toHaveTextContent('ready B');
    await act(async () => answers.a.resolve('A'));
    expect(screen.getByTestId('state')).toHaveTextContent('ready B');
  });

  it('says why a read failed, and reads again on reload', async () => {
    let calls = 0;
    function Flaky() {
      const { state, reload } = useResource(() => (++calls === 1 ? Promise.reject(new Error('Jira did not answer. Try again.')) : Promise.resolve('second')), []);
      return (
        <div>
          <p data-testid="state">{state.status === 'ready' ? state.value : state.status === 'error' ? state.message : state.status}</p>
          <button onClick={reload}>Reload</button>
        </div>
      );
    }
    render(<Flaky />);
    await waitFor(() => expect(screen.getByTestId('state')).toHaveTextContent('Jira did not answer. Try again.'));
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.getByTestId('state')).toHaveTextContent('second'));
    expect(calls).toBe(2);
  });

  it('is idle with nothing to read', () => {
    render(<Reader id={null} answers={{}} />);
    expect(screen.getByTestId('state')).toHaveTextContent('idle');
  });
});

describe('useAction', () => {
  function Saver({ save, onSaved }: { save: (n: number) => Promise<string>; onSaved?: (answer: string) => void }) {
    const action = useAction(save, { onSuccess: (answer) => onSaved?.(answer) });
    const [clicks, setClicks] = useState(0);
    return (
      <div>
        <button
          onClick={() => {
            setClicks((n) => n + 1);
            void action.run(clicks);
          }}
        >
          Save
        </button>
        <p data-testid="busy">{action.busy ? 'busy' : 'idle'}</p>
        <p data-testid="error">{action.error ?? ''}</p>
        <p data-testid="result">{action.result ?? ''}</p>
      </div>
    );
  }

  it('runs one change at a time: a second click while the first is in flight sends nothing', async () => {
    const pending = deferred<string>();
    const sent: number[] = [];
    const saved: string[] = [];
    render(
      <Saver
        save={(n) => {
          sent.push(n);
          return pending.promise;
        }}
        onSaved={(answer) => saved.push(answer)}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByTestId('busy')).toHaveTextContent('busy');
    expect(sent).toEqual([0]);
    await act(async () => pending.resolve('saved'));
    expect(screen.getByTestId('busy')).toHaveTextContent('idle');
    expect(screen.getByTestId('result')).toHaveTextContent('saved');
    expect(saved).toEqual(['saved']);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(sent).toEqual([0, 2]);
  });

  it('surfaces the failure in words without Forge’s wrapping, and clears it on the next run', async () => {
    let fail = true;
    render(<Saver save={() => (fail ? Promise.reject(new Error('There was an error invoking the function - Error: You need the Edit issues permission.')) : Promise.resolve('ok'))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('error')).toHaveTextContent(/^You need the Edit issues permission\.$/));
    expect(screen.getByTestId('busy')).toHaveTextContent('idle');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('result')).toHaveTextContent('ok'));
    expect(screen.getByTestId('error')).toBeEmptyDOMElement();
  });
});

describe('useRollup', () => {
  function Score() {
    const score = useRollup();
    const rollup = score.state.status === 'ready' ? score.state.value : undefined;
    return (
      <div>
        <p data-testid="score">{score.state.status === 'loading' ? 'loading' : rollup ? `${rollup.checklistId} ${rollup.score}` : String(rollup)}</p>
        <p data-testid="refreshing">{score.refreshing ? 'refreshing' : ''}</p>
        <p data-testid="refresh-error">{score.refreshError ?? ''}</p>
        <button onClick={score.refresh}>Refresh</button>
        <button onClick={score.rescore}>Rescore</button>
        <button onClick={() => score.show('other', { fresh: true })}>Other</button>
      </div>
    );
  }
  const rollupCalls = (api: FakeAuditApi) => api.calls.filter((call) => call.method === 'getRollup').map((call) => call.args[0]);

  it('reads the score once, refreshes from Jira keeping the score on screen, and rescores from the stored states', async () => {
    const api = new FakeAuditApi();
    const fresh = deferred<Rollup | null>();
    api.rollups = [pointsNotYet, () => fresh.promise, { ...pointsNotYet, score: 900 }];
    renderWithServices(<Score />, api);
    await waitFor(() => expect(screen.getByTestId('score')).toHaveTextContent(`${pointsNotYet.checklistId} ${pointsNotYet.score}`));
    expect(rollupCalls(api)).toEqual([{ checklistId: undefined, refresh: false }]);

    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(screen.getByTestId('refreshing')).toHaveTextContent('refreshing');
    expect(screen.getByTestId('score')).toHaveTextContent(String(pointsNotYet.score));
    await act(async () => fresh.resolve({ ...pointsNotYet, score: 880 }));
    expect(screen.getByTestId('score')).toHaveTextContent(`${pointsNotYet.checklistId} 880`);

    fireEvent.click(screen.getByRole('button', { name: 'Rescore' }));
    await waitFor(() => expect(screen.getByTestId('score')).toHaveTextContent(`${pointsNotYet.checklistId} 900`));
    expect(rollupCalls(api)).toEqual([
      { checklistId: undefined, refresh: false },
      { checklistId: pointsNotYet.checklistId, refresh: true },
      { checklistId: pointsNotYet.checklistId },
    ]);
  });

  it('keeps the score and says why when a refresh fails; drops a refresh answered after a switch', async () => {
    const api = new FakeAuditApi();
    const late = deferred<Rollup | null>();
    api.rollups = [pointsNotYet, new Error('Jira is not answering. Try again in a minute.'), () => late.promise, { ...pointsPass, checklistId: 'other' }];
    renderWithServices(<Score />, api);
    await waitFor(() => expect(screen.getByTestId('score')).toHaveTextContent(String(pointsNotYet.score)));
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(screen.getByTestId('refresh-error')).toHaveTextContent('Jira is not answering. Try again in a minute.'));
    expect(screen.getByTestId('score')).toHaveTextContent(String(pointsNotYet.score));

    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    fireEvent.click(screen.getByRole('button', { name: 'Other' }));
    await waitFor(() => expect(screen.getByTestId('score')).toHaveTextContent(`other ${pointsPass.score}`));
    await act(async () => late.resolve({ ...pointsNotYet, score: 1 }));
    expect(screen.getByTestId('score')).toHaveTextContent(`other ${pointsPass.score}`);
  });
});
