/**
 * Audit day through the real app on the local runtime: chapter dry runs that go stale when an item
 * moves, named and custom waivers flowing into the score with their reasons (and removed again,
 * leaving the score exactly as before), and who may do what.
 */
import type { AuditDay, Rollup } from '../../common/contract';
import { startHarness, type Harness, type OutsideIssue } from './harness';
import { WAIVER_PROOF } from './waiver-proof-fixture';

const CHECKLIST = 'aws-msp-7.1';
const itemIdOf = (issue: OutsideIssue): string | undefined => {
  const identity = issue.properties['msp-audit-item'] as { kind?: string; itemId?: string } | undefined;
  return identity?.kind === 'item' ? identity.itemId : undefined;
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The rollup without what differs between two reads of the same figures. */
const figures = ({ computedAt: _at, from: _from, history: _history, ...rest }: Rollup) => rest;

describe('audit day', () => {
  let h: Harness;
  let keys: Map<string, string>;
  const key = (itemId: string): string => keys.get(itemId)!;
  const day = (payload: unknown = {}, accountId?: string) => h.invoke<AuditDay>('getAuditDay', payload, accountId ? { accountId } : {});
  const rollup = () => h.invoke<Rollup>('getRollup', {});

  beforeAll(async () => {
    h = startHarness();
    const status = await h.importChecklist(CHECKLIST);
    expect(status.state).toBe('done');
    keys = new Map((await h.issues()).flatMap((issue) => (itemIdOf(issue) ? [[itemIdOf(issue)!, issue.key]] : [])));
  });
  afterAll(async () => {
    await h.close();
  });

  describe('chapter dry runs', () => {
    it('starts with every chapter not yet reviewed, in chapter order', async () => {
      const result = await day();
      expect(result).toMatchObject({ checklistId: CHECKLIST, model: 'met', canEdit: true, reviewCounts: { reviewed: 0, stale: 0, notReviewed: 7 } });
      expect(result.chapters.map((chapter) => [chapter.chapterId, chapter.state])).toEqual([
        ['prereq', 'not-reviewed'],
        ['business', 'not-reviewed'],
        ['people', 'not-reviewed'],
        ['governance', 'not-reviewed'],
        ['platform', 'not-reviewed'],
        ['security', 'not-reviewed'],
        ['operations', 'not-reviewed'],
      ]);
    });

    it('records who reviewed a chapter, when and why; goes stale when one of its items moves; holds again after a new review', async () => {
      const before = Date.now();
      const reviewed = await h.invoke<AuditDay>('markChapterReviewed', { checklistId: CHECKLIST, chapterId: 'operations', note: '  Walked with the auditor’s checklist  ' });
      const operations = reviewed.chapters.find((chapter) => chapter.chapterId === 'operations')!;
      expect(operations).toMatchObject({ state: 'reviewed', changedItems: [], review: { reviewedBy: 'admin', note: 'Walked with the auditor’s checklist' } });
      expect(Date.parse(operations.review!.reviewedAt)).toBeGreaterThanOrEqual(before);
      expect(reviewed.reviewCounts).toEqual({ reviewed: 1, stale: 0, notReviewed: 6 });

      // Jira stamps to the millisecond and a tie counts as seen by the review: move later than that.
      await pause(5);
      await h.transition(key('OPS-009'), 'In Progress');
      await h.runtime.idle();
      const stale = await day();
      expect(stale.chapters.find((chapter) => chapter.chapterId === 'operations')).toMatchObject({ state: 'stale', changedItems: ['OPS-009'] });
      expect(stale.chapters.filter((chapter) => chapter.state !== 'not-reviewed').map((chapter) => chapter.chapterId)).toEqual(['operations']);
      expect(stale.reviewCounts).toEqual({ reviewed: 0, stale: 1, notReviewed: 6 });

      const again = await h.invoke<AuditDay>('markChapterReviewed', { checklistId: CHECKLIST, chapterId: 'operations' });
      expect(again.chapters.find((chapter) => chapter.chapterId === 'operations')).toMatchObject({ state: 'reviewed', changedItems: [] });
      expect(again.chapters.find((chapter) => chapter.chapterId === 'operations')!.review!.note).toBeUndefined();
    });

    it('reads `updated` in the rollup search: no call per item', async () => {
      // A change since the last read, so the delta reads that item's state (unchanged ones stay cached).
      await h.transition(key('OPS-009'), 'To Do');
      await h.runtime.idle();
      h.emulator.clearRequests();
      process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS = '0';
      try {
        await h.invoke('getRollup', { refresh: true });
      } finally {
        delete process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS;
      }
      await day();
      const calls = h.appRequests().map((request) => `${request.method} ${request.path}`);
      // A delta on the cached read (src/rollup/read-states.ts) may bulk-fetch what changed: one call, never one per item.
      expect(calls.filter((call) => call.includes('/issue/') && call !== 'POST /rest/api/3/issue/bulkfetch')).toEqual([]);
      expect(calls.filter((call) => call === 'POST /rest/api/3/issue/bulkfetch').length).toBeLessThanOrEqual(1);
      const read = h.appRequests().find((request) => request.path === '/rest/api/3/issue/bulkfetch' || (request.path === '/rest/api/3/search/jql' && request.actor === 'app' && (request.body as { fields: string[] }).fields.includes('status')));
      expect((read?.body as { fields: string[] }).fields).toContain('updated');
    });

    it('refuses a chapter the checklist does not have, and an over-long note, saying what to fix', async () => {
      await expect(h.invoke('markChapterReviewed', { checklistId: CHECKLIST, chapterId: 'devops' })).rejects.toThrow(
        'Chapter devops is not in AWS MSP Validation Checklist 7.1; pick one of: prereq, business, people, governance, platform, security, operations.',
      );
      await expect(h.invoke('markChapterReviewed', { checklistId: CHECKLIST, chapterId: 'people', note: 'x'.repeat(2001) })).rejects.toThrow(
        'The note is 2001 characters; shorten it to at most 2000.',
      );
    });
  });

  describe('waivers', () => {
    it('applies a named item waiver, a named chapter waiver and a custom one; each reason shows on the items and chapters; removing them restores the exact score', async () => {
      const before = await h.invoke<Rollup>('getRollup', { refresh: true });
      expect(before.items.find((item) => item.id === 'OPS-009')).toMatchObject({ result: 'not_assessed' });

      const named = await h.invoke<AuditDay>('applyWaiver', { checklistId: CHECKLIST, waiverId: 'devops-competency', proof: WAIVER_PROOF });
      expect(named.waivers).toEqual([expect.objectContaining({ id: 'devops-competency', source: 'named', items: ['OPS-009'], chapters: [], appliedBy: 'admin' })]);
      expect(named.namedWaivers.find((waiver) => waiver.id === 'devops-competency')).toMatchObject({ inForce: true });
      // Who applied it, by name (the cached bulk user lookup), for the page to show instead of the account id.
      expect(named.people).toMatchObject({ admin: 'Ada Admin' });
      const afterNamed = await rollup();
      // The cached states still hold: the waiver is applied when they are scored.
      expect(afterNamed.from).toBe('cache');
      expect(afterNamed.items.find((item) => item.id === 'OPS-009')).toMatchObject({
        result: 'met',
        waivedBy: 'AWS DevOps Competency',
        reason: 'Waived: AWS DevOps Competency — Holding the AWS DevOps Competency covers the deployment pipeline control.',
      });
      expect(afterNamed.score).toBe(before.score + 1);

      await h.invoke('applyWaiver', { checklistId: CHECKLIST, waiverId: 'mssp-level1-competency', proof: WAIVER_PROOF });
      const afterChapter = await rollup();
      const security = afterChapter.chapters.find((chapter) => chapter.id === 'security')!;
      expect(security).toMatchObject({
        waivedBy: 'AWS Level 1 MSSP Competency',
        waiverReason: 'Holding the AWS Level 1 Managed Security Services Competency exempts the whole Security section.',
        met: security.total,
      });
      expect(afterChapter.items.filter((item) => item.chapterId === 'security').every((item) => item.waivedBy === 'AWS Level 1 MSSP Competency')).toBe(true);

      const custom = await h.invoke<AuditDay>('addCustomWaiver', {
        checklistId: CHECKLIST,
        name: 'Group SOC',
        reason: 'Covered by the group-wide SOC audit (report 2026-02)',
        items: ['BUSP-001'],
        chapters: ['people'],
      });
      expect(custom.waivers.map((waiver) => [waiver.source, waiver.name])).toEqual([
        ['named', 'AWS DevOps Competency'],
        ['named', 'AWS Level 1 MSSP Competency'],
        ['custom', 'Group SOC'],
      ]);
      const afterCustom = await rollup();
      expect(afterCustom.items.find((item) => item.id === 'BUSP-001')?.reason).toBe('Waived: Group SOC — Covered by the group-wide SOC audit (report 2026-02)');
      expect(afterCustom.chapters.find((chapter) => chapter.id === 'people')).toMatchObject({ waivedBy: 'Group SOC' });

      let left = custom;
      for (const waiver of custom.waivers) left = await h.invoke<AuditDay>('removeWaiver', { checklistId: CHECKLIST, id: waiver.id });
      expect(left.waivers).toEqual([]);
      expect(figures(await rollup())).toEqual(figures(before));
      // Removing again is harmless (a retried request).
      await expect(h.invoke<AuditDay>('removeWaiver', { checklistId: CHECKLIST, id: 'devops-competency' })).resolves.toMatchObject({ waivers: [] });
    });

    it('refuses a waiver already in force, an unknown one and a custom one without a reason', async () => {
      await h.invoke('applyWaiver', { checklistId: CHECKLIST, waiverId: 'devops-competency', proof: WAIVER_PROOF });
      await expect(h.invoke('applyWaiver', { checklistId: CHECKLIST, waiverId: 'devops-competency', proof: WAIVER_PROOF })).rejects.toThrow('AWS DevOps Competency is already in force; nothing to do.');
      await expect(h.invoke('applyWaiver', { checklistId: CHECKLIST, waiverId: 'sap-competency', proof: WAIVER_PROOF })).rejects.toThrow(/has no waiver "sap-competency"; pick one of: devops-competency/);
      await expect(h.invoke('addCustomWaiver', { checklistId: CHECKLIST, reason: '   ', items: ['OPS-001'] })).rejects.toThrow(
        'Give a reason: an auditor will ask why these items are waived.',
      );
      await expect(h.invoke('addCustomWaiver', { checklistId: CHECKLIST, reason: 'Shared', items: ['NOPE-1'] })).rejects.toThrow('Item NOPE-1 is not in');
      await h.invoke('removeWaiver', { checklistId: CHECKLIST, id: 'devops-competency' });
    });
  });

  describe('permissions and context', () => {
    it('shows a viewer the audit day read-only and refuses their changes with the permission to ask for', async () => {
      const seen = await day({}, 'viewer');
      expect(seen.canEdit).toBe(false);
      const keysBefore = h.runtime.kvs.keys().sort();
      await expect(h.invoke('markChapterReviewed', { checklistId: CHECKLIST, chapterId: 'people' }, { accountId: 'viewer' })).rejects.toThrow(
        'You need the Edit issues permission in project MSP to record a chapter review. Ask a Jira admin of the project to grant it.',
      );
      await expect(h.invoke('applyWaiver', { checklistId: CHECKLIST, waiverId: 'devops-competency', proof: WAIVER_PROOF }, { accountId: 'viewer' })).rejects.toThrow(
        'You need the Edit issues permission in project MSP to apply a waiver.',
      );
      await expect(h.invoke('removeWaiver', { checklistId: CHECKLIST, id: 'x' }, { accountId: 'viewer' })).rejects.toThrow('to remove a waiver');
      await expect(h.invoke('addCustomWaiver', { checklistId: CHECKLIST, reason: 'r', items: ['OPS-001'] }, { accountId: 'viewer' })).rejects.toThrow('to add a waiver');
      expect(h.runtime.kvs.keys().sort()).toEqual(keysBefore);
    });

    it('refuses someone who cannot browse the project', async () => {
      await expect(day({}, 'outsider')).rejects.toThrow('You need the Browse projects permission in project MSP to see the audit day.');
      await expect(h.invoke('exportAudit', {}, { accountId: 'outsider' })).rejects.toThrow('to export the audit pack');
    });

    it('needs a checklist imported in the project, and takes the project from the context only', async () => {
      h.emulator.addProject({ key: 'EMPTY' });
      await expect(h.invoke('getAuditDay', {}, { projectKey: 'EMPTY' })).rejects.toThrow('Project EMPTY has no audit checklist yet: import one from the Audit page first.');
      await expect(h.invoke('markChapterReviewed', { checklistId: CHECKLIST, chapterId: 'people' }, { projectKey: 'EMPTY' })).rejects.toThrow(
        'is not imported in project EMPTY: import it from the Audit page first.',
      );
      // A project named in the payload is not a context: it is ignored.
      await expect(h.invoke<AuditDay>('getAuditDay', { projectKey: 'EMPTY' })).resolves.toMatchObject({ checklistId: CHECKLIST });
    });
  });
});
