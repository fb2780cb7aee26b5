/**
 * The pure parts of the trail's pending decisions (src/trail/pending.ts): the digest a probe
 * compares, whether a probe holds, and which records one call settles.
 */
import { digestOf, dueRecords, fieldDigestOf, isDue, PENDING_GRACE_MS, pendingSchema, probeHolds, SETTLE_PER_CALL, targetOf, type PendingDecision, type Probe } from '../../../src/trail/pending';

const NOW = new Date('2026-12-07T09:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const field = (issueId: string, value: unknown): Probe => ({ kind: 'issue-field', issueId, fieldId: 'customfield_1', digest: fieldDigestOf(value) });
const pending = (id: string, createdAt: string, probe: Probe): PendingDecision => ({
  id,
  createdAt,
  input: { projectKey: 'MSP', actor: 'ana', action: 'assessment.set', at: createdAt },
  probe,
});

describe('digestOf', () => {
  it('is the same for the same JSON whatever the key order or undefined members, and differs otherwise', () => {
    expect(digestOf({ b: 1, a: [2, { d: 'x', c: null }] })).toBe(digestOf({ a: [2, { c: null, d: 'x' }], b: 1, e: undefined }));
    expect(digestOf({ a: 1 })).not.toBe(digestOf({ a: 2 }));
    expect(digestOf([1, 2])).not.toBe(digestOf([2, 1]));
    expect(digestOf(undefined)).toBe(digestOf(null));
    expect(digestOf({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('probeHolds', () => {
  const value = { evidence: { entries: [{ id: 'e1' }] }, assessment: { result: 'met' } };
  it.each<[string, Probe, unknown, boolean]>([
    ['field value as written', field('10001', value), JSON.parse(JSON.stringify(value)), true],
    ['field value given back without its null members', field('10001', { ...value, owner: null, list: [{ a: null, b: 1 }] }), { ...value, list: [{ b: 1 }] }, true],
    ['field value changed since', field('10001', value), { ...value, assessment: { result: 'not_met' } }, false],
    ['field never written', field('10001', value), null, false],
    ['issue gone', field('10001', value), undefined, false],
    ['KVS record as written', { kind: 'kvs', key: 'audit-waivers:MSP:demo', digest: digestOf({ waivers: [] }) }, { waivers: [] }, true],
    ['KVS record absent, absence written', { kind: 'kvs', key: 'k', digest: digestOf(null) }, undefined, true],
    ['KVS record absent', { kind: 'kvs', key: 'k', digest: digestOf({ waivers: [] }) }, undefined, false],
    ['id kept in the list', { kind: 'includes', key: 'crosswalk', path: 'decisions', id: 'd2' }, { decisions: ['d1', 'd2', 'd3'] }, true],
    ['id not in the list', { kind: 'includes', key: 'crosswalk', path: 'decisions', id: 'd9' }, { decisions: ['d1'] }, false],
    ['no list', { kind: 'includes', key: 'crosswalk', path: 'decisions', id: 'd1' }, { revision: 'r' }, false],
    ['no record', { kind: 'includes', key: 'crosswalk', path: 'decisions', id: 'd1' }, undefined, false],
    ['list not an array', { kind: 'includes', key: 'crosswalk', path: 'decisions', id: 'd1' }, { decisions: 'd1' }, false],
  ])('%s', (_case, probe, observed, holds) => {
    expect(probeHolds(probe, observed)).toBe(holds);
  });
});

describe('which records a call settles', () => {
  const a = field('1', 'a');
  const b = field('2', 'b');
  it('names one target per issue field and per KVS key', () => {
    expect(targetOf(a)).toBe(targetOf(field('1', 'other value')));
    expect(targetOf(a)).not.toBe(targetOf(b));
    expect(targetOf({ kind: 'kvs', key: 'crosswalk', digest: 'x' })).toBe(targetOf({ kind: 'includes', key: 'crosswalk', path: 'decisions', id: 'y' }));
  });

  it('judges a record only after the grace, except one of the target about to be written', () => {
    const young = pending('y', ago(PENDING_GRACE_MS - 1), a);
    const old = pending('o', ago(PENDING_GRACE_MS), a);
    expect(isDue(young, NOW, undefined)).toBe(false);
    expect(isDue(old, NOW, undefined)).toBe(true);
    expect(isDue(young, NOW, targetOf(a))).toBe(true);
    expect(isDue(young, NOW, targetOf(b))).toBe(false);
    expect(isDue(pending('bad', 'not a time', a), NOW, undefined)).toBe(true);
  });

  it('leaves a young record whose probe survives later writes (an id kept in the record) to its own append', () => {
    const kept: Probe = { kind: 'includes', key: 'crosswalk', path: 'decisions', id: 'd1' };
    expect(isDue(pending('y', ago(1000), kept), NOW, targetOf(kept))).toBe(false);
    expect(isDue(pending('o', ago(PENDING_GRACE_MS), kept), NOW, targetOf(kept))).toBe(true);
  });

  it('settles the same target first, then the oldest overdue ones, at most SETTLE_PER_CALL', () => {
    const overdue = Array.from({ length: 6 }, (_, i) => pending(`o${i}`, ago(PENDING_GRACE_MS + (10 - i) * 1000), b));
    const mine = pending('mine', ago(1000), a);
    const young = pending('young', ago(1000), b);
    const picked = dueRecords([young, ...overdue.slice().reverse(), mine], NOW, targetOf(a));
    expect(picked.map((record) => record.id)).toEqual(['mine', ...overdue.slice(0, SETTLE_PER_CALL - 1).map((record) => record.id)]);
    expect(dueRecords([young], NOW, undefined)).toEqual([]);
    expect(dueRecords(overdue, NOW, undefined)).toHaveLength(SETTLE_PER_CALL);
  });

  it('reads back only a well-formed record', () => {
    expect(pendingSchema.safeParse(pending('p', ago(0), a)).success).toBe(true);
    expect(pendingSchema.safeParse({ id: 'p', createdAt: ago(0), input: {}, probe: a }).success).toBe(false);
    expect(pendingSchema.safeParse({ ...pending('p', ago(0), a), probe: { kind: 'other' } }).success).toBe(false);
  });
});
