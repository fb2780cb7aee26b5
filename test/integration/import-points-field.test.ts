/**
 * The "Audit points" field through the real import (issue 22.6): a points-model checklist writes
 * each item's points; a met-model one leaves the field empty, so its issues never read "0 pts".
 * The field's formatter (manifest.yml, run by the local host as Jira would) prints nothing for an
 * empty value, nor for a 0 a met-model issue may hold from an older import.
 */
import type { ChecklistDefinition } from '../../src/domain/types';
import { loadAppManifest } from '@msp-audit-ready/forge-local/forge';
import { formatFieldValue } from '@msp-audit-ready/forge-local';
import { syncV1 } from '../fixtures/sync-v1-v2';
import { registerChecklist } from './checklists';
import { APP_DIR, startHarness, type Harness, type OutsideIssue } from './harness';

/** syncV1 as a met / not met checklist: the same items, no points. */
const metModel: ChecklistDefinition = {
  ...syncV1,
  id: 'met-demo-1.0',
  framework: 'met-demo',
  name: 'Met demo',
  model: 'met',
  passRule: { kind: 'met' },
  maxScore: syncV1.items.length,
  items: syncV1.items.map((item) => ({ ...item, points: 0, penalty: 0 })),
};

const itemIdOf = (issue: OutsideIssue): string | undefined => {
  const identity = issue.properties['msp-audit-item'] as { kind?: string; itemId?: string } | undefined;
  return identity?.kind === 'item' ? identity.itemId : undefined;
};

const pointsModule = loadAppManifest(APP_DIR).uiModules.find((module) => module.key === 'audit-points')!;

describe('the Audit points field', () => {
  let h: Harness;
  let pointsField: string;
  beforeEach(async () => {
    h = startHarness();
    const fields = (await h.outside('GET', '/rest/api/3/field')).body as { id: string; schema?: { custom?: string } }[];
    pointsField = fields.find((field) => field.schema?.custom?.endsWith('/static/audit-points'))!.id;
  });
  afterEach(async () => {
    await h.close();
  });

  it('holds each item’s points after a points-model import, shown as "N pts"', async () => {
    await registerChecklist(syncV1);
    expect(await h.importChecklist(syncV1.id)).toMatchObject({ state: 'done' });
    const items = (await h.issues('MSP', { fields: [pointsField] })).filter((issue) => itemIdOf(issue) !== undefined);
    expect(items).toHaveLength(syncV1.items.length);
    for (const issue of items) {
      const points = syncV1.items.find((item) => item.id === itemIdOf(issue))!.points;
      expect(issue.fields[pointsField]).toBe(points);
      expect(formatFieldValue(pointsModule, issue.fields[pointsField])).toBe(`${points} pts`);
    }
  });

  it('stays empty after a met-model import: no issue reads "0 pts"', async () => {
    await registerChecklist(metModel);
    expect(await h.importChecklist(metModel.id)).toMatchObject({ state: 'done' });
    const items = (await h.issues('MSP', { fields: [pointsField] })).filter((issue) => itemIdOf(issue) !== undefined);
    expect(items).toHaveLength(metModel.items.length);
    for (const issue of items) {
      expect(issue.fields[pointsField] ?? null).toBeNull();
      expect(formatFieldValue(pointsModule, issue.fields[pointsField])).toBe('');
    }
    // The import asked Jira to write no points at all.
    expect(h.appRequests().filter((request) => request.path === '/rest/api/3/app/field/value')).toEqual([]);
  });

  it('prints nothing for an empty value or a 0 left by an older import', () => {
    expect([null, undefined, 0, 20].map((value) => formatFieldValue(pointsModule, value))).toEqual(['', '', '', '20 pts']);
  });
});
