/**
 * Honest moves between versions: a 4.x project with work on it moves to 7.1. The plan says what
 * carries over before anything is written (the eleven 7.1 controls with the exact title of a 4.x
 * item are proposed, nothing else; the issues with work that would be retired are counted); a
 * mapping the plan does not propose is refused with nothing written; the confirmed proposals keep
 * their issue (status, evidence, history) under the new identity; 4.x becomes history.
 */
import type { ItemPanel, Rollup, SyncPreview, SyncResult, TrailPage } from '../../common/contract';
import type { ProjectChecklist } from '../../common/project-checklists';
import { startHarness, type Harness, type OutsideIssue } from './harness';

interface Identity {
  kind: string;
  itemId: string;
  checklistId: string;
  state: string;
}
const identity = (issue: OutsideIssue): Identity | undefined => issue.properties['msp-audit-item'] as Identity | undefined;
const itemKeys = (issues: OutsideIssue[], checklistId: string): Map<string, string> =>
  new Map(issues.flatMap((issue) => (identity(issue)?.kind === 'item' && identity(issue)?.checklistId === checklistId ? [[identity(issue)!.itemId, issue.key] as const] : [])));

/** 7.1 controls whose title is exactly that of a 4.x item (src/checklists/*.yaml; checklist-facts.md). */
const SAME_TITLE: [string, string][] = [
  ['2.5', 'BUSP-003'],
  ['9.2', 'OPSP-001'],
  ['9.3', 'OPSP-002'],
  ['2.2', 'BUS-003'],
  ['4.4', 'PLAT-001'],
  ['8.2', 'SEC-004'],
  ['8.4', 'SEC-007'],
  ['8.3', 'SEC-008'],
  ['9.5', 'OPS-006'],
  ['9.10', 'OPS-008'],
  ['9.12', 'OPS-015'],
];
/** 4.x items with work and no successor: they are retired, their work stays on them. */
const NO_SUCCESSOR = ['1.2', '3.1'];
const link = { kind: 'link', title: 'Runbook (wiki)', url: 'https://intranet.example/runbook' };

