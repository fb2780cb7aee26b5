/**
 * Reads the parts of a Forge `manifest.yml` the local runtime and host act on. Anything else in the
 * manifest is ignored here (it is validated by @forge/manifest elsewhere).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface ManifestFunction {
  key: string;
  /** `file.export`, e.g. `index.resolverHandler` → `src/index.ts`, export `resolverHandler`. */
  handler: string;
  timeoutSeconds?: number;
  /** Memory the function runs with: its `memoryMB`, else `app.runtime.memoryMB`, else Forge's 512 (meter.ts). */
  memoryMB?: number;
}

export interface ManifestConsumer {
  key: string;
  queue: string;
  function: string;
}

export interface ManifestTrigger {
  key: string;
  function: string;
  events: string[];
  ignoreSelf: boolean;
}

export interface ManifestScheduledTrigger {
  key: string;
  function: string;
  interval: string;
}

/** A UI module (jira:projectPage, jira:issuePanel, jira:customField, …). */
export interface ManifestUiModule {
  type: string;
  key: string;
  title?: string;
  resource?: string;
  /** Function key of the module's resolver, when it has one. */
  resolverFunction?: string;
  /** The raw manifest entry, for module-specific properties (custom field type, views…). */
  raw: Record<string, unknown>;
}

export interface ManifestStorageEntity {
  name: string;
  attributes: Record<string, { type: string }>;
  indexes: { name: string; range: string; partition: string[] }[];
}

export interface AppManifest {
  /** The app's uuid (from `app.id` = `ari:cloud:ecosystem::app/<uuid>`). */
  appId: string;
  functions: Map<string, ManifestFunction>;
  consumers: ManifestConsumer[];
  triggers: ManifestTrigger[];
  scheduledTriggers: ManifestScheduledTrigger[];
  uiModules: ManifestUiModule[];
  /** Resource key → path relative to the app directory. */
  resources: Map<string, string>;
  entities: ManifestStorageEntity[];
  scopes: string[];
  /** `permissions.content.styles` includes `unsafe-inline`. */
  allowInlineStyles: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Modules that are not UI extensions (they have no iframe and no resolver context). */
const NON_UI_MODULES = new Set(['function', 'consumer', 'trigger', 'scheduledTrigger', 'webtrigger', 'jira:entityProperty']);

export function loadAppManifest(appDir: string): AppManifest {
  const text = readFileSync(join(appDir, 'manifest.yml'), 'utf8');
  return parseAppManifest(text);
}

export function parseAppManifest(text: string): AppManifest {
  const doc: unknown = parse(text);
  if (!isObj(doc)) throw new Error('manifest.yml: not a YAML mapping');
  const modules = isObj(doc.modules) ? doc.modules : {};
  const app = isObj(doc.app) ? doc.app : {};
  const appAri = str(app.id) ?? 'ari:cloud:ecosystem::app/00000000-0000-0000-0000-000000000000';

  const functions = new Map<string, ManifestFunction>();
  for (const f of list(modules.function)) {
    const key = str(f.key);
    const handler = str(f.handler);
    if (!key || !handler) throw new Error(`manifest.yml: function ${key ?? '?'} needs key and handler`);
    const memoryMB = typeof f.memoryMB === 'number' ? f.memoryMB : isObj(app.runtime) && typeof app.runtime.memoryMB === 'number' ? app.runtime.memoryMB : undefined;
    functions.set(key, { key, handler, timeoutSeconds: typeof f.timeoutSeconds === 'number' ? f.timeoutSeconds : undefined, ...(memoryMB !== undefined ? { memoryMB } : {}) });
  }

  const consumers = list(modules.consumer).map((c): ManifestConsumer => {
    // @forge/events 2+ names a function; 1.x named `resolver.function` (+ method). Accept both.
    const fn = str(c.function) ?? (isObj(c.resolver) ? str(c.resolver.function) : undefined);
    return { key: str(c.key) ?? '', queue: str(c.queue) ?? '', function: fn ?? '' };
  });

  const triggers = list(modules.trigger).map((t): ManifestTrigger => ({
    key: str(t.key) ?? '',
    function: str(t.function) ?? '',
    events: Array.isArray(t.events) ? t.events.filter((e): e is string => typeof e === 'string') : [],
    ignoreSelf: isObj(t.filter) && t.filter.ignoreSelf === true,
  }));

  const scheduledTriggers = list(modules.scheduledTrigger).map((s): ManifestScheduledTrigger => ({
    key: str(s.key) ?? '',
    function: str(s.function) ?? '',
    interval: str(s.interval) ?? 'hour',
  }));

  const uiModules: ManifestUiModule[] = [];
  for (const [type, entries] of Object.entries(modules)) {
    if (NON_UI_MODULES.has(type)) continue;
    for (const m of list(entries)) {
      uiModules.push({
        type,
        key: str(m.key) ?? '',
        title: str(m.title) ?? str(m.name),
        resource: str(m.resource),
        resolverFunction: isObj(m.resolver) ? str(m.resolver.function) : undefined,
        raw: m,
      });
    }
  }

  const resources = new Map<string, string>();
  for (const r of list(doc.resources)) {
    const key = str(r.key);
    const path = str(r.path);
    if (key && path) resources.set(key, path);
  }

  const storage = isObj(app.storage) ? app.storage : {};
  const entities = list(storage.entities).map((e): ManifestStorageEntity => ({
    name: str(e.name) ?? '',
    attributes: isObj(e.attributes) ? (e.attributes as Record<string, { type: string }>) : {},
    indexes: (Array.isArray(e.indexes) ? e.indexes : []).map((ix: unknown) => {
      if (typeof ix === 'string') return { name: ix, range: ix, partition: [] };
      const o = isObj(ix) ? ix : {};
      return {
        name: str(o.name) ?? '',
        range: str(o.range) ?? str(o.name) ?? '',
        partition: Array.isArray(o.partition) ? o.partition.filter((p): p is string => typeof p === 'string') : [],
      };
    }),
  }));

  const permissions = isObj(doc.permissions) ? doc.permissions : {};
  const content = isObj(permissions.content) ? permissions.content : {};
  return {
    appId: appAri.replace(/^ari:cloud:ecosystem::app\//, ''),
    functions,
    consumers,
    triggers,
    scheduledTriggers,
    uiModules,
    resources,
    entities,
    scopes: Array.isArray(permissions.scopes) ? permissions.scopes.filter((s): s is string => typeof s === 'string') : [],
    allowInlineStyles: Array.isArray(content.styles) && content.styles.includes('unsafe-inline'),
  };
}
