/**
 * A 2,000-item checklist does not fit one invoke (500 KB) or one KVS value (240 KiB): measured
 * here, then saved in parts with the upload view's own planner (views/upload/save.ts) against the
 * real resolvers, retried, left incomplete, taken over by someone else, and imported.
 */
import type { ChecklistSummary, ChecklistView, Rollup } from '../../common/contract';
import { CUSTOM_CHECKLIST_LIMITS, type InitialResultName, type SaveCustomChecklistResult } from '../../common/custom-checklists';
import type { RawChecklistFile, RawChecklistItem } from '../../common/sheets';
import { jsonBytes, planSave, saveChecklist, type SaveApi } from '../../static/app/src/views/upload/save';
import { startHarness, type Harness } from './harness';

const ITEMS = 2000;
const CHAPTERS = 20;

/** A met-model checklist of `items` items whose requirement text is `requirementLength` characters. */
function bigChecklist(args: { items: number; requirementLength: number; titleLength?: number; id?: string }): RawChecklistFile {
  const filler = 'Show the auditor the written procedure, who owns it, and records that it ran. ';
  const text = (n: number): string => `${n}: ${filler.repeat(Math.ceil(args.requirementLength / filler.length))}`.slice(0, args.requirementLength);
  const items: RawChecklistItem[] = Array.from({ length: args.items }, (_, i) => ({
    id: `C${(i % CHAPTERS) + 1}.${Math.floor(i / CHAPTERS) + 1}`,
    chapter: `c${(i % CHAPTERS) + 1}`,
    title: `Requirement ${i + 1} `.padEnd(args.titleLength ?? 40, 'x'),
    requirement: text(i + 1),
    evidence: ['document'],
    mandatory: i % 5 === 0,
  }));
  return {
    id: args.id ?? 'big-team-1',
    framework: 'big-team',
    name: 'Big team list',
    version: '1',
    description: 'Generated for the chunked save test.',
    model: 'met',
    passRule: {},
    naPolicy: 'award',
    chapters: Array.from({ length: CHAPTERS }, (_, i) => ({ id: `c${i + 1}`, title: `Chapter ${i + 1}` })),
    items,
    waivers: [],
  };
}

function answersFor(def: RawChecklistFile): Record<string, InitialResultName> {
  return Object.fromEntries(def.items.filter((_, i) => i % 3 !== 2).map((item, i) => [item.id, i % 2 === 0 ? 'met' : 'not_met'] as const));
}

describe('how big a 2,000-item checklist is', () => {
  it('exceeds the invoke limit many times over at the text limits, and still at ordinary lengths', () => {
    const atLimits = jsonBytes(bigChecklist({ items: ITEMS, requirementLength: CUSTOM_CHECKLIST_LIMITS.maxRequirementLength, titleLength: 255 }));
    const awsLike = jsonBytes(bigChecklist({ items: ITEMS, requirementLength: 1200 }));
    const short = jsonBytes(bigChecklist({ items: ITEMS, requirementLength: 100 }));
    // Measured: ≈ 20.6 MB, ≈ 2.6 MB and ≈ 0.4 MB. Only the last would fit one call.
    expect(atLimits).toBeGreaterThan(20_000_000);
    expect(awsLike).toBeGreaterThan(2_000_000);
    expect(short).toBeLessThan(CUSTOM_CHECKLIST_LIMITS.singleCallBytes + 100 * 1024);
  });

  it('is planned in parts that each stay far below 500 KB and fit one KVS value', () => {
    const def = bigChecklist({ items: ITEMS, requirementLength: 1200 });
    const plan = planSave({ definition: def, initialResults: answersFor(def), fileName: 'big.csv' });
    if (plan.kind !== 'chunked') throw new Error('expected a chunked plan');
    expect(plan.parts.length).toBeGreaterThan(10);
    for (const part of plan.parts) expect(jsonBytes({ uploadId: '00000000-0000-0000-0000-000000000000', ...part })).toBeLessThan(CUSTOM_CHECKLIST_LIMITS.chunkBytes + 4096);
    expect(jsonBytes(plan.begin)).toBeLessThan(10 * 1024);
    expect(plan.parts.flatMap((part) => part.items)).toHaveLength(ITEMS);
    expect(Object.keys(Object.assign({}, ...plan.parts.map((part) => part.initialResults ?? {})))).toHaveLength(Object.keys(answersFor(def)).length);
  });
});

