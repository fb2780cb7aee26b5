/**
 * manifest.yml holds the evidence field's JSON schema and formatter literally (Forge reads the
 * manifest, not our code); this pins them to the domain constants so the two cannot drift, and
 * checks the modules the evidence feature relies on are declared.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EVIDENCE_FIELD_SCHEMA, EVIDENCE_FORMATTER_EXPRESSION } from '../../src/domain/evidence';
import { EVIDENCE_FIELD_MODULE } from '../../src/platform/evidence-field-id';
import { ASSESSMENT_PROPERTY } from '../../src/jira/identity';
import { moduleViews } from '../../static/app/src/modules';

type Module = Record<string, unknown> & { key: string };
const manifest = parse(readFileSync(join(__dirname, '..', '..', 'manifest.yml'), 'utf8')) as { modules: Record<string, Module[]> };
const moduleOf = (type: string, key: string): Module | undefined => manifest.modules[type]?.find((m) => m.key === key);

describe('manifest.yml and the evidence feature', () => {
  const field = moduleOf('jira:customField', EVIDENCE_FIELD_MODULE);

  it('declares the evidence field as an object field with the domain schema, literally', () => {
    expect(field).toMatchObject({ type: 'object', name: 'Audit evidence' });
    expect(field?.schema).toEqual(EVIDENCE_FIELD_SCHEMA);
  });

  it('uses the domain formatter expression', () => {
    expect((field?.view as { formatter?: { expression?: string } }).formatter?.expression).toBe(EVIDENCE_FORMATTER_EXPRESSION);
  });

  it('is read-only: only the app writes it, so it has a view from the one app and no edit entry point', () => {
    expect(field?.readOnly).toBe(true);
    expect(field?.view).toMatchObject({ resource: 'main' });
    expect(field?.edit).toBeUndefined();
    expect(field?.resolver).toEqual({ function: 'resolver' });
  });

  it('declares the item panel with the shared resolver', () => {
    expect(moduleOf('jira:issuePanel', 'audit-item-panel')).toMatchObject({ resource: 'main', resolver: { function: 'resolver' }, title: 'Audit item' });
  });

  it('indexes the assessment for JQL', () => {
    const index = manifest.modules['jira:entityProperty']?.find((m) => m.propertyKey === ASSESSMENT_PROPERTY);
    expect(index?.values).toEqual([
      { path: 'result', type: 'string', searchAlias: 'auditAssessment' },
      { path: 'complexity', type: 'string', searchAlias: 'auditComplexity' },
    ]);
  });

  it('stays within Forge’s 100 indexed values across the app', () => {
    const properties = (manifest.modules['jira:entityProperty'] ?? []).reduce((n, m) => n + (m.values as unknown[]).length, 0);
    const aliases = JSON.stringify(manifest.modules['jira:customField']).split('"searchAlias"').length - 1;
    expect(properties + aliases).toBeLessThanOrEqual(100);
  });

  it('has a frontend view for every UI module', () => {
    const uiTypes = ['jira:projectPage', 'jira:issuePanel', 'jira:customField'];
    const withResource = uiTypes.flatMap((type) =>
      (manifest.modules[type] ?? []).filter((m) => typeof m.resource === 'string' || typeof (m.view as { resource?: unknown } | undefined)?.resource === 'string'),
    );
    for (const module of withResource) expect(Object.keys(moduleViews)).toContain(module.key);
  });
});
