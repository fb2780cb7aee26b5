/**
 * Verdict data only the app can change (issue 12, part 2 and 3), through the real app, the local
 * Forge runtime and the Jira emulator: plain Jira REST edits outside the app (as admin) of the
 * evidence field and of the assessment and identity properties change neither the score nor the
 * review states, and the item panel flags them; four eyes on evidence reviews; N/A as the checklist
 * allows it; every decision in the project's trail.
 */
import type { ItemPanel, ProjectSettings, Rollup } from '../../common/contract';
import { syncV1 } from '../fixtures/sync-v1-v2';
import { registerChecklist } from './checklists';
import { startHarness, storedTrail, type Harness, type OutsideIssue } from './harness';

const itemIdOf = (issue: OutsideIssue): string | undefined => {
  const identity = issue.properties['msp-audit-item'] as { kind?: string; itemId?: string } | undefined;
  return identity?.kind === 'item' ? identity.itemId : undefined;
};
const link = (title: string) => ({ kind: 'link', title, url: `https://intranet.example/${encodeURIComponent(title)}` });

interface TrailRow {
  action: string;
  actor: string;
  itemId?: string;
  issueKey?: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
}

describe('verdict data only the app can change', () => {
  let h: Harness;
  let keys: Map<string, string>;
  let ids: Map<string, string>;
  let fieldId: string;

  const key = (itemId: string): string => keys.get(itemId)!;
  const onIssue = <T>(functionKey: string, itemId: string, payload: unknown = {}, accountId = 'admin'): Promise<T> =>
    h.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId, issueKey: key(itemId) } }) as Promise<T>;
  const settings = (payload: Partial<ProjectSettings>, accountId = 'admin') =>
    h.runtime.invoke({ functionKey: 'setProjectSettings', payload, context: { moduleKey: 'audit-page', accountId, projectKey: 'MSP' } }) as Promise<ProjectSettings>;
  const rollup = () => h.invoke<Rollup>('getRollup', { refresh: true });
  const itemOf = (r: Rollup, itemId: string) => r.items.find((item) => item.id === itemId)!;
  const stored = async (itemId: string): Promise<unknown> => {
    const res = await h.outside('GET', `/rest/api/3/issue/${key(itemId)}`);
    return (res.body as { fields: Record<string, unknown> }).fields[fieldId] ?? null;
  };
  const trail = (): TrailRow[] => storedTrail<TrailRow>(h);

  beforeEach(async () => {
    process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS = '0';
    h = startHarness();
    // The checklist asks for a justification with an N/A (the rule a checklist gets when it states none).
    await registerChecklist({ ...syncV1, naRule: 'justified' });
    await h.importChecklist(syncV1.id);
    const issues = await h.issues();
    keys = new Map(issues.flatMap((issue) => (itemIdOf(issue) ? [[itemIdOf(issue)!, issue.key]] : [])));
    ids = new Map(issues.map((issue) => [issue.key, issue.id]));
    const fields = (await h.outside('GET', '/rest/api/3/field')).body as { id: string; schema?: { custom?: string } }[];
    fieldId = fields.find((f) => f.schema?.custom?.endsWith('/static/audit-evidence'))!.id;
    for (const id of ['1.1', '1.2']) await h.transition(key(id), 'Done');
    await h.runtime.idle();
  });
  afterEach(async () => {
    delete process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS;
    await h.close();
  });

  it('refuses a plain Jira edit of the evidence field to everyone, so strict mode and reviews stand as the app recorded them', async () => {
    const added = await onIssue<ItemPanel>('addEvidence', '1.1', { evidence: link('Catalogue') });
    await onIssue('reviewEvidence', '1.1', { id: added.evidence.entries[0]!.id, state: 'accepted' }, 'lead');
    const pending = await onIssue<ItemPanel>('addEvidence', '1.2', { evidence: link('Policy') });
    await settings({ strictMode: true });
    const before = await rollup();
    expect(itemOf(before, '1.1').result).toBe('met');
    expect(itemOf(before, '1.2').result).toBe('not_met');
    const kept = await stored('1.2');

    // An admin marks the pending entry accepted through Jira's own REST API, outside the app.
    const forged = { ...(kept as Record<string, unknown>), entries: [{ ...pending.evidence.entries[0]!, reviewState: 'accepted', reviewer: 'admin', reviewedAt: new Date().toISOString() }], accepted: 1, pending: 0, reviewState: 'accepted' };
    const edit = await h.outside('PUT', `/rest/api/3/issue/${key('1.2')}`, { fields: { [fieldId]: forged } });
    expect(edit).toEqual({ status: 400, body: { errorMessages: [], errors: { [fieldId]: `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.` } } });
    // Not even a Jira admin overriding the editable flag: that is for apps only.
    const override = await h.emulator.handle({ method: 'PUT', path: `/rest/api/3/issue/${key('1.2')}`, query: { overrideEditableFlag: 'true' }, headers: {}, body: { fields: { [fieldId]: forged } }, actor: 'admin', origin: 'outside' });
    expect(override.status).toBe(403);
    // Nor can a person write it through the app-only API by naming the app's account.
    const appApi = await h.outside('PUT', `/rest/api/3/app/field/${fieldId}/value`, { updates: [{ issueIds: [Number(ids.get(key('1.2')))], value: forged }] }, 'app');
    expect(appApi.status).toBe(403);

    expect(await stored('1.2')).toEqual(kept);
    const after = await rollup();
    expect(after.score).toBe(before.score);
    expect(itemOf(after, '1.2')).toMatchObject({ result: 'not_met' });
    const panel = await onIssue<ItemPanel>('getItemPanel', '1.2');
    expect(panel.evidence.entries[0]).toMatchObject({ reviewState: 'pending' });
    expect(panel.result?.result).toBe('not_met');
  });

  it('does not count an assessment property changed outside the app, and the panel flags it without naming the earlier assessor', async () => {
    await onIssue('setAssessment', '2.2', { result: 'not_met', complexity: 'high' }, 'lead');
    const before = await rollup();
    expect(itemOf(before, '2.2')).toMatchObject({ result: 'not_met', reason: 'Assessed not met on the issue' });
    expect(await onIssue<ItemPanel>('getItemPanel', '2.2')).toMatchObject({ outsideChanges: [] });

    const put = await h.outside('PUT', `/rest/api/3/issue/${key('2.2')}/properties/msp-audit-assessment`, { result: 'met', assessedBy: 'lead' });
    expect(put.status).toBe(200);
    await h.runtime.idle();

    const after = await rollup();
    expect(after.score).toBe(before.score);
    expect(itemOf(after, '2.2')).toMatchObject({ result: 'not_met', reason: 'Assessed not met on the issue' });
    const panel = await onIssue<ItemPanel>('getItemPanel', '2.2');
    expect(panel.result).toEqual({ result: 'not_met', reason: 'Assessed not met on the issue' });
    expect(panel.assessment).toMatchObject({ result: 'not_met', complexity: 'high', assessedBy: 'lead' });
    expect(panel.outsideChanges).toEqual([
      expect.stringMatching(
        /^Changed outside the app: the issue’s assessment property \(msp-audit-assessment\) says met, which the app did not record\. It is not trusted and not counted; the assessment in force is not met, recorded by the app for lead on \d{4}-\d{2}-\d{2}\. Set the assessment here to change it\.$/,
      ),
    ]);

    // On an item nobody assessed in the app: still the status's result, and flagged.
    await h.outside('PUT', `/rest/api/3/issue/${key('2.3')}/properties/msp-audit-assessment`, { result: 'met' });
    expect(itemOf(await rollup(), '2.3')).toMatchObject({ result: 'not_assessed', reason: `Issue ${key('2.3')} is To Do` });
    expect((await onIssue<ItemPanel>('getItemPanel', '2.3')).outsideChanges[0]).toMatch(/says met, .* the assessment in force is none \(the result follows the issue status\)/);

    // Setting it again in the app rewrites the mirror: nothing left to flag.
    expect((await onIssue<ItemPanel>('setAssessment', '2.2', { result: 'met', complexity: null })).outsideChanges).toEqual([]);
  });

  it('takes points and mandatory flags from the checklist, never from the identity property', async () => {
    const before = await rollup();
    const identity = (await h.issues()).find((issue) => issue.key === key('2.1'))!.properties['msp-audit-item'] as Record<string, unknown>;
    await h.outside('PUT', `/rest/api/3/issue/${key('2.1')}/properties/msp-audit-item`, { ...identity, points: 5000, mandatory: false, requirementLevel: 'recommended', penalty: 0 });
    await h.runtime.idle();
    const after = await rollup();
    expect(after.score).toBe(before.score);
    expect(after.mandatoryOpen).toEqual(before.mandatoryOpen);
    const panel = await onIssue<ItemPanel>('getItemPanel', '2.1');
    const defItem = syncV1.items.find((item) => item.id === '2.1')!;
    expect(panel.item).toMatchObject({ points: defItem.points, mandatory: defItem.mandatory, penalty: defItem.penalty });
  });

  describe('four eyes', () => {
    it('refuses a review by the person who added the evidence, until a project admin turns it off (recorded)', async () => {
      const added = await onIssue<ItemPanel>('addEvidence', '1.1', { evidence: link('Catalogue') });
      const id = added.evidence.entries[0]!.id;
      expect(added.fourEyes).toBe(true);
      for (const state of ['accepted', 'rejected'] as const) {
        await expect(onIssue('reviewEvidence', '1.1', { id, state })).rejects.toThrow(
          `Four eyes: you added “Catalogue”, so someone else must ${state === 'accepted' ? 'accept' : 'reject'} it. Ask a colleague with Edit issues on ${key('1.1')} to review it (a project admin can turn four eyes off in the audit settings). Nothing was saved.`,
        );
      }
      expect(await stored('1.1')).toMatchObject({ pending: 1, accepted: 0 });

      await expect(settings({ fourEyes: false }, 'lead')).resolves.toEqual({ strictMode: false, fourEyes: false });
      await expect(settings({ fourEyes: true }, 'viewer')).rejects.toThrow(/You need the Administer Projects permission in project MSP/);
      const self = await onIssue<ItemPanel>('reviewEvidence', '1.1', { id, state: 'accepted' });
      expect(self.evidence.entries[0]).toMatchObject({ reviewState: 'accepted', reviewer: 'admin', selfReviewed: true });
      expect(self.fourEyes).toBe(false);
      expect((await rollup()).fourEyes).toBe(false);
      expect(trail().filter((row) => row.action === 'settings.change')).toEqual([
        expect.objectContaining({ actor: 'lead', before: { strictMode: false, fourEyes: true }, after: { strictMode: false, fourEyes: false } }),
      ]);
    });

    it('keeps the self-review mark when the owner changes afterwards', async () => {
      await settings({ fourEyes: false });
      const added = await onIssue<ItemPanel>('addEvidence', '1.1', { evidence: { ...link('Catalogue'), owner: 'admin' } });
      const id = added.evidence.entries[0]!.id;
      await onIssue('reviewEvidence', '1.1', { id, state: 'accepted' });
      const moved = await onIssue<ItemPanel>('editEvidence', '1.1', { id, patch: { owner: 'lead' } });
      expect(moved.evidence.entries[0]).toMatchObject({ owner: 'lead', reviewState: 'accepted', reviewer: 'admin', selfReviewed: true });
    });
  });

  it('refuses an owner Jira does not know, and a review note hiding text, writing nothing', async () => {
    await expect(onIssue('addEvidence', '1.1', { evidence: { ...link('Catalogue'), owner: 'no-such-person' } })).rejects.toThrow(
      'Evidence is not valid; fix and try again: owner: no Jira user has the account id "no-such-person" (or you may not see them); pick the owner from your site\'s people. Nothing was saved.',
    );
    expect(await stored('1.1')).toBeNull();
    const added = await onIssue<ItemPanel>('addEvidence', '1.1', { evidence: link('Catalogue') });
    await expect(onIssue('reviewEvidence', '1.1', { id: added.evidence.entries[0]!.id, state: 'rejected', note: 'ok\u202Egnp.exe' }, 'lead')).rejects.toThrow(
      /Review is not valid; fix and try again: note: must not contain control characters/,
    );
    expect(await stored('1.1')).toMatchObject({ pending: 1, rejected: 0 });
  });

  it('takes an attachment only when it is attached to this very issue', async () => {
    const here = h.emulator.addAttachment(key('1.1'), { filename: 'catalogue.pdf' });
    const elsewhere = h.emulator.addAttachment(key('1.2'), { filename: 'other.pdf' });
    const evidence = (attachmentId: string) => ({ kind: 'attachment', title: 'Signed catalogue', attachmentId });
    await expect(onIssue('addEvidence', '1.1', { evidence: evidence(elsewhere.id) })).rejects.toThrow(
      `Evidence is not valid; fix and try again: attachmentId: ${elsewhere.id} is not an attachment of ${key('1.1')}; attach the file to this issue first, then pick it. Nothing was saved.`,
    );
    await expect(onIssue('addEvidence', '1.1', { evidence: evidence('999999') })).rejects.toThrow(/attachmentId: 999999 is not an attachment of/);
    expect(await stored('1.1')).toBeNull();
    const panel = await onIssue<ItemPanel>('addEvidence', '1.1', { evidence: evidence(here.id) });
    expect(panel.evidence.entries[0]).toMatchObject({ kind: 'attachment', attachmentId: here.id });
    await expect(onIssue('editEvidence', '1.1', { id: panel.evidence.entries[0]!.id, patch: { attachmentId: elsewhere.id } })).rejects.toThrow(/is not an attachment of/);
  });

  describe('N/A as the checklist allows it', () => {
    it('needs a justification (the default rule), keeps it with who and when, and records the decision', async () => {
      await expect(onIssue('setAssessment', '1.3', { result: 'na', complexity: null })).rejects.toThrow(
        'N/A on 1.3 needs a justification: say why this item does not apply to you. Nothing was saved.',
      );
      await expect(onIssue('setAssessment', '1.3', { result: 'na', complexity: null, justification: 'Not us\u202E' })).rejects.toThrow(
        /^The N\/A justification contains U\+202E at character 7, a control or text-direction character that can hide text; remove it\. Nothing was saved\.$/,
      );
      expect(await stored('1.3')).toBeNull();

      const panel = await onIssue<ItemPanel>('setAssessment', '1.3', { result: 'na', complexity: 'low', justification: '  We host no customer workloads.  ' });
      expect(panel.assessment).toMatchObject({ result: 'na', complexity: 'low', justification: 'We host no customer workloads.', assessedBy: 'admin' });
      expect(panel.na).toEqual({ allowed: true, needsJustification: true, explanation: expect.stringMatching(/justification/), maxLength: 2000 });
      expect(await stored('1.3')).toMatchObject({ v: 2, assessment: { result: 'na', justification: 'We host no customer workloads.', assessedBy: 'admin' } });
      expect(trail().filter((row) => row.action === 'assessment.set')).toEqual([
        expect.objectContaining({
          actor: 'admin',
          itemId: '1.3',
          issueKey: key('1.3'),
          before: { result: null, complexity: null },
          after: { result: 'na', complexity: 'low', justification: 'We host no customer workloads.' },
          reason: 'We host no customer workloads.',
        }),
      ]);
    });
  });

  it('records evidence added, edited, reviewed and removed in the trail, with before and after', async () => {
    const added = await onIssue<ItemPanel>('addEvidence', '1.1', { evidence: link('Catalogue') });
    const id = added.evidence.entries[0]!.id;
    await onIssue('editEvidence', '1.1', { id, patch: { title: 'Catalogue v2' } });
    await onIssue('reviewEvidence', '1.1', { id, state: 'rejected', note: 'Unsigned' }, 'lead');
    await onIssue('removeEvidence', '1.1', { id });
    const rows = trail().filter((row) => row.action.startsWith('evidence.'));
    expect(rows.map((row) => [row.action, row.actor, row.itemId])).toEqual([
      ['evidence.add', 'admin', '1.1'],
      ['evidence.edit', 'admin', '1.1'],
      ['evidence.review', 'lead', '1.1'],
      ['evidence.remove', 'admin', '1.1'],
    ]);
    expect(rows[1]).toMatchObject({ before: { title: 'Catalogue' }, after: { title: 'Catalogue v2' } });
    expect(rows[2]).toMatchObject({ before: { reviewState: 'pending' }, after: { reviewState: 'rejected', reviewer: 'lead' }, reason: 'Unsigned' });
    expect(rows[3]).toMatchObject({ before: { id, title: 'Catalogue v2' } });
    expect(rows[3]!.after).toBeUndefined();
  });

  it('treats a value saved before the app owned the field: entries kept, its review decisions pending until reviewed again', async () => {
    // What an editable field could hold before: an entry marked accepted by anyone with Edit issues.
    const entry = { id: 'ev-old', kind: 'link', title: 'Old policy', url: 'https://x.example/old', addedAt: '2026-01-01T00:00:00.000Z', addedBy: 'admin', reviewState: 'accepted', reviewer: 'admin', reviewedAt: '2026-01-02T00:00:00.000Z' };
    const legacy = { entries: [entry], count: 1, accepted: 1, pending: 0, rejected: 0, reviewState: 'accepted' };
    const res = await h.emulator.handle({ method: 'PUT', path: `/rest/api/3/app/field/${fieldId}/value`, query: {}, headers: {}, body: { updates: [{ issueIds: [Number(ids.get(key('1.1')))], value: legacy }] }, actor: 'app', origin: 'app' });
    expect(res.status).toBe(204);
    await settings({ strictMode: true });

    const panel = await onIssue<ItemPanel>('getItemPanel', '1.1');
    expect(panel.evidence.entries).toEqual([{ id: 'ev-old', kind: 'link', title: 'Old policy', url: 'https://x.example/old', addedAt: entry.addedAt, addedBy: 'admin', reviewState: 'pending' }]);
    expect(panel.outsideChanges).toEqual([expect.stringMatching(/saved before MSP Audit Ready owned the field.*its 1 review decision cannot be shown to come from the app and count as pending/)]);
    expect(itemOf(await rollup(), '1.1').result).toBe('not_met');

    await onIssue('reviewEvidence', '1.1', { id: 'ev-old', state: 'accepted' }, 'lead');
    expect(await stored('1.1')).toMatchObject({ v: 2, accepted: 1, entries: [{ id: 'ev-old', reviewer: 'lead' }] });
    expect(itemOf(await rollup(), '1.1').result).toBe('met');
  });
});
