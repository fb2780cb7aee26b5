/**
 * What one Audit page open and one issue edit cost in KVS (issue 17: the realistic installation
 * under 1 % of Forge's free KVS allowances), from the local runtime's meters, on the built-in AWS
 * MSP 4.x checklist (130 items): the page's Overview calls, a fresh cache, a change in Jira (the
 * trigger), and the next open after it. And the verdict after a change is the changed one: a cut
 * in bytes must never serve a stale score.
 */
import type { Rollup } from '../../common/contract';
import { rollupCacheKey } from '../../src/storage/keys';
import { startHarness, type Harness } from './harness';

const CHECKLIST = 'aws-msp-4.x';
const DAY_MS = 86_400_000;

/** Everything a rollup says except when and how it was read. */
function figures(rollup: Rollup): unknown {
  const { computedAt: _at, from: _from, ...rest } = rollup;
  return rest;
}

/** The resolvers the Audit page calls when it opens on its Overview (static/app/src/views/audit). */
const PAGE_OPEN: [string, unknown][] = [
  ['getRollup', {}],
  ['listProjectChecklists', {}],
  ['listChecklists', {}],
  ['getScoreHistory', { checklistId: CHECKLIST }],
  ['getPrerequisites', { checklistId: CHECKLIST }],
];

describe('KVS cost of the Audit page and of an issue edit', () => {
  let h: Harness;
  let jiraOffset = -DAY_MS;
  let itemKeys: string[];

  const usageOf = async <T>(run: () => Promise<T>) => {
    await h.runtime.idle();
    h.runtime.resetUsage();
    const result = await run();
    await h.runtime.idle();
    return { usage: h.runtime.usage(), result };
  };
  const openPage = () => Promise.all(PAGE_OPEN.map(([key, payload]) => h.invoke<unknown>(key, payload)));
  const rollupOf = (answers: unknown[]) => answers[0] as Rollup;

  beforeAll(async () => {
    // Imported "a day ago" on Jira's clock, so only the edits below are recent.
    h = startHarness({}, { now: () => new Date(Date.now() + jiraOffset) });
    expect((await h.importChecklist(CHECKLIST)).state).toBe('done');
    jiraOffset = 0;
    const issues = await h.issues();
    itemKeys = issues.filter((issue) => (issue.properties['msp-audit-item'] as { kind?: string } | undefined)?.kind === 'item').map((issue) => issue.key);
    expect(itemKeys).toHaveLength(130);
  });
  afterAll(async () => {
    await h.close();
  });

  it('the first open (a full read from Jira) reads ≤ 3 KB and writes ≤ 1.4 KB', async () => {
    const { usage, result } = await usageOf(openPage);
    expect(rollupOf(result).from).toBe('jira');
    expect(usage.kvs.readBytes).toBeLessThanOrEqual(3_000);
    expect(usage.kvs.writeBytes).toBeLessThanOrEqual(1_400);
    // The cache (compressed), what the next read rests on, and the first point of the score history.
    expect(Object.keys(usage.kvsByKind).filter((kind) => usage.kvsByKind[kind]!.writes > 0).sort()).toEqual(['rollup', 'rollup-base', 'score-history']);
  });

  it('an open within the cache: ≤ 14 reads, ≤ 2.5 KB read, nothing written; the rollup cache read once', async () => {
    const { usage, result } = await usageOf(openPage);
    expect(rollupOf(result).from).toBe('cache');
    expect(usage.kvs.reads).toBeLessThanOrEqual(14);
    expect(usage.kvs.readBytes).toBeLessThanOrEqual(2_500);
    expect(usage.kvs.writes).toBe(0);
    expect(usage.kvsByKind.rollup?.reads).toBe(1);
    expect(usage.kvsByKind.rollup?.readBytes).toBeLessThanOrEqual(1_100);
  });

  it('an issue edit in Jira costs the trigger one blind write of ≤ 60 bytes and no read', async () => {
    const { usage } = await usageOf(() => h.transition(itemKeys[0]!, 'In Progress'));
    expect(usage.kvs).toMatchObject({ reads: 0, writes: 1 });
    expect(usage.kvs.writeBytes).toBeLessThanOrEqual(60);
    expect(usage.kvsByKind['rollup-dirty']?.writes).toBe(1);
  });

  it('the open after edits reads Jira again (a delta): ≤ 19 reads, ≤ 4.3 KB read, 2 writes of ≤ 1.3 KB; the map and the cache each read once', async () => {
    await h.transition(itemKeys[1]!, 'Done');
    const { usage, result } = await usageOf(openPage);
    expect(rollupOf(result).from).toBe('jira');
    expect(usage.kvs.reads).toBeLessThanOrEqual(19);
    expect(usage.kvs.readBytes).toBeLessThanOrEqual(4_300);
    expect(usage.kvs.writes).toBe(2);
    expect(usage.kvs.writeBytes).toBeLessThanOrEqual(1_300);
    expect(usage.kvsByKind['item-map']?.reads).toBe(1);
    expect(usage.kvsByKind.rollup?.reads).toBe(1);
    // No second scoring of the checklist for the plan's next deadline.
    expect(usage.kvsByKind['audit-plan']?.reads).toBe(1);
  });

  it('the verdict after a change is the changed one, and the same as a full read that ignores the cache', async () => {
    const before = rollupOf(await openPage());
    const row = (rollup: Rollup) => rollup.items.find((item) => item.issueKey === itemKeys[2]);
    await h.transition(itemKeys[2]!, 'Done');
    await h.runtime.idle();
    const after = rollupOf(await openPage());
    expect(after.from).toBe('jira');
    expect(row(after)).not.toEqual(row(before));
    // A full read: no cache (the header dropped), so no delta either.
    h.runtime.kvs.delete(rollupCacheKey('MSP', CHECKLIST));
    const full = await h.invoke<Rollup>('getRollup', {});
    expect(full.from).toBe('jira');
    expect(figures(after)).toEqual(figures(full));
  });
});
