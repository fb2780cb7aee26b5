/**
 * What one Audit page open and one issue edit cost in KVS (issue 17: the realistic installation
 * under 1 % of Forge's free KVS allowances), from the local runtime's meters, on the built-in AWS
 * MSP 4.x checklist (130 items): the page's Overview calls, a fresh cache, a change in Jira (the
 * trigger), and the next open after it. And the verdict after a change is the changed one: a cut
 * in bytes must never serve a stale score.
 *
 * Bytes are counted as Forge bills them (local/forge/meter.ts): a record read by its key and value,
 * an empty read as 1 KB. So a record the page reads that is usually absent is stored as a tiny
 * "absent" marker once found missing (src/storage/kvs.ts ABSENT), and a write over it must show.
 */
import type { Prerequisites, RoadToAudit, Rollup } from '../../common/contract';
import { EMPTY_READ_BYTES } from '../../local/forge/meter';
import { rollupCacheKey } from '../../src/storage/keys';
import { startHarness, type Harness } from './harness';

const CHECKLIST = 'aws-msp-4.x';
const DAY_MS = 86_400_000;

/** Everything a rollup says except when and how it was read (and the score history it carries). */
function figures(rollup: Rollup): unknown {
  const { computedAt: _at, from: _from, history: _history, ...rest } = rollup;
  return rest;
}

/**
 * The resolvers the Audit page calls when it opens on its Overview (static/app/src/views/audit);
 * the glance's score history comes with the rollup (no getScoreHistory).
 */
const PAGE_OPEN: [string, unknown][] = [
  ['getRollup', {}],
  ['listProjectChecklists', {}],
  ['listChecklists', {}],
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

  it('the first open (a full read from Jira) marks the absent records once: ≤ 13 KB read, ≤ 2.1 KB written', async () => {
    const { usage, result } = await usageOf(openPage);
    expect(rollupOf(result).from).toBe('jira');
    // Nine empty reads billed 1 KB each (and the first reads of the rest), the last time: each is marked absent (≤ 120 bytes written, key and options included).
    expect(usage.kvs.readBytes).toBeLessThanOrEqual(13_000);
    expect(usage.kvs.writeBytes).toBeLessThanOrEqual(2_100);
    const written = Object.keys(usage.kvsByKind).filter((kind) => usage.kvsByKind[kind]!.writes > 0);
    // The cache (compressed), what the next read rests on, and the first point of the score history.
    expect(written).toEqual(expect.arrayContaining(['rollup', 'rollup-base', 'score-history']));
    const markers = written.filter((kind) => !['rollup', 'rollup-base', 'score-history'].includes(kind)).sort();
    // (The custom checklists' query was marked already when the import listed the catalogue.)
    expect(markers).toEqual(['audit-plan', 'audit-prerequisites', 'audit-reviews', 'audit-waivers', 'crosswalk', 'item-map-unclaimed', 'project-retired-checklists', 'project-settings']);
    for (const kind of markers) expect(usage.kvsByKind[kind]!.writeBytes).toBeLessThanOrEqual(120);
  });

  it('an open within the cache: ≤ 14 reads, ≤ 1.8 KB read, no empty read, nothing written; the rollup cache read once', async () => {
    const { usage, result } = await usageOf(openPage);
    expect(rollupOf(result).from).toBe('cache');
    expect(usage.kvs.reads).toBeLessThanOrEqual(14);
    expect(usage.kvs.readBytes).toBeLessThanOrEqual(1_800);
    for (const totals of Object.values(usage.kvsByKind)) expect(totals.readBytes).toBeLessThan(totals.reads * EMPTY_READ_BYTES);
    expect(usage.kvs.writes).toBe(0);
    expect(usage.kvsByKind.rollup?.reads).toBe(1);
    expect(usage.kvsByKind.rollup?.readBytes).toBeLessThanOrEqual(1_000);
    // The glance's history, read once, with the rollup.
    expect(usage.kvsByKind['score-history']?.reads).toBe(1);
    expect(rollupOf(result).history?.history.length).toBeGreaterThan(0);
  });

  it('a record written over its absent marker is what the next read answers (settings, prerequisites, plan)', async () => {
    expect(rollupOf(await openPage()).strictMode).toBe(false);
    await h.invoke('setProjectSettings', { strictMode: true });
    expect((await h.invoke<Rollup>('getRollup', {})).strictMode).toBe(true);
    await h.invoke('setProjectSettings', { strictMode: false });
    expect((await h.invoke<Rollup>('getRollup', {})).strictMode).toBe(false);

    const condition = (await h.invoke<Prerequisites>('getPrerequisites', { checklistId: CHECKLIST })).conditions[0]!;
    expect(condition.done).toBe(false);
    await h.invoke('setPrerequisite', { checklistId: CHECKLIST, id: condition.id, done: true });
    const after = await h.invoke<Prerequisites>('getPrerequisites', { checklistId: CHECKLIST });
    expect(after.conditions.find((c) => c.id === condition.id)?.done).toBe(true);

    expect((await h.invoke<RoadToAudit>('getAuditPlan', { checklistId: CHECKLIST })).plan).toBeNull();
    const date = new Date(Date.now() + 60 * DAY_MS).toISOString().slice(0, 10);
    await h.invoke('setAuditPlan', { checklistId: CHECKLIST, validationDate: date, revision: 0 });
    expect((await h.invoke<RoadToAudit>('getAuditPlan', { checklistId: CHECKLIST })).plan?.validationDate).toBe(date);
  });

  it('an open within the cache after those writes reads ≤ 2 KB and writes nothing', async () => {
    await openPage();
    const { usage, result } = await usageOf(openPage);
    expect(rollupOf(result).from).toBe('cache');
    expect(usage.kvs.reads).toBeLessThanOrEqual(14);
    expect(usage.kvs.readBytes).toBeLessThanOrEqual(2_000);
    expect(usage.kvs.writes).toBe(0);
  });

  it('an issue edit in Jira costs the trigger one blind write of ≤ 60 bytes and no read', async () => {
    const { usage } = await usageOf(() => h.transition(itemKeys[0]!, 'In Progress'));
    expect(usage.kvs).toMatchObject({ reads: 0, writes: 1 });
    expect(usage.kvs.writeBytes).toBeLessThanOrEqual(60);
    expect(usage.kvsByKind['rollup-dirty']?.writes).toBe(1);
  });

  it('the open after edits reads Jira again (a delta): ≤ 18 reads, ≤ 1.6 KB read, 2 writes of ≤ 0.8 KB; the map\'s header only, the cache once', async () => {
    await h.transition(itemKeys[1]!, 'Done');
    const { usage, result } = await usageOf(openPage);
    expect(rollupOf(result).from).toBe('jira');
    expect(usage.kvs.reads).toBeLessThanOrEqual(18);
    expect(usage.kvs.readBytes).toBeLessThanOrEqual(1_600);
    expect(usage.kvs.writes).toBe(2);
    expect(usage.kvs.writeBytes).toBeLessThanOrEqual(800);
    // The item map's header (its generation), not the map: it did not change since the cached read.
    expect(usage.kvsByKind['item-map']?.reads).toBe(1);
    expect(usage.kvsByKind['item-map']!.readBytes).toBeLessThan(200);
    expect(usage.kvsByKind['item-map-chunk']).toBeUndefined();
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
