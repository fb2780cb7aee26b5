/**
 * Chapter labels: `msp-ch-08` for a chapter whose id is `ch-08` (not `msp-ch-ch-08`, which older
 * imports wrote), and a version update renames the old label on the items it keeps, idempotently.
 */
import { syncV1, syncV2 } from '../fixtures/sync-v1-v2';
import type { SyncResult } from '../../common/contract';
import type { ChecklistDefinition } from '../../src/domain/types';
import { registerChecklist } from './checklists';
import { startHarness, type Harness, type OutsideIssue } from './harness';

/** The fixture pair with chapter ids `ch-1`, `ch-2`, `ch-3`. */
const withChPrefix = (def: ChecklistDefinition): ChecklistDefinition => ({
  ...def,
  chapters: def.chapters.map((chapter) => ({ ...chapter, id: `ch-${chapter.id}` })),
  items: def.items.map((item) => ({ ...item, chapterId: `ch-${item.chapterId}` })),
});
const v1 = withChPrefix(syncV1);
const v2 = withChPrefix(syncV2);

const itemOf = (issue: OutsideIssue): { itemId: string; state: string; kind: string } | undefined =>
  issue.properties['msp-audit-item'] as { itemId: string; state: string; kind: string } | undefined;
const labelsOf = (issue: OutsideIssue): string[] => (issue.fields.labels as string[] | undefined) ?? [];

describe('chapter labels', () => {
  let h: Harness;
  beforeEach(async () => {
    h = startHarness();
    await registerChecklist(v1);
    await registerChecklist(v2);
  });
  afterEach(async () => {
    await h.close();
  });

  it('labels items msp-ch-1 for chapter ch-1, and a version update renames msp-ch-ch-1 once', async () => {
    expect(await h.importChecklist(v1.id)).toMatchObject({ state: 'done', created: 8 });
    const items = (await h.issues()).filter((issue) => itemOf(issue)?.kind === 'item');
    for (const issue of items) {
      const chapterId = v1.items.find((item) => item.id === itemOf(issue)!.itemId)!.chapterId;
      expect(labelsOf(issue)).toContain(`msp-ch-${chapterId.slice(3)}`);
      expect(labelsOf(issue).some((label) => label.startsWith('msp-ch-ch-'))).toBe(false);
    }

    // Two items still carry the label an older import wrote.
    const old = items.filter((issue) => ['1.1', '2.1'].includes(itemOf(issue)!.itemId));
    for (const issue of old) {
      const current = labelsOf(issue).find((label) => label.startsWith('msp-ch-'))!;
      const legacy = current.replace('msp-ch-', 'msp-ch-ch-');
      const res = await h.outside('PUT', `/rest/api/3/issue/${issue.key}`, { update: { labels: [{ remove: current }, { add: legacy }] } });
      expect(res.status).toBe(204);
    }

    const result = await h.invoke<SyncResult>('applySync', { checklistId: v2.id });
    expect(result).toMatchObject({ complete: true });
    const after = (await h.issues()).filter((issue) => itemOf(issue)?.kind === 'item' && itemOf(issue)!.state === 'active');
    expect(after).toHaveLength(v2.items.length);
    for (const issue of after) {
      const chapterId = v2.items.find((item) => item.id === itemOf(issue)!.itemId)!.chapterId;
      const chapterLabels = labelsOf(issue).filter((label) => label.startsWith('msp-ch-'));
      expect(chapterLabels).toEqual([`msp-ch-${chapterId.slice(3)}`]);
    }
    // A second update has nothing left to rename (and changes nothing else).
    const again = await h.invoke<{ summary: { update: number; create: number } }>('planSync', { checklistId: v2.id });
    expect(again.summary).toMatchObject({ update: 0, create: 0 });
  });
});