describe('saving a 2,000-item checklist in parts', () => {
  let h: Harness;
  let api: SaveApi;
  beforeEach(() => {
    h = startHarness();
    api = {
      saveCustomChecklist: (payload) => h.invoke('saveCustomChecklist', payload),
      beginCustomChecklist: (payload) => h.invoke('beginCustomChecklist', payload),
      appendCustomChecklistItems: (payload) => h.invoke('appendCustomChecklistItems', payload),
      commitCustomChecklist: (uploadId) => h.invoke('commitCustomChecklist', { uploadId }),
    };
  });
  afterEach(async () => {
    await h.close();
  });

  it('saves it, lists it, serves it under 5 MB, answers a second commit the same, and imports it within budget', async () => {
    const def = bigChecklist({ items: ITEMS, requirementLength: 1200 });
    const answers = answersFor(def);
    const progress: string[] = [];
    const saved = await saveChecklist(api, { definition: def, initialResults: answers, fileName: 'big.csv' }, ({ done, total }) => progress.push(`${done}/${total}`));
    expect(saved).toMatchObject({ checklist: { id: 'big-team-1', itemCount: ITEMS, source: 'custom' }, unchanged: false, initialResults: Object.keys(answers).length });
    expect(progress.at(-1)).toBe(`${progress.length - 1}/${progress.length - 1}`);
    const calls = h.runtime.invocations().filter((record) => record.kind === 'resolver').map((record) => record.functionKey);
    expect(calls[0]).toBe('beginCustomChecklist');
    expect(calls.at(-1)).toBe('commitCustomChecklist');

    // Staged parts are gone; the stored checklist is in chunks of one KVS value each.
    const keys = h.runtime.kvs.keys();
    expect(keys.filter((key) => key.startsWith('custom-upload-items:'))).toEqual([]);
    const chunks = keys.filter((key) => key.startsWith('custom-checklist-items:big-team-1:'));
    expect(chunks.length).toBeGreaterThan(10);
    for (const key of chunks) expect(jsonBytes(h.runtime.kvs.get(key))).toBeLessThan(240 * 1024);
    // Stored compressed (KVS bills the bytes every rollup reads); the items read back whole below.
    for (const key of chunks) expect(Object.keys(h.runtime.kvs.get(key) as object)).toEqual(['z']);

    expect((await h.invoke<ChecklistSummary[]>('listChecklists')).find((summary) => summary.id === 'big-team-1')).toMatchObject({ itemCount: ITEMS, mandatoryCount: 400 });
    const view = await h.invoke<ChecklistView>('getChecklist', { id: 'big-team-1' });
    expect(view.items).toHaveLength(ITEMS);
    expect(jsonBytes(view)).toBeLessThan(5 * 1024 * 1024);

    const uploadId = keys.find((key) => key.startsWith('custom-upload:'))!.split(':')[1]!;
    expect(await h.invoke<SaveCustomChecklistResult>('commitCustomChecklist', { uploadId })).toMatchObject({ unchanged: true, checklist: { id: 'big-team-1' } });
    await expect(h.invoke('appendCustomChecklistItems', { uploadId, index: 0, items: [] })).rejects.toThrow(
      'This upload was already saved as checklist "big-team-1"; start a new upload to save another file.',
    );

    h.emulator.clearRequests();
    expect(await h.importChecklist('big-team-1')).toMatchObject({ state: 'done', created: ITEMS });
    // The import budget, with the verification pass (every key created read back, 100 a call).
    expect(h.appRequests().length).toBeLessThanOrEqual(Math.ceil(ITEMS / 50) + Math.ceil(CHAPTERS / 50) + Math.ceil((ITEMS + CHAPTERS) / 100) + 10);
    const rollup = await h.invoke<Rollup>('getRollup', { refresh: true });
    expect(rollup.counts).toMatchObject({ met: Object.values(answers).filter((r) => r === 'met').length, notMet: Object.values(answers).filter((r) => r === 'not_met').length });
  }, 120_000);

  it('says which parts never arrived, saves nothing, and commits once they are sent', async () => {
    const def = bigChecklist({ items: 300, requirementLength: 2000 });
    const plan = planSave({ definition: def, initialResults: {}, fileName: 'big.csv' });
    if (plan.kind !== 'chunked') throw new Error('expected a chunked plan');
    const { uploadId } = await api.beginCustomChecklist(plan.begin);
    for (const part of plan.parts.slice(0, -2)) await api.appendCustomChecklistItems({ uploadId, ...part });
    const last = plan.parts.length;
    await expect(api.commitCustomChecklist(uploadId)).rejects.toThrow(`Parts ${last - 1}, ${last} of ${last} never arrived; send them again, then commit.`);
    expect(h.runtime.kvs.keys().filter((key) => key.startsWith('custom-checklist'))).toEqual([]);
    for (const part of plan.parts.slice(-2)) await api.appendCustomChecklistItems({ uploadId, ...part });
    // Sending a part again replaces it rather than adding its items twice.
    await api.appendCustomChecklistItems({ uploadId, ...plan.parts[0]! });
    expect(await api.commitCustomChecklist(uploadId)).toMatchObject({ unchanged: false, checklist: { itemCount: 300 } });
  });

  it('keeps an upload to the account that began it, and refuses a viewer (no Administer Jira) at begin and commit', async () => {
    const def = bigChecklist({ items: 300, requirementLength: 2000 });
    const plan = planSave({ definition: def, initialResults: {}, fileName: 'big.csv' });
    if (plan.kind !== 'chunked') throw new Error('expected a chunked plan');
    await expect(h.invoke('beginCustomChecklist', plan.begin, { accountId: 'viewer' })).rejects.toThrow(/You need Jira's global Administer Jira permission/);
    const { uploadId } = await api.beginCustomChecklist(plan.begin);
    await expect(h.invoke('appendCustomChecklistItems', { uploadId, ...plan.parts[0]! }, { accountId: 'viewer' })).rejects.toThrow(
      `There is no upload ${uploadId} of yours (uploads expire after an hour). Save the checklist again from the start.`,
    );
    await expect(h.invoke('commitCustomChecklist', { uploadId }, { accountId: 'viewer' })).rejects.toThrow(/You need Jira's global Administer Jira permission/);
  });

  it('refuses what a stored checklist cannot hold: too many items, too much text, an oversized part', async () => {
    const header = { ...bigChecklist({ items: 1, requirementLength: 10 }), items: [] };
    await expect(api.beginCustomChecklist({ definition: header, itemCount: 2001, chunkCount: 20 })).rejects.toThrow(
      'A checklist holds 1 to 2,000 items; this upload announces 2,001.',
    );
    await expect(api.beginCustomChecklist({ definition: header, itemCount: 2000, chunkCount: 2000 })).rejects.toThrow(
      'An upload of 2,000 items comes in 1 to 52 parts, not 2,000.',
    );
    const { uploadId } = await api.beginCustomChecklist({ definition: header, itemCount: 10, chunkCount: 1 });
    const huge = bigChecklist({ items: 10, requirementLength: 30_000 }).items;
    await expect(api.appendCustomChecklistItems({ uploadId, index: 0, items: huge })).rejects.toThrow(/^Part 1 is 29\d KB; send at most 160 KB of items a part\.$/);

    const wordy = bigChecklist({ items: ITEMS, requirementLength: 2500 });
    wordy.items[7]!.requirement = 'x'.repeat(10_001);
    await expect(saveChecklist(api, { definition: wordy, initialResults: {}, fileName: 'wordy.xlsx' })).rejects.toThrow(
      [
        'wordy.xlsx was not saved: it has 2 problems. Fix them and save again:',
        'item C8.1: requirement: is 10,001 characters; at most 10,000 fit in the Jira description, so shorten it or link to the full text',
        'document: holds 5.1 MB of text; at most 4.0 MB can be stored, so shorten the requirement texts or split the checklist',
      ].join('\n'),
    );
    expect(h.runtime.kvs.keys().filter((key) => key.startsWith('custom-checklist'))).toEqual([]);
  }, 60_000);
});
