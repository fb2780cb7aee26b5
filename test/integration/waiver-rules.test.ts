/**
 * Waivers through the real app on the local runtime: a waiver that covers a mandatory item needs a
 * project admin (checked as the user; a refusal writes nothing), other waivers keep Edit issues;
 * names and reasons follow the free-text rule; the number in force is bounded with a clear
 * message; every applied or removed waiver is in the decision trail with who, when and why.
 */
import type { AuditDay } from '../../common/contract';
import { MAX_WAIVERS } from '../../src/domain/waivers';
import { isAbsent } from '../../src/storage/kvs';
import { waiversKey } from '../../src/storage/keys';
import { startHarness, storedTrail, type Harness } from './harness';
import { WAIVER_PROOF } from './waiver-proof-fixture';

const CHECKLIST = 'aws-msp-7.1';

/** Every decision stored in the project's trail, oldest first. */
function trailEntries(h: Harness): { action: string; actor: string; reason?: string; after?: { id?: string }; before?: { id?: string } }[] {
  return storedTrail(h);
}
const waiverDecisions = (h: Harness) => trailEntries(h).filter((entry) => entry.action.startsWith('waiver.'));

describe('waiver rules', () => {
  let h: Harness;
  const as = (accountId: string) => ({ accountId });
  // The stored waivers; an ABSENT marker (src/storage/kvs.ts) is no record.
  const stored = () => {
    const value = h.runtime.kvs.get(waiversKey('MSP', CHECKLIST));
    return isAbsent(value) ? undefined : (value as { waivers: { id: string }[] } | undefined);
  };

  beforeAll(async () => {
    h = startHarness();
    expect((await h.importChecklist(CHECKLIST)).state).toBe('done');
  });
  afterAll(async () => {
    await h.close();
  });
  afterEach(async () => {
    for (const waiver of stored()?.waivers ?? []) await h.invoke('removeWaiver', { checklistId: CHECKLIST, id: waiver.id });
  });

  it('tells an editor which waivers cover mandatory items and that they may not apply them', async () => {
    const day = await h.invoke<AuditDay>('getAuditDay', {}, as('editor'));
    expect(day).toMatchObject({ canEdit: true, canAdminister: false, maxWaivers: MAX_WAIVERS });
    expect(day.namedWaivers.find((waiver) => waiver.id === 'devops-competency')?.mandatoryItems).toEqual(['OPS-009']);
    expect((await h.invoke<AuditDay>('getAuditDay', {})).canAdminister).toBe(true);
    // Every answer of the audit day says it, so the panel keeps offering what the person may do.
    expect((await h.invoke<AuditDay>('markChapterReviewed', { checklistId: CHECKLIST, chapterId: 'people' })).canAdminister).toBe(true);
    expect((await h.invoke<AuditDay>('markChapterReviewed', { checklistId: CHECKLIST, chapterId: 'people' }, as('editor'))).canAdminister).toBe(false);
  });

  it('refuses an editor a waiver of a mandatory item with a clear message, and writes nothing', async () => {
    const trailBefore = trailEntries(h).length;
    await expect(h.invoke('applyWaiver', { checklistId: CHECKLIST, waiverId: 'devops-competency', proof: WAIVER_PROOF }, as('editor'))).rejects.toThrow(
      '“AWS DevOps Competency” covers mandatory item OPS-009, so it decides whether the project passes: only a project admin (Administer projects in MSP) may apply it. Nothing was changed; ask a project admin, or waive only items that are not mandatory.',
    );
    await expect(
      h.invoke('addCustomWaiver', { checklistId: CHECKLIST, name: 'Ops by group', reason: 'Group operations team', chapters: ['operations'] }, as('editor')),
    ).rejects.toThrow(/covers mandatory items OPS-001, OPS-002, OPS-003, OPS-004, OPS-005, OPS-006 and 10 more, so it decides whether the project passes/);
    expect(stored()).toBeUndefined();
    expect(trailEntries(h)).toHaveLength(trailBefore);
  });

  it('lets an editor waive a recommended item, and a project admin a mandatory one; each in the trail with who and why', async () => {
    const editor = await h.invoke<AuditDay>('addCustomWaiver', { checklistId: CHECKLIST, name: 'No AI offering', reason: 'We sell no AI services yet', items: ['OPS-018'] }, as('editor'));
    expect(editor.waivers).toEqual([expect.objectContaining({ name: 'No AI offering', reason: 'We sell no AI services yet', appliedBy: 'editor', mandatoryItems: [] })]);
    const admin = await h.invoke<AuditDay>('applyWaiver', { checklistId: CHECKLIST, waiverId: 'devops-competency', proof: WAIVER_PROOF }, as('lead'));
    expect(admin.waivers.map((waiver) => [waiver.name, waiver.appliedBy, waiver.mandatoryItems])).toEqual([
      ['No AI offering', 'editor', []],
      ['AWS DevOps Competency', 'lead', ['OPS-009']],
    ]);
    expect(Date.parse(admin.waivers[1]!.appliedAt)).not.toBeNaN();

    // Removing a mandatory waiver needs what applying it needed.
    await expect(h.invoke('removeWaiver', { checklistId: CHECKLIST, id: 'devops-competency' }, as('editor'))).rejects.toThrow(/only a project admin \(Administer projects in MSP\) may remove it/);
    expect(stored()?.waivers.map((waiver) => waiver.id)).toEqual([editor.waivers[0]!.id, 'devops-competency']);
    await h.invoke('removeWaiver', { checklistId: CHECKLIST, id: 'devops-competency' }, as('lead'));

    expect(waiverDecisions(h).slice(-3).map((entry) => [entry.action, entry.actor, entry.reason, entry.after?.id ?? entry.before?.id])).toEqual([
      ['waiver.apply', 'editor', 'We sell no AI services yet', editor.waivers[0]!.id],
      ['waiver.apply', 'lead', 'Holding the AWS DevOps Competency covers the deployment pipeline control.', 'devops-competency'],
      ['waiver.remove', 'lead', 'Holding the AWS DevOps Competency covers the deployment pipeline control.', 'devops-competency'],
    ]);
  });

  it.each([
    ['a NUL in the reason', { name: 'Fine', reason: 'Covered\u0000 elsewhere' }, 'The reason contains U+0000 at character 8'],
    ['a text-direction override in the name', { name: 'Group\u202ECOS', reason: 'Covered elsewhere' }, 'The name contains U+202E at character 6'],
  ])('refuses %s, writing nothing', async (_label, text, message) => {
    await expect(h.invoke('addCustomWaiver', { checklistId: CHECKLIST, items: ['OPS-013'], ...text })).rejects.toThrow(message);
    expect(stored()?.waivers ?? []).toEqual([]);
  });

  it(`holds at most ${MAX_WAIVERS} waivers in force and refuses the next with a LimitError that says what to do`, async () => {
    const ids = (await h.invoke<{ items: { id: string }[] }>('getChecklist', { id: CHECKLIST })).items.map((item) => item.id);
    for (const id of ids.slice(0, MAX_WAIVERS)) await h.invoke('addCustomWaiver', { checklistId: CHECKLIST, name: `Waiver ${id}`, reason: 'Bulk test', items: [id] });
    expect(stored()?.waivers).toHaveLength(MAX_WAIVERS);
    const refused = h.invoke('addCustomWaiver', { checklistId: CHECKLIST, name: 'One more', reason: 'Bulk test', items: [ids[MAX_WAIVERS]!] });
    await expect(refused).rejects.toThrow(
      `AWS MSP Validation Checklist 7.1 already has ${MAX_WAIVERS} waivers in force, the most one checklist may have. Nothing was added: remove waivers no longer needed, or cover a whole chapter with one waiver instead of items one by one.`,
    );
    expect(stored()?.waivers).toHaveLength(MAX_WAIVERS);
  }, 60_000);
});
