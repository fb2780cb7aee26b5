/**
 * Issue security through the real app: a viewer outside one issue's security level (the emulator's
 * setIssueSecurity) opens the Audit page, the audit day and the export. The app reads the figures as
 * itself, but nothing of that issue reaches the viewer: no key, status, owner, evidence title or
 * URL; an admin still sees everything.
 */
import type { AuditDay, AuditExportCsv, AuditExportReport, ItemPanel, Rollup } from '../../common/contract';
import { syncV1 } from '../fixtures/sync-v1-v2';
import { registerChecklist } from './checklists';
import { startHarness, type Harness, type OutsideIssue } from './harness';

const DAY_MS = 86_400_000;
const day = (offset: number): string => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const itemIdOf = (issue: OutsideIssue): string | undefined => {
  const identity = issue.properties['msp-audit-item'] as { kind?: string; itemId?: string } | undefined;
  return identity?.kind === 'item' ? identity.itemId : undefined;
};
const SECRET_TITLE = 'Restricted pen-test report';
const SECRET_URL = 'https://intranet.example/restricted/pentest';

describe('issue security on the Audit page', () => {
  let h: Harness;
  let keys: Map<string, string>;
  const key = (itemId: string): string => keys.get(itemId)!;
  const as = (accountId: string) => ({ accountId });

  beforeAll(async () => {
    h = startHarness();
    await registerChecklist(syncV1);
    await h.importChecklist(syncV1.id);
    keys = new Map((await h.issues()).flatMap((issue) => (itemIdOf(issue) ? [[itemIdOf(issue)!, issue.key]] : [])));
    await h.transition(key('1.1'), 'Done');
    await h.transition(key('1.2'), 'Done');
    expect((await h.outside('PUT', `/rest/api/3/issue/${key('1.1')}`, { fields: { assignee: { accountId: 'admin' } } })).status).toBe(204);
    await h.runtime.invoke({
      functionKey: 'addEvidence',
      payload: { evidence: { kind: 'document', title: SECRET_TITLE, url: SECRET_URL, expiryDate: day(5) } },
      context: { moduleKey: 'audit-item-panel', accountId: 'admin', issueKey: key('1.1') },
    }) as Promise<ItemPanel>;
    await h.runtime.idle();
    await h.invoke('markChapterReviewed', { checklistId: syncV1.id, chapterId: '1' });
    // Jira stamps to the millisecond and a tie counts as seen by the review: move later than that.
    await pause(5);
    await h.transition(key('1.1'), 'In Progress');
    await h.transition(key('1.1'), 'Done');
    await h.runtime.idle();
    h.emulator.setIssueSecurity(key('1.1'), ['viewer']);
  });
  afterAll(async () => {
    await h.close();
  });

  it('the emulator hides the issue from the viewer only', async () => {
    expect((await h.outside('GET', `/rest/api/3/issue/${key('1.1')}`, undefined, 'viewer')).status).toBe(404);
    expect((await h.outside('GET', `/rest/api/3/issue/${key('1.2')}`, undefined, 'viewer')).status).toBe(200);
    expect((await h.outside('GET', `/rest/api/3/issue/${key('1.1')}`)).status).toBe(200);
  });

  it('getRollup: same figures, but the hidden row and its risk carry no issue key or evidence detail', async () => {
    const admin = await h.invoke<Rollup>('getRollup', {});
    const viewer = await h.invoke<Rollup>('getRollup', {}, as('viewer'));
    expect(admin).toMatchObject({ hiddenItems: 0 });
    expect(admin.items.find((item) => item.id === '1.1')).toMatchObject({ issueKey: key('1.1'), result: 'met' });
    expect(admin.risks.find((risk) => risk.itemId === '1.1')).toMatchObject({ issueKey: key('1.1'), kind: 'evidence-expiring', date: day(5) });
    expect(admin.risks.find((risk) => risk.itemId === '1.1')!.detail).toContain(SECRET_TITLE);

    expect(viewer).toMatchObject({ score: admin.score, counts: admin.counts, chapters: admin.chapters, hiddenItems: 1, from: 'cache' });
    const row = viewer.items.find((item) => item.id === '1.1')!;
    expect(row).not.toHaveProperty('issueKey');
    expect(row.reason).toBe("You cannot see this item's issue");
    expect(viewer.items.find((item) => item.id === '1.2')).toMatchObject({ issueKey: key('1.2') });
    expect(viewer.risks.filter((risk) => risk.itemId === '1.1')).toEqual([{ itemId: '1.1', kind: 'evidence-expiring', detail: "You cannot see this item's issue." }]);
    const text = JSON.stringify(viewer);
    for (const secret of [key('1.1'), SECRET_TITLE, SECRET_URL]) expect(text).not.toContain(secret);
  });

  it('getAuditDay: a change to the hidden issue neither names it nor makes the viewer’s chapter stale', async () => {
    const admin = await h.invoke<AuditDay>('getAuditDay', {});
    const viewer = await h.invoke<AuditDay>('getAuditDay', {}, as('viewer'));
    expect(admin.chapters.find((chapter) => chapter.chapterId === '1')).toMatchObject({ state: 'stale', changedItems: ['1.1'] });
    expect(viewer.chapters.find((chapter) => chapter.chapterId === '1')).toMatchObject({ state: 'reviewed', changedItems: [] });
    expect(JSON.stringify(viewer)).not.toContain(key('1.1'));
  });

  it('exportAudit: searched as the viewer, so the hidden issue’s key, status, owner and evidence are not in the pack', async () => {
    h.emulator.clearRequests();
    const csv = await h.invoke<AuditExportCsv>('exportAudit', {}, as('viewer'));
    const search = h.appRequests().find((request) => request.path === '/rest/api/3/search/jql')!;
    expect(search.actor).toBe('viewer');
    for (const secret of [key('1.1'), SECRET_TITLE, SECRET_URL, 'Ada Admin']) expect(csv.csv).not.toContain(secret);
    expect(csv.csv).toContain(key('1.2'));

    const report = await h.invoke<AuditExportReport>('exportAudit', { format: 'report' }, as('viewer'));
    const item = report.report.chapters[0]!.items.find((entry) => entry.id === '1.1')!;
    expect(item).not.toHaveProperty('issueKey');
    expect(item.evidence).toEqual([]);
    const text = JSON.stringify(report);
    for (const secret of [key('1.1'), SECRET_TITLE, SECRET_URL, 'Ada Admin']) expect(text).not.toContain(secret);

    const admin = await h.invoke<AuditExportCsv>('exportAudit', {});
    for (const secret of [key('1.1'), SECRET_TITLE, SECRET_URL, 'Ada Admin']) expect(admin.csv).toContain(secret);
  });
});
