/**
 * Reads what the emulator installs from the app's manifest: the app id, its `jira:customField`
 * modules and its `jira:entityProperty` indexes. Jira does the same when the app is installed, so
 * the emulator follows the manifest instead of hard-coding field ids or JQL aliases.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { IndexedPropertyPath } from './model';

export interface CustomFieldModule {
  key: string;
  name: string;
  description: string;
  type: string;
  collection: boolean;
  readOnly: boolean;
  schema?: Record<string, unknown>;
}

export interface ManifestInstall {
  appId: string;
  customFields: CustomFieldModule[];
  indexedProperties: IndexedPropertyPath[];
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

/** The manifest.yml of the directory the process runs in (the app's root under npm scripts and jest). */
export function defaultManifestPath(): string {
  return path.join(process.cwd(), 'manifest.yml');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

/** `ari:cloud:ecosystem::app/<uuid>` → `<uuid>`; a bare id is kept. */
export function appIdFromAri(ari: string): string {
  const slash = ari.lastIndexOf('/');
  return slash >= 0 ? ari.slice(slash + 1) : ari;
}

export function parseManifest(text: string, source: string): ManifestInstall {
  const doc: unknown = parse(text);
  if (!isRecord(doc)) throw new ManifestError(`${source}: the manifest is not a YAML mapping; check the file.`);
  const app = isRecord(doc.app) ? doc.app : {};
  const appAri = str(app.id);
  if (!appAri) throw new ManifestError(`${source}: app.id is missing; run \`forge register\` or set it by hand.`);
  const modules = isRecord(doc.modules) ? doc.modules : {};

  const customFields = list(modules['jira:customField']).map((m): CustomFieldModule => {
    const key = str(m.key);
    if (!key) throw new ManifestError(`${source}: a jira:customField module has no key.`);
    return {
      key,
      name: str(m.name, key),
      description: str(m.description),
      type: str(m.type, 'string'),
      collection: m.collection === true,
      readOnly: m.readOnly === true,
      ...(isRecord(m.schema) ? { schema: m.schema } : {}),
    };
  });

  const indexedProperties: IndexedPropertyPath[] = [];
  for (const m of list(modules['jira:entityProperty'])) {
    if (str(m.entityType, 'issue') !== 'issue') continue;
    const propertyKey = str(m.propertyKey);
    for (const v of list(m.values)) {
      const p = str(v.path);
      if (!propertyKey || !p) continue;
      const alias = str(v.searchAlias);
      indexedProperties.push({ propertyKey, path: p, type: str(v.type, 'string'), ...(alias ? { searchAlias: alias } : {}) });
    }
  }
  return { appId: appIdFromAri(appAri), customFields, indexedProperties };
}

export function loadManifest(manifestPath: string): ManifestInstall {
  let text: string;
  try {
    text = readFileSync(manifestPath, 'utf8');
  } catch (err) {
    throw new ManifestError(`Cannot read the app manifest at ${manifestPath} (${(err as Error).message}); pass manifestPath to createJiraEmulator.`);
  }
  return parseManifest(text, manifestPath);
}
