import { exportRows } from '../../../src/domain/export';
import { scoreChecklist } from '../../../src/domain/scoring';
import type { NamedWaiver } from '../../../src/domain/types';
import { checkWaiverProof, proofLapseDate, waiverRisks } from '../../../src/domain/waiver-proof';
import { addCustomWaiver, applyNamedWaiver, toAppliedWaivers, WaiverValidationError, type WaiverRecord } from '../../../src/domain/waivers';
import { item, pointsChecklist, toDo, waiverProof } from './fixtures';

const NOW = new Date('2026-03-02T10:00:00.000Z');
const CTX = { accountId: 'ana', now: NOW };

// Every function takes the day as an argument; a frozen system clock far away proves none reads it.
beforeAll(() => jest.useFakeTimers({ now: new Date('2031-07-01T00:00:00Z') }));
afterAll(() => jest.useRealTimers());

const soc2: NamedWaiver = { id: 'soc2', name: 'SOC 2 or ISO 27001', reason: 'An independent audit covers security', items: ['8.1', '8.2'], chapters: [] };
const def = pointsChecklist([item('8.1', { points: 40 }), item('8.2', { points: 60 }), item('9.1', { points: 10 })], { passMark: 50, waivers: [soc2] });

const problemsOf = (attempt: () => unknown): string[] => {
  try {
    attempt();
  } catch (error) {
    if (error instanceof WaiverValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected a WaiverValidationError');
};

describe('checkWaiverProof', () => {
  it('returns the proof cleaned (trimmed, empty optional fields dropped)', () => {
    expect(checkWaiverProof({ ...waiverProof(), title: '  ISO 27001 certificate ', note: '' }, '2026-03-02')).toEqual({ ok: true, value: waiverProof() });
  });

  it.each<[string, unknown, string[]]>([
    ['no proof at all', 'none', ['Attach the proof: a title, a link or a note saying where the auditor finds it, and its effective and expiry dates.']],
    [
      'no expiry date',
      { ...waiverProof(), expiryDate: '' },
      ['Proof expiryDate: required: the last day the certificate or report is valid (YYYY-MM-DD); the waiver lapses after it'],
    ],
    ['no effective date', { ...waiverProof(), effectiveDate: undefined }, ['Proof effectiveDate: required: the day the certificate or report took effect (YYYY-MM-DD)']],
    ['a document with neither link nor note', { ...waiverProof(), url: undefined }, ['Proof url: a document needs a url or a note saying where the auditor finds it']],
    ['a script link', { ...waiverProof(), url: 'javascript:alert(1)' }, ['Proof url: must be an https:// or http:// link, not javascript:']],
    ['a title with a bidi override', { ...waiverProof(), title: 'ISO \u202Ecert' }, ['Proof title: must not contain control characters such as tabs or line breaks; keep it on one line']],
    ['an expiry before the effective date', { ...waiverProof('2025-01-01') }, ['Proof expiryDate: must be after effectiveDate (2025-06-01)']],
    ['a date not on the calendar', { ...waiverProof('2027-02-30') }, ['Proof expiryDate: is not a day of the calendar (check the month has that many days)']],
    ['a proof already expired', { ...waiverProof('2026-03-01'), effectiveDate: '2025-03-01' }, ['Proof expiryDate: the proof expired on 2026-03-01; attach the current certificate or report']],
    [
      'an attachment',
      { ...waiverProof(), kind: 'attachment' },
      ['Proof kind: an attachment belongs to one issue and a waiver to none; link to the document, or say in a note where the auditor finds it', 'Proof kind: required: one of document, process, presentation, demo, link, attachment'],
    ],
    ['a field that is not the proof’s', { ...waiverProof(), owner: 'ana' }, ['Proof owner: is not a proof field; use only kind, title, url, note, effectiveDate, expiryDate']],
  ])('refuses %s with words saying what to fix', (_label, raw, problems) => {
    const result = checkWaiverProof(raw, '2026-03-02');
    expect(result).toEqual({ ok: false, problems });
  });

  it('accepts a proof whose last valid day is today', () => {
    expect(checkWaiverProof(waiverProof('2026-03-02'), '2026-03-02').ok).toBe(true);
  });
});

describe('applyNamedWaiver with proof', () => {
  it('refuses a named waiver without proof, saying what to attach', () => {
    expect(problemsOf(() => applyNamedWaiver([], def, 'soc2', CTX))).toEqual([
      'SOC 2 or ISO 27001 needs its proof: attach the certificate or report that grants it (title, a link or a note saying where the auditor finds it, effective and expiry dates); the waiver lapses when it expires.',
    ]);
  });

  it('stores the proof with the record', () => {
    expect(applyNamedWaiver([], def, 'soc2', CTX, waiverProof())[0]?.proof).toEqual(waiverProof());
  });

  it('lets a team waiver go without proof, and checks one when given', () => {
    expect(addCustomWaiver([], def, { reason: 'Group audit', items: ['9.1'] }, CTX)[0]?.proof).toBeUndefined();
    expect(addCustomWaiver([], def, { reason: 'Group audit', items: ['9.1'], proof: waiverProof() }, CTX)[0]?.proof).toEqual(waiverProof());
    expect(problemsOf(() => addCustomWaiver([], def, { reason: 'Group audit', items: ['9.1'], proof: { ...waiverProof(), title: '' } }, CTX))).toEqual([
      'Proof title: required: give the evidence a short title',
    ]);
  });
});

describe('lapse by date', () => {
  const records = applyNamedWaiver([], def, 'soc2', CTX, waiverProof('2026-03-31'));
  const states = [toDo('8.1'), toDo('8.2'), toDo('9.1')];
  const scoreOn = (today: string) => scoreChecklist(def, states, { waivers: toAppliedWaivers(records, today) });

  it('lapses the day after the proof’s last valid day', () => {
    expect(proofLapseDate({ expiryDate: '2026-03-31' })).toBe('2026-04-01');
    expect(proofLapseDate({ expiryDate: '2028-02-28' })).toBe('2028-02-29');
  });

  it('applies the waiver up to and including the expiry date', () => {
    const report = scoreOn('2026-03-31');
    expect(report.items.map((entry) => entry.source)).toEqual(['waiver', 'waiver', 'status']);
    expect(report.score).toBe(100);
  });

  it('no longer applies it from the lapse date: the items count on their own and say why', () => {
    const report = scoreOn('2026-04-01');
    expect(report.score).toBe(0);
    expect(report.counts.waived).toBe(0);
    expect(report.items[0]).toMatchObject({ result: 'not_assessed', source: 'status', reason: 'Waiver SOC 2 or ISO 27001 lapsed on 2026-04-01: its proof expired. Issue MSP-81 is To Do' });
    expect(report.items[2]?.reason).toBe('Issue MSP-91 is To Do');
  });

  it('keeps a waiver applied before proof was asked for (no proof on record) in force', () => {
    const legacy: WaiverRecord[] = records.map(({ proof: _proof, ...rest }) => rest);
    const report = scoreChecklist(def, states, { waivers: toAppliedWaivers(legacy, '2031-01-01') });
    expect(report.counts.waived).toBe(2);
  });

  it('says in the audit pack when the waiver lapsed and that the item counts on its own', () => {
    const report = scoreOn('2026-04-02');
    const rows = exportRows(def, report, { issues: {}, reviews: [], waivers: records, today: '2026-04-02' });
    expect(rows[0]?.result).not.toMatch(/Waived/);
    expect(rows[0]?.waiver).toBe(
      'SOC 2 or ISO 27001: An independent audit covers security (applied 2026-03-02); proof: ISO 27001 certificate (https://trust.example.com/iso27001.pdf), valid 2025-06-01 to 2026-03-31, lapses on 2026-04-01; Waiver SOC 2 or ISO 27001 lapsed on 2026-04-01: its proof expired, so the item counts on its own',
    );
  });
});

describe('waiverRisks', () => {
  const records = applyNamedWaiver([], def, 'soc2', CTX, waiverProof('2026-03-31'));

  it('is silent more than 30 days before the lapse date', () => {
    expect(waiverRisks(records, def, '2026-03-01')).toEqual([]);
  });

  it('warns from 30 days before the lapse date', () => {
    expect(waiverRisks(records, def, '2026-03-02')).toEqual([
      {
        itemId: '8.1',
        waiverId: 'soc2',
        kind: 'waiver-expiring',
        date: '2026-04-01',
        detail: 'Waiver SOC 2 or ISO 27001 lapses in 30 days (2026-04-01): its proof "ISO 27001 certificate" is valid until 2026-03-31. Renew it before the audit, or 8.1, 8.2 count on their own.',
      },
    ]);
    expect(waiverRisks(records, def, '2026-03-31')[0]?.detail).toMatch(/lapses tomorrow \(2026-04-01\)/);
  });

  it('reports the lapse from the lapse date on', () => {
    expect(waiverRisks(records, def, '2026-04-01')).toEqual([
      {
        itemId: '8.1',
        waiverId: 'soc2',
        kind: 'waiver-lapsed',
        date: '2026-04-01',
        detail: 'Waiver SOC 2 or ISO 27001 lapsed on 2026-04-01: its proof expired ("ISO 27001 certificate"); 8.1, 8.2 count on their own. Apply it again with current proof, or meet them.',
      },
    ]);
  });

  it('reports a named waiver with no proof on record, and not a team waiver without one', () => {
    const legacy: WaiverRecord[] = records.map(({ proof: _proof, ...rest }) => rest);
    const team = addCustomWaiver(legacy, def, { reason: 'Group audit', items: ['9.1'] }, CTX);
    expect(waiverRisks(team, def, '2026-03-02').map((risk) => [risk.kind, risk.waiverId])).toEqual([['waiver-no-proof', 'soc2']]);
  });
});
