/**
 * Two people saving one small record at the same moment: chapter reviews of different chapters and
 * project settings that change different switches. Each read-modify-write holds the record's lock
 * (src/platform/record-lock.ts), so both changes are kept and both are on the trail.
 */
import type { AuditDay, ProjectSettings, Rollup, TrailPage } from '../../common/contract';
import { startHarness, type Harness } from './harness';
import { projectChecklists, rememberChecklist } from '../../src/storage/project-state';
import { finishRetiring, noteRetiring, readRetiredChecklists } from '../../src/platform/retired-checklists';

const CHECKLIST = 'aws-msp-7.1';

describe('two saves of one record at once', () => {
  let h: Harness;
  beforeAll(async () => {
    h = startHarness();
    expect((await h.importChecklist(CHECKLIST)).state).toBe('done');
  });
  afterAll(async () => {
    await h.close();
  });
  const trail = async (action: string) => (await h.invoke<TrailPage>('getTrail', {})).entries.filter((entry) => entry.action === action);

  it('keeps both chapter reviews when two chapters are marked reviewed at the same moment', async () => {
    const chapters = ['business', 'people', 'governance', 'platform'];
    await Promise.all(chapters.map((chapterId) => h.invoke<AuditDay>('markChapterReviewed', { checklistId: CHECKLIST, chapterId })));
    const day = await h.invoke<AuditDay>('getAuditDay', { checklistId: CHECKLIST });
    expect(day.chapters.filter((chapter) => chapter.state === 'reviewed').map((chapter) => chapter.chapterId).sort()).toEqual([...chapters].sort());
    expect((await trail('chapter.review')).map((entry) => entry.after && (entry.after as { chapterId?: string }).chapterId).sort()).toEqual([...chapters].sort());
  });

  it('keeps both settings when two admins change different ones at the same moment', async () => {
    await Promise.all([h.invoke<ProjectSettings>('setProjectSettings', { strictMode: true }), h.invoke<ProjectSettings>('setProjectSettings', { fourEyes: false })]);
    expect(await h.invoke<Rollup>('getRollup', {})).toMatchObject({ strictMode: true, fourEyes: false });
    // Each change on the trail, the second one's "before" being what the first left.
    const changes = await trail('settings.change');
    expect(changes).toHaveLength(2);
    const [older, newer] = [...changes].sort((a, b) => a.seq - b.seq);
    expect(newer!.before).toEqual(older!.after);
  });

  it('records one switch, not two from a state already gone, when two people switch reminders or the crosswalk setting the same way at once', async () => {
    const reminderChanges = async () => (await trail('settings.change')).filter((entry) => JSON.stringify(entry.after).includes('reminders'));
    const crosswalkChanges = async () => (await trail('settings.change')).filter((entry) => JSON.stringify(entry.after).includes('crosswalkCountsInStrictMode'));
    await Promise.all([h.invoke('setReminders', { enabled: false }), h.invoke('setReminders', { enabled: false })]);
    expect((await reminderChanges()).map((entry) => [entry.before, entry.after])).toEqual([[{ reminders: true }, { reminders: false }]]);
    await Promise.all([h.invoke('setCrosswalkSettings', { countsInStrictMode: true }), h.invoke('setCrosswalkSettings', { countsInStrictMode: true })]);
    expect((await crosswalkChanges()).map((entry) => [entry.before, entry.after])).toEqual([[{ crosswalkCountsInStrictMode: false }, { crosswalkCountsInStrictMode: true }]]);
  });

  it('keeps every checklist in the project\'s list when imports of different ones record theirs at the same moment', async () => {
    const ids = ['team-a-1.0', 'team-b-1.0', 'team-c-1.0', 'team-d-1.0'];
    await Promise.all(ids.map((id) => rememberChecklist('RACE', id)));
    expect([...(await projectChecklists('RACE'))].sort()).toEqual(ids);
  });

  it('keeps both retirement notes when version updates of two frameworks note theirs at the same moment', async () => {
    await Promise.all([noteRetiring('RACE', ['fw-a-1.0'], 'fw-a-2.0'), noteRetiring('RACE', ['fw-b-1.0'], 'fw-b-2.0')]);
    await Promise.all([finishRetiring('RACE', 'fw-a-2.0'), finishRetiring('RACE', 'fw-b-2.0')]);
    const retired = await readRetiredChecklists('RACE');
    expect(Object.keys(retired).sort()).toEqual(['fw-a-1.0', 'fw-b-1.0']);
    expect(Object.values(retired).every((record) => record.at !== undefined)).toBe(true);
  });
});
