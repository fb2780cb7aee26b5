/**
 * No lost update on one issue's evidence (issue 21, part 3): with 100 ms Jira latency, concurrent
 * changes either all land or the losers get a `conflict` that says nothing was saved. Through the
 * real app, the local Forge runtime (real KVS lock) and the Jira emulator.
 */
import type { ItemPanel } from '../../common/contract';
import { syncV1 } from '../fixtures/sync-v1-v2';
import { registerChecklist } from './checklists';
import { startHarness, type Harness, type OutsideIssue } from './harness';

const itemIdOf = (issue: OutsideIssue): string | undefined => {
  const identity = issue.properties['msp-audit-item'] as { kind?: string; itemId?: string } | undefined;
  return identity?.kind === 'item' ? identity.itemId : undefined;
};

describe('concurrent evidence changes on one issue', () => {
  let h: Harness;
  let issueKey: string;
  let fieldId: string;

  const onIssue = <T>(functionKey: string, payload: unknown, accountId = 'admin'): Promise<T> =>
    h.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId, issueKey } }) as Promise<T>;
  const storedTitles = async (): Promise<string[]> => {
    const res = await h.outside('GET', `/rest/api/3/issue/${issueKey}`);
    const value = (res.body as { fields: Record<string, { entries: { title: string }[] } | null> }).fields[fieldId];
    return (value?.entries ?? []).map((entry) => entry.title).sort();
  };
  const add = (title: string) => onIssue<ItemPanel>('addEvidence', { evidence: { kind: 'link', title, url: `https://intranet.example/${encodeURIComponent(title)}` } });

  beforeEach(async () => {
    h = startHarness();
    await registerChecklist(syncV1);
    await h.importChecklist(syncV1.id);
    issueKey = (await h.issues()).find((issue) => itemIdOf(issue) === '1.1')!.key;
    const fields = (await h.outside('GET', '/rest/api/3/field')).body as { id: string; schema?: { custom?: string } }[];
    fieldId = fields.find((f) => f.schema?.custom?.endsWith('/static/audit-evidence'))!.id;
    await h.runtime.idle();
    h.emulator.setFaults({ latencyMs: 100 });
  });
  afterEach(async () => {
    h.emulator.setFaults({});
    await h.close();
  });

  it('keeps exactly the entries of the 20 parallel adds that answered ok; the others say nothing was saved', async () => {
    const titles = Array.from({ length: 20 }, (_, i) => `Evidence ${String(i + 1).padStart(2, '0')}`);
    // A wait long enough that every add gets its turn even on a loaded machine (the default 8 s is
    // about 20 turns at 100 ms a call; the refusal path is the next test's).
    process.env.MSP_VERDICT_LOCK_WAIT_MS = '40000';
    const outcomes = await Promise.allSettled(titles.map((title) => add(title))).finally(() => delete process.env.MSP_VERDICT_LOCK_WAIT_MS);
    const ok = titles.filter((_, i) => outcomes[i]!.status === 'fulfilled');
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
    for (const reason of refused) expect(String((reason as Error).message)).toMatch(/nothing was saved; try again\.$/);
    expect(await storedTitles()).toEqual(ok);
    expect(ok).toHaveLength(20);
  }, 60_000);

  it('answers the calls that waited too long with a conflict that says nothing was saved, and stores exactly the others', async () => {
    process.env.MSP_VERDICT_LOCK_WAIT_MS = '150';
    h.emulator.setFaults({ latencyMs: 200 });
    const titles = Array.from({ length: 6 }, (_, i) => `Slow ${i + 1}`);
    const outcomes = await Promise.allSettled(titles.map((title) => add(title))).finally(() => delete process.env.MSP_VERDICT_LOCK_WAIT_MS);
    const ok = titles.filter((_, i) => outcomes[i]!.status === 'fulfilled');
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as Error] : []));
    expect(refused.length).toBeGreaterThan(0);
    // The resolver throws ConflictError (code `conflict`, which the UI retries once); the local
    // runtime's invoke hands back its message.
    for (const reason of refused) {
      expect(reason.message).toContain(`Someone else is saving a change to the evidence or assessment of ${issueKey} right now, so nothing was saved; try again.`);
    }
    expect(await storedTitles()).toEqual(ok);
  }, 60_000);

  it('never brings back an entry removed while another is being added', async () => {
    const first = await add('Kept');
    const doomed = await add('Removed');
    const doomedId = doomed.evidence.entries.find((entry) => entry.title === 'Removed')!.id;
    expect(first.evidence.count).toBe(1);
    const [removed, added] = await Promise.all([onIssue<ItemPanel>('removeEvidence', { id: doomedId }), add('Added meanwhile')]);
    expect(removed.evidence.entries.map((entry) => entry.title)).not.toContain('Removed');
    expect(added.evidence.entries.map((entry) => entry.title)).toContain('Added meanwhile');
    expect(await storedTitles()).toEqual(['Added meanwhile', 'Kept']);
    // And in the other order of arrival.
    const again = await add('Removed again');
    const againId = again.evidence.entries.find((entry) => entry.title === 'Removed again')!.id;
    await Promise.all([add('Second add'), onIssue<ItemPanel>('removeEvidence', { id: againId })]);
    expect(await storedTitles()).toEqual(['Added meanwhile', 'Kept', 'Second add']);
  }, 60_000);
});
