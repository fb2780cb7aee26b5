/**
 * A named exemption needs its proof, through the real app on the local runtime: refused without one
 * (clear message, nothing written, nothing in the trail), applied with one (stored with the waiver,
 * shown on it, recorded in the trail), a risk from 30 days before it lapses, and once the proof has
 * expired the item counts on its own again. A waiver stored before proof was asked for stays
 * applied and shows as "no proof on record".
 */
import type { AuditDay, Rollup, TrailPage, WaiverProofView } from '../../common/contract';
import { isAbsent, writeValue } from '../../src/storage/kvs';
import { waiversKey } from '../../src/storage/keys';
import { startHarness, type Harness } from './harness';

const CHECKLIST = 'aws-msp-7.1';
const DAY_MS = 24 * 60 * 60 * 1000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('a named waiver with its proof', () => {
  let h: Harness;
  const start = Date.now();
  // Only the clock is faked (timers stay real), so the runtime and emulator run as usual.
  const clockOnly = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const;
  const proof: WaiverProofView = {
    kind: 'link',
    title: 'AWS DevOps Competency approval',
    url: 'https://partnercentral.example.com/competencies/devops',
    effectiveDate: dayOf(start - 300 * DAY_MS),
    expiryDate: dayOf(start + 10 * DAY_MS),
  };
  // The stored waivers; an ABSENT marker (src/storage/kvs.ts) is no record.
  const stored = () => {
    const value = h.runtime.kvs.get(waiversKey('MSP', CHECKLIST));
    return isAbsent(value) ? undefined : (value as { waivers: unknown[] } | undefined);
  };
  const waiverTrail = async () => (await h.invoke<TrailPage>('getTrail', {})).entries.filter((entry) => entry.action.startsWith('waiver.'));
  const ops009 = (rollup: Rollup) => rollup.items.find((item) => item.id === 'OPS-009')!;

  beforeAll(async () => {
    jest.useFakeTimers({ doNotFake: [...clockOnly], now: start });
    h = startHarness();
    expect((await h.importChecklist(CHECKLIST)).state).toBe('done');
  });
  afterAll(async () => {
    await h.close();
    jest.useRealTimers();
  });

  it('refuses the exemption without proof, or with proof lacking its expiry, saying what to attach; nothing is written', async () => {
    await expect(h.invoke('applyWaiver', { checklistId: CHECKLIST, waiverId: 'devops-competency' })).rejects.toThrow(
      'The waiver was not applied: AWS DevOps Competency needs its proof: attach the certificate or report that grants it (title, a link or a note saying where the auditor finds it, effective and expiry dates); the waiver lapses when it expires.',
    );
    const { expiryDate: _no, ...noExpiry } = proof;
    await expect(h.invoke('applyWaiver', { checklistId: CHECKLIST, waiverId: 'devops-competency', proof: { ...noExpiry, url: 'ftp://x.example/cert' } })).rejects.toThrow(
      'The waiver was not applied: Proof expiryDate: required: the last day the certificate or report is valid (YYYY-MM-DD); the waiver lapses after it; Proof url: must be an https:// or http:// link, not ftp:',
    );
    expect(stored()).toBeUndefined();
    expect(await waiverTrail()).toEqual([]);
    expect(ops009(await h.invoke<Rollup>('getRollup', {}))).toMatchObject({ result: 'not_assessed' });
  });

  it('applies it with its proof: stored and shown with the lapse date, in the trail, the item waived, a risk within 30 days of the lapse', async () => {
    const lapsesOn = dayOf(start + 11 * DAY_MS);
    const day = await h.invoke<AuditDay>('applyWaiver', { checklistId: CHECKLIST, waiverId: 'devops-competency', proof });
    expect(day.waivers).toEqual([expect.objectContaining({ id: 'devops-competency', proof, lapsesOn })]);
    expect(day.waivers[0]?.lapsed).toBeUndefined();

    const [entry] = await waiverTrail();
    expect(entry).toMatchObject({ action: 'waiver.apply', actor: 'admin', after: { id: 'devops-competency', proof } });

    const rollup = await h.invoke<Rollup>('getRollup', {});
    expect(ops009(rollup)).toMatchObject({ result: 'met', waivedBy: 'AWS DevOps Competency' });
    expect(rollup.counts.waived).toBe(1);
    expect(rollup.risks.filter((risk) => risk.kind.startsWith('waiver-'))).toEqual([
      {
        itemId: 'OPS-009',
        issueKey: ops009(rollup).issueKey,
        kind: 'waiver-expiring',
        waiverId: 'devops-competency',
        date: lapsesOn,
        detail: `Waiver AWS DevOps Competency lapses in 11 days (${lapsesOn}): its proof "AWS DevOps Competency approval" is valid until ${proof.expiryDate}. Renew it before the audit, or OPS-009 counts on its own.`,
      },
    ]);
  });

  it('lapses when the proof has expired: the item counts on its own with the reason, the pack and the risk say so', async () => {
    const lapsesOn = dayOf(start + 11 * DAY_MS);
    jest.setSystemTime(start + 11 * DAY_MS);
    const rollup = await h.invoke<Rollup>('getRollup', {});
    const item = ops009(rollup);
    expect(item.result).toBe('not_assessed');
    expect(item.waivedBy).toBeUndefined();
    expect(item.reason).toBe(`Waiver AWS DevOps Competency lapsed on ${lapsesOn}: its proof expired. Issue ${item.issueKey} is To Do`);
    expect(rollup.counts.waived).toBe(0);
    expect(rollup.risks.filter((risk) => risk.kind.startsWith('waiver-')).map((risk) => [risk.kind, risk.date])).toEqual([['waiver-lapsed', lapsesOn]]);

    expect((await h.invoke<AuditDay>('getAuditDay', {})).waivers[0]).toMatchObject({ lapsed: true, lapsesOn });
    const csv = await h.invoke<{ csv: string }>('exportAudit', { format: 'csv' });
    expect(csv.csv).toContain(`lapses on ${lapsesOn}; Waiver AWS DevOps Competency lapsed on ${lapsesOn}: its proof expired, so the item counts on its own`);
  });

  it('lets a team waiver carry proof (checked the same way) or none', async () => {
    jest.setSystemTime(start);
    const before = stored();
    await expect(
      h.invoke('addCustomWaiver', { checklistId: CHECKLIST, reason: 'Group SOC 2 report', items: ['OPS-018'], proof: { ...proof, title: 'SOC 2\u202E report' } }),
    ).rejects.toThrow('The waiver was not applied: Proof title: must not contain control characters such as tabs or line breaks; keep it on one line');
    expect(stored()).toEqual(before);
    const withProof = await h.invoke<AuditDay>('addCustomWaiver', { checklistId: CHECKLIST, reason: 'Group SOC 2 report', items: ['OPS-018'], proof });
    expect(withProof.waivers.find((waiver) => waiver.source === 'custom')).toMatchObject({ proof, lapsesOn: dayOf(start + 11 * DAY_MS) });
    const without = await h.invoke<AuditDay>('addCustomWaiver', { checklistId: CHECKLIST, reason: 'Covered by the group', items: ['OPS-013'] });
    expect(without.waivers.find((waiver) => waiver.items.includes('OPS-013'))?.proof).toBeUndefined();
    // Neither is a "no proof" risk: a team waiver without proof is what the team chose.
    const risks = (await h.invoke<Rollup>('getRollup', {})).risks.filter((risk) => risk.kind.startsWith('waiver-'));
    expect(risks.map((risk) => [risk.kind, risk.itemId])).toEqual([
      ['waiver-expiring', 'OPS-009'],
      ['waiver-expiring', 'OPS-018'],
    ]);
  });

  it('keeps a waiver stored before proof was asked for in force, shown as "no proof on record"', async () => {
    jest.setSystemTime(start);
    await h.invoke('removeWaiver', { checklistId: CHECKLIST, id: 'devops-competency' });
    // A record as the app stored it before this change: no proof field.
    await writeValue(waiversKey('MSP', CHECKLIST), {
      waivers: [{ id: 'devops-competency', source: 'named', name: 'AWS DevOps Competency', reason: 'Older', items: ['OPS-009'], chapters: [], appliedBy: 'admin', appliedAt: new Date(start).toISOString() }],
    });
    const rollup = await h.invoke<Rollup>('getRollup', {});
    expect(ops009(rollup)).toMatchObject({ result: 'met', waivedBy: 'AWS DevOps Competency' });
    expect(rollup.risks.filter((risk) => risk.kind.startsWith('waiver-')).map((risk) => risk.kind)).toEqual(['waiver-no-proof']);
    const csv = await h.invoke<{ csv: string }>('exportAudit', { format: 'csv' });
    expect(csv.csv).toContain('AWS DevOps Competency: Older (applied');
    expect(csv.csv).toContain('; no proof on record');
  });
});