describe('moving a 4.x project with work to 7.1', () => {
  let h: Harness;
  const onIssue = <T>(functionKey: string, issueKey: string, payload: unknown = {}): Promise<T> =>
    h.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId: 'admin', issueKey } }) as Promise<T>;
  const snapshot = async (): Promise<string> =>
    JSON.stringify((await h.issues('MSP', { fields: ['status', 'summary', 'labels'], properties: ['msp-audit-item'] })).map((issue) => [issue.key, issue.fields, issue.properties]));

  beforeEach(() => {
    h = startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('proposes the eleven same-title controls, keeps the confirmed ones with their work and retires 4.x as history', async () => {
    expect(await h.importChecklist('aws-msp-4.x')).toMatchObject({ state: 'done', created: 130 });
    const old = itemKeys(await h.issues(), 'aws-msp-4.x');
    const worked = [...SAME_TITLE.map(([from]) => from), ...NO_SUCCESSOR];
    for (const itemId of worked) {
      await h.transition(old.get(itemId)!, 'In Progress');
      await onIssue<ItemPanel>('addEvidence', old.get(itemId)!, { evidence: { ...link, title: `Evidence for ${itemId}` } });
    }
    const before = await h.invoke<Rollup>('getRollup', { checklistId: 'aws-msp-4.x', refresh: true });

    const plan = await h.invoke<SyncPreview>('planSync', { checklistId: 'aws-msp-7.1' });
    // In 7.1 order, as SAME_TITLE lists them.
    expect(plan.proposals.map((proposal) => [proposal.fromItemId, proposal.toItemId])).toEqual(SAME_TITLE);
    expect(plan.proposals).toHaveLength(11);
    expect(plan.proposals.every((proposal) => proposal.withWork && proposal.reason.startsWith('Same title: '))).toBe(true);
    expect(plan.proposals.find((proposal) => proposal.toItemId === 'SEC-008')).toMatchObject({ fromItemId: '8.3', issueKey: old.get('8.3'), reason: 'Same title: “Vulnerability Management”' });
    expect(plan.summary).toMatchObject({ create: 61, retire: 130, carriedOver: 0, activeBefore: 130, retiredWithWork: 13, proposals: 11 });

    // A mapping the plan does not propose: refused, nothing written.
    const untouched = await snapshot();
    await expect(h.invoke('applySync', { checklistId: 'aws-msp-7.1', mappings: [{ fromItemId: '1.2', toItemId: 'SEC-001' }] })).rejects.toThrow(
      'The update does not propose moving item 1.2 to SEC-001',
    );
    expect(await snapshot()).toBe(untouched);
    expect((await h.invoke<ProjectChecklist[]>('listProjectChecklists', {})).map((checklist) => checklist.id)).toEqual(['aws-msp-4.x']);

    const mappings = plan.proposals.map(({ fromItemId, toItemId }) => ({ fromItemId, toItemId }));
    let result: SyncResult | undefined;
    for (let round = 0; round < 10 && result?.complete !== true; round++) result = await h.invoke<SyncResult>('applySync', { checklistId: 'aws-msp-7.1', mappings });
    expect(result?.complete).toBe(true);

    const after = await h.issues('MSP', { fields: ['status'], properties: ['msp-audit-item'] });
    const byKey = new Map(after.map((issue) => [issue.key, issue]));
    for (const [from, to] of SAME_TITLE) {
      const issue = byKey.get(old.get(from)!)!;
      expect([from, identity(issue)]).toMatchObject([from, { checklistId: 'aws-msp-7.1', itemId: to, state: 'active' }]);
      expect((issue.fields.status as { name: string }).name).toBe('In Progress');
      const panel = await onIssue<ItemPanel>('getItemPanel', issue.key);
      expect(panel.item?.id).toBe(to);
      expect(panel.evidence.entries.map((entry) => entry.title)).toEqual([`Evidence for ${from}`]);
    }
    const moved = itemKeys(after, 'aws-msp-7.1');
    expect(moved.size).toBe(61);
    expect(new Set(SAME_TITLE.map(([, to]) => moved.get(to)))).toEqual(new Set(SAME_TITLE.map(([from]) => old.get(from))));
    // Work with no successor stays on the retired issue.
    for (const itemId of NO_SUCCESSOR) {
      const issue = byKey.get(old.get(itemId)!)!;
      expect(identity(issue)?.state).toBe('retired');
      expect((await onIssue<ItemPanel>('getItemPanel', issue.key)).evidence.entries).toHaveLength(1);
    }
    // The 7.1 score counts the carried-over evidence.
    const rollup = await h.invoke<Rollup>('getRollup', { checklistId: 'aws-msp-7.1', refresh: true });
    expect(rollup.items.filter((item) => SAME_TITLE.some(([, to]) => to === item.id)).every((item) => item.issueKey !== undefined)).toBe(true);

    // The trail names each mapping.
    const trail = await h.invoke<TrailPage>('getTrail', {});
    const applied = trail.entries.filter((entry) => entry.action === 'sync.apply');
    const recorded = applied.filter((entry) => (entry.after as { mapping?: string }).mapping === 'confirmed');
    expect(recorded.map((entry) => [(entry.before as { itemId: string }).itemId, entry.itemId]).sort()).toEqual([...SAME_TITLE].sort());
    expect(recorded.every((entry) => entry.issueKey === old.get((entry.before as { itemId: string }).itemId))).toBe(true);

    // 4.x is history: retired, replaced by 7.1, with its last score; 7.1 has nothing more to update.
    const listed = await h.invoke<ProjectChecklist[]>('listProjectChecklists', {});
    expect(listed).toEqual([
      {
        id: 'aws-msp-4.x',
        name: before.checklistName,
        version: '4.x',
        last: false,
        retired: {
          at: expect.any(String) as string,
          replacedBy: 'aws-msp-7.1',
          replacedByVersion: '7.1',
          lastScore: { score: before.score, maxScore: before.maxScore, passed: before.passed, at: expect.any(String) as string },
        },
      },
      { id: 'aws-msp-7.1', name: 'AWS MSP Validation Checklist', version: '7.1', last: true },
    ]);
    const again = await h.invoke<SyncPreview>('planSync', { checklistId: 'aws-msp-7.1' });
    expect(again.summary).toMatchObject({ create: 0, update: 0, retire: 0, unchanged: 61, proposals: 0 });
    // Resuming with the same mappings after the move is a no-op, not a refusal.
    await expect(h.invoke<SyncResult>('applySync', { checklistId: 'aws-msp-7.1', mappings })).resolves.toMatchObject({ created: 0, updated: 0, retired: 0, complete: true });
  }, 120_000);

  it('moves the confirmed issues exactly once under lost answers and search lag, resuming with the same mappings', async () => {
    expect(await h.importChecklist('aws-msp-4.x')).toMatchObject({ state: 'done', created: 130 });
    const old = itemKeys(await h.issues(), 'aws-msp-4.x');
    const plan = await h.invoke<SyncPreview>('planSync', { checklistId: 'aws-msp-7.1' });
    const mappings = plan.proposals.map(({ fromItemId, toItemId }) => ({ fromItemId, toItemId }));
    expect(mappings).toHaveLength(11);

    h.emulator.clearRequests();
    h.emulator.setFaults({ rate500AfterCommit: 0.3, searchLagMs: 5000 });
    let result: SyncResult | Error = new Error('not run');
    let failures = 0;
    for (let run = 0; run < 8 && (result instanceof Error || !result.complete); run++) {
      result = await h.invoke<SyncResult>('applySync', { checklistId: 'aws-msp-7.1', mappings }).catch((error: Error) => error);
      if (result instanceof Error) failures += 1;
    }
    // The faults did strike (answers lost after Jira committed); the app's retries and resumes absorbed them.
    expect(h.appRequests().filter((request) => request.status >= 500).length).toBeGreaterThan(0);
    expect(failures).toBeLessThan(8);
    h.emulator.setFaults({});
    expect(result).toMatchObject({ complete: true });

    const after = await h.issues('MSP', { properties: ['msp-audit-item'] });
    const active = after.filter((issue) => identity(issue)?.kind === 'item' && identity(issue)?.state === 'active');
    expect(active.map((issue) => identity(issue)!.checklistId)).toEqual(Array.from({ length: 61 }, () => 'aws-msp-7.1'));
    expect(new Set(active.map((issue) => identity(issue)!.itemId)).size).toBe(61);
    const moved = itemKeys(after, 'aws-msp-7.1');
    for (const [from, to] of SAME_TITLE) expect([to, moved.get(to)]).toEqual([to, old.get(from)]);
  }, 120_000);
});
