/** Import under faults: 429 storms, 500s, a consumer killed mid-import, a rejected element. */
import { findBuiltinChecklist } from '../../src/checklists';
import { REJECT_MARKER } from '@msp-audit-ready/forge-local/jira';
import { generatedChecklist, registerChecklist } from './checklists';
import { itemIdsOf, startHarness, type Harness } from './harness';

const aws71 = findBuiltinChecklist('aws-msp-7.1')!;
const sortedIds = (ids: string[]): string[] => [...ids].sort();
const chapterEpics = async (h: Harness): Promise<string[]> =>
  (await h.issues()).flatMap((issue) => {
    const identity = issue.properties['msp-audit-item'] as { kind?: string; chapterId?: string } | undefined;
    return identity?.kind === 'chapter' && identity.chapterId ? [identity.chapterId] : [];
  });

describe('import under faults', () => {
  let h: Harness;
  beforeEach(() => {
    h = startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  describe('when Jira answers 30 % 429s and 5 % 500s', () => {
    it('still creates exactly one issue per item and one Epic per chapter', async () => {
      h.emulator.setFaults({ rate429: 0.3, rate500: 0.05, retryAfterS: 0.01 });
      const status = await h.importChecklist(aws71.id);
      h.emulator.setFaults({});
      expect(status).toMatchObject({ state: 'done', created: aws71.items.length });
      expect(sortedIds(itemIdsOf(await h.issues(), aws71.id))).toEqual(sortedIds(aws71.items.map((item) => item.id)));
      expect(sortedIds(await chapterEpics(h))).toEqual(sortedIds([...new Set(aws71.items.map((item) => item.chapterId))]));
      const faulted = h.appRequests().filter((request) => request.status === 429 || request.status === 500);
      expect(faulted.length).toBeGreaterThan(0);
    });
  });

  describe('when Jira answers 500 to bulk creates AFTER committing them (a gateway failure)', () => {
    it('reads back by identity instead of resending: exactly one issue per item and one Epic per chapter', async () => {
      h.emulator.setFaults({ rate500AfterCommit: 0.5 });
      const status = await h.importChecklist(aws71.id);
      h.emulator.setFaults({});
      expect(status).toMatchObject({ state: 'done', created: aws71.items.length });
      expect(sortedIds(itemIdsOf(await h.issues(), aws71.id))).toEqual(sortedIds(aws71.items.map((item) => item.id)));
      expect(sortedIds(await chapterEpics(h))).toEqual(sortedIds([...new Set(aws71.items.map((item) => item.chapterId))]));
      const bulk = h.appRequests().filter((request) => request.path === '/rest/api/3/issue/bulk');
      expect(bulk.filter((request) => request.status === 500).length).toBeGreaterThan(0);
    });
  });

  describe('when the consumer is killed and the platform redelivers its event', () => {
    // Consumer calls: 1 createmeta, 2 fields, 3 search, 4 chapter Epics bulk, 5.. item bulks.
    it.each([
      ['during the chapter bulk call (write lands, answer lost)', 3, true],
      ['during its first item bulk call (write lands, answer lost)', 4, true],
      ['right after its first item bulk call', 5, false],
    ])('finishes with exactly one issue per item: killed %s', async (_case, afterProductCalls, duringCall) => {
      h.runtime.killNextConsumer({ afterProductCalls, duringCall });
      const status = await h.importChecklist(aws71.id);
      expect(status).toMatchObject({ state: 'done', total: aws71.items.length, created: aws71.items.length, existing: 0 });
      expect(sortedIds(itemIdsOf(await h.issues(), aws71.id))).toEqual(sortedIds(aws71.items.map((item) => item.id)));
      expect(sortedIds(await chapterEpics(h))).toEqual(sortedIds([...new Set(aws71.items.map((item) => item.chapterId))]));
      const consumers = h.runtime.invocations().filter((record) => record.kind === 'consumer');
      expect(consumers.map((record) => record.outcome)).toEqual(['killed', 'ok']);
    });
  });

  describe('when the consumer dies and the platform gives up, and the user starts the import again', () => {
    it('the new start resumes the same job once its claim lapsed', async () => {
      // 0 redeliveries: only a new startImport can resume it.
      await h.close();
      h = startHarness({ limits: { maxEventRetries: 0 } });
      h.runtime.killNextConsumer({ afterProductCalls: 4, duringCall: true });
      const { jobId } = await h.invoke<{ jobId: string }>('startImport', { checklistId: aws71.id });
      await h.runtime.idle();
      const again = await h.invoke<{ jobId: string }>('startImport', { checklistId: aws71.id });
      expect(again.jobId).toBe(jobId);
      // The claim holds for 5 minutes; pretend they passed.
      const realNow = Date.now;
      Date.now = () => realNow() + 6 * 60_000;
      try {
        await h.invoke('startImport', { checklistId: aws71.id });
        await h.runtime.idle();
      } finally {
        Date.now = realNow;
      }
      const status = await h.invoke<{ state: string; created: number }>('getImport', { jobId });
      expect(status).toMatchObject({ state: 'done', created: aws71.items.length });
      expect(sortedIds(itemIdsOf(await h.issues(), aws71.id))).toEqual(sortedIds(aws71.items.map((item) => item.id)));
    });
  });

  describe('when Jira rejects one element of a bulk call', () => {
    it('fails with the item and field named, and a re-run after the fix completes', async () => {
      const broken = generatedChecklist({ id: 'team-1.0', items: 120, chapters: 4, title: (n) => (n === 77 ? `Bad ${REJECT_MARKER} title` : `Requirement ${n + 1}`) });
      await registerChecklist(broken);
      const failed = await h.importChecklist('team-1.0');
      const rejected = broken.items[77]!;
      expect(failed.state).toBe('failed');
      expect(failed.error).toMatch(new RegExp(`^Jira rejected item ${rejected.id.replace('.', '\\.')}: summary: `));
      const afterFailure = itemIdsOf(await h.issues(), 'team-1.0');
      expect(afterFailure).not.toContain(rejected.id);

      await registerChecklist(generatedChecklist({ id: 'team-1.0', items: 120, chapters: 4, title: (n) => `Requirement ${n + 1}` }));
      const fixed = await h.importChecklist('team-1.0');
      expect(fixed).toMatchObject({ state: 'done', total: 120 });
      expect(fixed.existing + fixed.created).toBe(120);
      expect(sortedIds(itemIdsOf(await h.issues(), 'team-1.0'))).toEqual(sortedIds(broken.items.map((item) => item.id)));
    });
  });
});
