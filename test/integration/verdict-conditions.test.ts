/**
 * What the verdict stands on, through the real app: getRollup says whether the checklist version
 * is still valid (and what to do when it is not), and the "before you apply" conditions outside
 * the checklist are ticked per project and checklist, by Edit issues, read by Browse, each tick in
 * the trail; a forged condition id is refused and writes nothing.
 */
import type { AuditDay, Prerequisites, Rollup } from '../../common/contract';
import { findBuiltinChecklist } from '../../src/checklists';
import { checklistValidity } from '../../src/domain/checklist-validity';
import { prerequisitesKey } from '../../src/storage/keys';
import { startHarness, storedTrail, type Harness } from './harness';
import { WAIVER_PROOF } from './waiver-proof-fixture';

function decisions(h: Harness, action: string): { actor: string; before?: unknown; after?: unknown }[] {
  return storedTrail(h).filter((entry) => entry.action === action);
}

describe('what the verdict stands on', () => {
  let h: Harness;
  beforeAll(async () => {
    h = startHarness();
    expect((await h.importChecklist('aws-msp-7.1')).state).toBe('done');
    h.emulator.addProject({ key: 'OLD', leadAccountId: 'admin' });
    expect((await h.importChecklist('aws-msp-4.x', { projectKey: 'OLD' })).state).toBe('done');
  });
  afterAll(async () => {
    await h.close();
  });

  describe('version validity in getRollup', () => {
    it('carries AWS MSP 7.1’s dates and the state judged on today, with what to do once past them', async () => {
      const rollup = await h.invoke<Rollup>('getRollup', { checklistId: 'aws-msp-7.1' });
      const today = new Date().toISOString().slice(0, 10);
      expect(rollup.validity).toEqual(checklistValidity(findBuiltinChecklist('aws-msp-7.1')!, today));
      expect(rollup.validity).toMatchObject({ validFrom: '2025-08-29', validUntil: '2026-02-28', usableUntil: '2026-05-31' });
      if (rollup.validity!.state !== 'current') {
        expect(rollup.validity!.message).toContain('Get the current checklist from AWS Partner Central, import it with “Bring your own checklist”');
      }
    });

    it('marks the 4.x template historical, whatever the day', async () => {
      const rollup = await h.invoke<Rollup>('getRollup', { checklistId: 'aws-msp-4.x' }, { projectKey: 'OLD' });
      expect(rollup.validity).toMatchObject({ historical: true, state: 'historical' });
      expect(rollup.validity!.message).toMatch(/^AWS MSP Partner Program Validation Checklist \(4\.x template\) 4\.x is a superseded version/);
    });
  });

  describe('the 4.x template’s named waiver', () => {
    it('offers “AWS DevOps Competency” over chapter 6.0 DevOps with its reason; applied, the chapter counts as waived', async () => {
      const day = await h.invoke<AuditDay>('getAuditDay', { checklistId: 'aws-msp-4.x' }, { projectKey: 'OLD', accountId: 'editor' });
      const offered = day.namedWaivers.find((waiver) => waiver.name === 'AWS DevOps Competency');
      expect(offered).toMatchObject({ id: 'devops-competency', chapters: ['ch-06'], items: [], mandatoryItems: [] });
      expect(offered?.reason).toContain('covers the whole of chapter 6.0 DevOps');
      const before = await h.invoke<Rollup>('getRollup', { checklistId: 'aws-msp-4.x' }, { projectKey: 'OLD' });
      // Its items are not mandatory, so Edit issues is enough.
      await h.invoke<AuditDay>('applyWaiver', { checklistId: 'aws-msp-4.x', waiverId: 'devops-competency', proof: WAIVER_PROOF }, { projectKey: 'OLD', accountId: 'editor' });
      const after = await h.invoke<Rollup>('getRollup', { checklistId: 'aws-msp-4.x' }, { projectKey: 'OLD' });
      const devops = after.chapters.find((chapter) => chapter.id === 'ch-06')!;
      expect(devops).toMatchObject({ title: 'DevOps', waivedBy: 'AWS DevOps Competency', met: devops.total, earned: 80 });
      expect(after.score).toBe(before.score + 80);
      await h.invoke('removeWaiver', { checklistId: 'aws-msp-4.x', id: 'devops-competency' }, { projectKey: 'OLD', accountId: 'editor' });
    });
  });

  describe('before you apply', () => {
    const get = (accountId = 'admin') => h.invoke<Prerequisites>('getPrerequisites', { checklistId: 'aws-msp-7.1' }, { accountId });
    const set = (id: string, done: boolean, accountId = 'admin') => h.invoke<Prerequisites>('setPrerequisite', { checklistId: 'aws-msp-7.1', id, done }, { accountId });

    it('lists AWS’s program conditions outside the checklist, none ticked yet', async () => {
      const list = await get();
      expect(list.canEdit).toBe(true);
      expect(list.conditions.map((condition) => [condition.id, condition.done])).toEqual([
        ['aws-tier', false],
        ['aws-case-studies', false],
        ['aws-partner-central', false],
        ['aws-spp-reporting', false],
        ['aws-self-assessment', false],
      ]);
      expect(list.conditions[2]?.text).toBe('Your AWS Partner Central account is linked to an AWS account.');
    });

    it('stores a tick with who and when, per checklist, and records it in the trail once', async () => {
      const ticked = await set('aws-partner-central', true, 'editor');
      expect(ticked.conditions.find((condition) => condition.id === 'aws-partner-central')).toMatchObject({ done: true, by: 'editor' });
      // The same tick again changes nothing and records nothing.
      await set('aws-partner-central', true, 'editor');
      expect((await get('viewer')).conditions.find((condition) => condition.id === 'aws-partner-central')).toMatchObject({ done: true, by: 'editor' });
      expect((await get('viewer')).canEdit).toBe(false);
      expect(decisions(h, 'prerequisite.set').map((entry) => [entry.actor, entry.before, entry.after])).toEqual([
        ['editor', { id: 'aws-partner-central', done: false }, { id: 'aws-partner-central', done: true }],
      ]);
      await set('aws-partner-central', false);
      expect(decisions(h, 'prerequisite.set')).toHaveLength(2);
      // Another project has its own list.
      const other = await h.invoke<Prerequisites>('getPrerequisites', { checklistId: 'aws-msp-4.x' }, { projectKey: 'OLD' });
      expect(other.conditions.map((condition) => [condition.id, condition.done])).toContainEqual(['aws-partner-central', false]);
    });

    it('refuses a viewer, a forged condition id and a checklist the project does not hold, writing nothing', async () => {
      const before = h.runtime.kvs.get(prerequisitesKey('MSP', 'aws-msp-7.1'));
      const trail = decisions(h, 'prerequisite.set').length;
      await expect(set('aws-tier', true, 'viewer')).rejects.toThrow('You need the Edit issues permission in project MSP to tick a before-you-apply condition.');
      await expect(set('aws-tier-forged', true)).rejects.toThrow(
        'AWS MSP Validation Checklist 7.1 has no before-you-apply condition "aws-tier-forged"; pick one of: aws-tier, aws-case-studies, aws-partner-central, aws-spp-reporting, aws-self-assessment. Nothing was changed.',
      );
      await expect(h.invoke('setPrerequisite', { checklistId: 'mspalliance-ucs-23', id: 'ucs-examiner', done: true })).rejects.toThrow(/is not imported in project MSP/);
      await expect(h.invoke('setPrerequisite', { checklistId: 'aws-msp-7.1', id: 'aws-tier', done: 'yes' })).rejects.toThrow();
      expect(h.runtime.kvs.get(prerequisitesKey('MSP', 'aws-msp-7.1'))).toEqual(before);
      expect(decisions(h, 'prerequisite.set')).toHaveLength(trail);
    });

    it('keeps both of two ticks made at the same moment', async () => {
      await Promise.all([set('aws-tier', true), set('aws-case-studies', true, 'editor'), set('aws-self-assessment', true, 'lead')]);
      const list = await get();
      expect(list.conditions.filter((condition) => condition.done).map((condition) => condition.id)).toEqual(['aws-tier', 'aws-case-studies', 'aws-self-assessment']);
    });
  });
});
