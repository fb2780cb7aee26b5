/**
 * N/A as the checklist's publisher allows it, on the built-in checklists, through the real app, the
 * local Forge runtime and the Jira emulator (issue 12, the first loophole): on AWS MSP 7.1 a
 * mandatory control no published exemption covers cannot be set to N/A (it used to make the project
 * pass), a control an exemption covers is pointed at that exemption, and on MSPAlliance UCS N/A
 * needs a written justification. The item panel offers only what the checklist allows.
 */
import type { ChecklistView, ItemPanel, Rollup } from '../../common/contract';
import { startHarness, type Harness, type OutsideIssue } from './harness';

const itemIdOf = (issue: OutsideIssue): string | undefined => {
  const identity = issue.properties['msp-audit-item'] as { kind?: string; itemId?: string } | undefined;
  return identity?.kind === 'item' ? identity.itemId : undefined;
};

interface Exemption {
  name: string;
  items?: string[];
  chapters?: string[];
}

describe('N/A as the publisher allows it', () => {
  let h: Harness;
  let keys: Map<string, string>;

  const onIssue = <T>(functionKey: string, itemId: string, payload: unknown = {}): Promise<T> =>
    h.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId: 'admin', issueKey: keys.get(itemId)! } }) as Promise<T>;

  async function importBuiltin(checklistId: string): Promise<ChecklistView> {
    await h.importChecklist(checklistId);
    keys = new Map((await h.issues()).flatMap((issue) => (itemIdOf(issue) ? [[itemIdOf(issue)!, issue.key]] : [])));
    return h.invoke<ChecklistView>('getChecklist', { id: checklistId });
  }

  beforeEach(() => {
    process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS = '0';
    h = startHarness();
  });
  afterEach(async () => {
    delete process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS;
    await h.close();
  });

  it('AWS MSP 7.1: refuses N/A on a mandatory control no exemption covers, writes nothing, and the verdict stays "not yet"', async () => {
    const def = await importBuiltin('aws-msp-7.1');
    const exemptions = (def as unknown as { waivers: Exemption[] }).waivers;
    const covered = (item: { id: string; chapterId: string }) =>
      exemptions.some((w) => (w.items ?? []).includes(item.id) || (w.chapters ?? []).includes(item.chapterId));
    const target = def.items.find((item) => item.mandatory && !covered(item))!;
    expect(target).toBeDefined();

    const panel = await onIssue<ItemPanel>('getItemPanel', target.id);
    expect(panel.na).toMatchObject({ allowed: false, needsJustification: false });
    expect(panel.na?.explanation).toBe(`${def.name} 7.1 allows only met or not met here: no published exemption covers this item.`);

    const before = await h.invoke<Rollup>('getRollup', { refresh: true });
    await expect(onIssue('setAssessment', target.id, { result: 'na', complexity: null, justification: 'We do not do this.' })).rejects.toThrow(
      `N/A is not allowed on ${target.id} ${target.title}.`,
    );
    const after = await h.invoke<Rollup>('getRollup', { refresh: true });
    expect(after.items.find((item) => item.id === target.id)?.result).toBe(before.items.find((item) => item.id === target.id)?.result);
    expect(after.passed).toBe(false);
    expect(after.mandatoryOpen).toContain(target.id);
    // Nothing reached the item's verdict field.
    const panelAfter = await onIssue<ItemPanel>('getItemPanel', target.id);
    expect(panelAfter.assessment?.result ?? null).toBeNull();
  });

  it('AWS MSP 7.1: names the exemption that covers a control instead of taking an N/A', async () => {
    const def = await importBuiltin('aws-msp-7.1');
    const devops = (def as unknown as { waivers: Exemption[] }).waivers.find((w) => w.name === 'AWS DevOps Competency')!;
    const itemId = devops.items![0]!;
    const panel = await onIssue<ItemPanel>('getItemPanel', itemId);
    expect(panel.na).toMatchObject({ allowed: false });
    expect(panel.na?.explanation).toContain('covered by: AWS DevOps Competency (apply it as a waiver on the Audit page)');
    await expect(onIssue('setAssessment', itemId, { result: 'na', complexity: null })).rejects.toThrow('AWS DevOps Competency');
  });

  it('MSPAlliance UCS: N/A needs a justification, and is kept with it', async () => {
    const def = await importBuiltin('mspalliance-ucs-23');
    const item = def.items.find((candidate) => candidate.mandatory)!;
    const panel = await onIssue<ItemPanel>('getItemPanel', item.id);
    expect(panel.na).toMatchObject({ allowed: true, needsJustification: true });
    await expect(onIssue('setAssessment', item.id, { result: 'na', complexity: null })).rejects.toThrow(
      `N/A on ${item.id} needs a justification: say why this item does not apply to you.`,
    );
    const saved = await onIssue<ItemPanel>('setAssessment', item.id, { result: 'na', complexity: null, justification: 'We resell no third-party services.' });
    expect(saved.assessment).toMatchObject({ result: 'na', justification: 'We resell no third-party services.', assessedBy: 'admin' });
    const rollup = await h.invoke<Rollup>('getRollup', { refresh: true });
    expect(rollup.items.find((row) => row.id === item.id)?.result).toBe('na');
    expect(rollup.naRefused ?? []).not.toContain(item.id);
  });
});
