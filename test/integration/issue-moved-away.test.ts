/**
 * An item issue moved to another project (issue 21, part 6), through the emulator's moveIssue test
 * hook (Jira's move: new key, same id and properties, an update event with `project`/`Key`
 * changelog). What the app does with MSP's score and with a new import into MSP.
 */
import type { Rollup } from '../../common/contract';
import { syncV1 } from '../fixtures/sync-v1-v2';
import { registerChecklist } from './checklists';
import { itemIdsOf, startHarness, type Harness } from './harness';

let h: Harness;
let movedTo: string;
let scoreBefore: number;
const item11 = (rollup: Rollup) => rollup.items.find((i) => i.id === '1.1')!;

beforeEach(async () => {
  // `refresh` re-reads Jira at once (instead of after 30 s), so the test can ask for a fresh score.
  process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS = '0';
  h = startHarness();
  await registerChecklist(syncV1);
  h.emulator.addProject({ key: 'OPS' });
  expect(await h.importChecklist(syncV1.id)).toMatchObject({ state: 'done', created: 8 });
  const issue = (await h.issues('MSP')).find((i) => itemIdsOf([i])[0] === '1.1')!;
  await h.transition(issue.key, 'Done');
  await h.runtime.idle();
  const before = await h.invoke<Rollup>('getRollup', { checklistId: syncV1.id, refresh: true });
  expect(item11(before)).toMatchObject({ issueKey: issue.key, result: 'met', earned: 100 });
  scoreBefore = before.score;
  movedTo = h.emulator.moveIssue(issue.key, 'OPS');
  await h.runtime.idle();
});
afterEach(async () => {
  delete process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS;
  await h.close();
});

it('the moved issue no longer counts in MSP: the move makes MSP\'s cached rollup stale', async () => {
  expect(movedTo).toBe('OPS-1');
  // The move's update event (changelog Key MSP-… → OPS-…) marks the project it left as changed, so
  // the next rollup re-reads Jira instead of serving the cache that still counted the issue.
  const after = await h.invoke<Rollup>('getRollup', { checklistId: syncV1.id });
  expect(after.from).toBe('jira');
  expect(item11(after)).toMatchObject({ result: 'not_assessed', reason: 'No issue for this item yet', earned: 0 });
  expect(item11(after).issueKey).toBeUndefined();
  // 1.1 is mandatory (100 points): the met points go and its penalty applies (cost 200).
  expect(after.score).toBe(scoreBefore - 300);
  expect(h.logs).toEqual([]);
});

it('a new import into MSP creates exactly one issue for the moved item again, with true counts', async () => {
  const again = await h.importChecklist(syncV1.id);
  expect(again).toMatchObject({ state: 'done', total: 8, created: 1, existing: 7, failed: 0 });
  expect(itemIdsOf(await h.issues('MSP')).sort()).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2']);
  // The moved issue stays in OPS, untouched; MSP's item 1.1 is the new issue, not yet done.
  expect(itemIdsOf(await h.issues('OPS'))).toEqual(['1.1']);
  const rollup = await h.invoke<Rollup>('getRollup', { checklistId: syncV1.id, refresh: true });
  expect(item11(rollup).issueKey).toMatch(/^MSP-/);
  expect(item11(rollup).result).toBe('not_assessed');
  // A second import finds everything in place.
  expect(await h.importChecklist(syncV1.id)).toMatchObject({ state: 'done', created: 0, existing: 8 });
});
