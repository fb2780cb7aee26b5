/**
 * The pure parts of the upload view and of "Update to version": version order, the next version,
 * ids made from names, the settings a new version starts from, and how a save is split.
 */
import { TextEncoder } from 'node:util';
import type { ChecklistSummary } from '../../common/contract';
import { compareVersions, newerVersions, nextVersion } from '../../static/app/src/views/audit/sync/versions';
import { jsonBytes, planSave } from '../../static/app/src/views/upload/save';
import { basedOn, checklistIdFor, slug, type MetaDraft } from '../../static/app/src/views/upload/upload-model';
import { awsSummary } from './fixtures';

// jsdom has no TextEncoder; payload sizes are counted with it, as in browsers.
Object.assign(globalThis, { TextEncoder });

const summary = (id: string, framework: string, version: string, source: ChecklistSummary['source'] = 'custom'): ChecklistSummary => ({
  ...awsSummary,
  id,
  framework,
  version,
  name: `${framework} list`,
  source,
});

describe('compareVersions', () => {
  it.each([
    ['4.10', '4.9', 1],
    ['4.1', '4.1.1', -1],
    ['7.1-team', '7.1', 1],
    ['2025-08', '2025-10', -1],
    ['v.23', 'v.23', 0],
    ['10', '9', 1],
  ])('orders %s against %s as %d', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });
});

describe('nextVersion', () => {
  it.each([
    ['1', '2'],
    ['4.1', '4.2'],
    ['2025-08', '2025-09'],
    ['7.1-team', '7.2-team'],
    ['draft', 'draft.1'],
    ['', '1'],
  ])('follows %s with %s', (version, expected) => {
    expect(nextVersion(version)).toBe(expected);
  });
});

describe('newerVersions', () => {
  it('lists newer versions of the same framework, newest first', () => {
    const list = [summary('t-1', 't', '1'), summary('t-3', 't', '3'), summary('t-2', 't', '2'), summary('u-9', 'u', '9')];
    expect(newerVersions(list, 't-1').map((s) => s.id)).toEqual(['t-3', 't-2']);
    expect(newerVersions(list, 't-3')).toEqual([]);
    expect(newerVersions(list, 'gone')).toEqual([]);
  });
});

describe('ids from names', () => {
  it.each([
    ['Team ISO list', 'team-iso-list'],
    ['  Ünïcode & Co. v2 ', 'unicode-co.-v2'],
    ['---', ''],
  ])('slug(%j) is %j', (name, expected) => {
    expect(slug(name)).toBe(expected);
  });

  it('keeps a derived id off the built-ins', () => {
    const existing = [summary('aws-msp-7.1', 'aws-msp', '7.1', 'builtin')];
    expect(checklistIdFor('aws-msp', '7.1', existing)).toBe('aws-msp-7.1-team');
    expect(checklistIdFor('team', '1', existing)).toBe('team-1');
  });
});

describe('basedOn', () => {
  const draft: MetaDraft = { name: 'New file', framework: 'new-file', version: '1', id: 'new-file-1', model: 'met', passMark: '', maxScore: '', penalty: '', naRule: 'justified', edited: { framework: false, id: false } };

  it('takes the framework, name and scoring of the newest saved version and raises its version', () => {
    const existing = [{ ...summary('t-1', 't', '1'), model: 'points' as const, passMark: 70 }, { ...summary('t-2', 't', '2'), model: 'points' as const, passMark: 80 }];
    expect(basedOn(draft, 't', existing)).toMatchObject({ basedOn: 't', framework: 't', name: 't list', version: '3', id: 't-3', model: 'points', passMark: '80' });
  });

  it('goes back to deriving from the name when "a new checklist" is chosen again', () => {
    const existing = [summary('t-1', 't', '1')];
    const back = basedOn(basedOn(draft, 't', existing), undefined, existing);
    expect(back).toMatchObject({ framework: 't-list', version: '2', id: 't-list-2', edited: { framework: false, id: false } });
    expect(back.basedOn).toBeUndefined();
  });
});

describe('planSave', () => {
  const definition = {
    id: 'big-1',
    items: Array.from({ length: 10 }, (_, i) => ({ id: `I-${i}`, title: `Item ${i}`, requirement: 'x'.repeat(100) })),
  };

  it('sends a small checklist in one call, answers included', () => {
    const plan = planSave({ definition, initialResults: { 'I-1': 'met' }, fileName: 'a.csv' });
    expect(plan).toMatchObject({ kind: 'single', payload: { definition, initialResults: { 'I-1': 'met' }, fileName: 'a.csv' } });
  });

  it('splits a large one into parts under the chunk size, each with its own items\' answers', () => {
    const plan = planSave({ definition, initialResults: { 'I-1': 'met', 'I-7': 'na' }, fileName: 'a.csv' }, { singleCallBytes: 500, chunkBytes: 400 });
    if (plan.kind !== 'chunked') throw new Error('expected parts');
    expect(plan.begin).toEqual({ definition: { id: 'big-1' }, itemCount: 10, chunkCount: plan.parts.length, fileName: 'a.csv' });
    expect(plan.parts.map((part) => part.items.length)).toEqual([2, 2, 2, 2, 2]);
    expect(plan.parts.map((part) => part.initialResults)).toEqual([{ 'I-1': 'met' }, undefined, undefined, { 'I-7': 'na' }, undefined]);
    for (const part of plan.parts) expect(jsonBytes(part.items)).toBeLessThanOrEqual(400);
  });
});
