/**
 * The local Forge key-value store: answers the `/api/v1/...` requests the real @forge/kvs package
 * sends (see node_modules/@forge/kvs/out/storage-api.js) with the shapes it parses, and enforces
 * Forge's documented limits so an app that breaks them fails here, not first in production.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ManifestStorageEntity } from './manifest';
import { entityQuery, matchesConditions, type Conditions } from './kvs-entity';

export interface KvsReply {
  status: number;
  body?: unknown;
}

export interface KvsRecord {
  value: unknown;
  createdAt: number;
  updatedAt: number;
  expireTime?: string;
}

type Space = Map<string, KvsRecord>;

export const KVS_LIMITS = {
  maxKeyLength: 500,
  maxValueBytes: 240 * 1024,
  maxQueryLimit: 20,
  defaultQueryLimit: 10,
  maxTransactionOps: 25,
  maxBatchItems: 25,
};

/** Forge's documented key pattern: letters, digits, `:._-#`, spaces; not only spaces. */
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

export class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const TTL_UNIT_MS: Record<string, number> = { SECONDS: 1e3, MINUTES: 6e4, HOURS: 36e5, DAYS: 864e5 };

export class KvsStore {
  private plain: Space = new Map();
  private secrets: Space = new Map();
  private entities = new Map<string, Space>();
  private saveTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly entityDefs: ManifestStorageEntity[] = [],
    private readonly stateFile?: string,
  ) {
    if (stateFile && existsSync(stateFile)) this.load(stateFile);
  }

  /** Handle one @forge/kvs request; never throws (errors become Forge-shaped error bodies). */
  handle(path: string, body: unknown): KvsReply {
    try {
      const reply = this.route(path, isObj(body) || Array.isArray(body) ? body : {});
      return reply;
    } catch (e) {
      if (e instanceof KvsError) return { status: e.status, body: { code: e.code, message: e.message } };
      return { status: 500, body: { code: 'INTERNAL_SERVER_ERROR', message: e instanceof Error ? e.message : String(e) } };
    }
  }

  clear(): void {
    this.plain.clear();
    this.secrets.clear();
    this.entities.clear();
    this.scheduleSave();
  }

  keys(): string[] {
    return [...this.plain.keys()].filter((k) => this.live(this.plain, k)).sort();
  }

  peek(key: string): unknown {
    return this.live(this.plain, key)?.value;
  }

  /** Put one plain value (tests, benches), as `kvs.set` would. */
  put(key: string, value: unknown): void {
    this.write(this.plain, this.checkKey(key), value, {});
  }

  /** Remove one plain value (tests), as `kvs.delete` would. */
  drop(key: string): void {
    this.plain.delete(key);
    this.scheduleSave();
  }

  /** Write the state file now (on close). */
  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (!this.stateFile) return;
    const data = {
      plain: Object.fromEntries(this.plain),
      secrets: Object.fromEntries(this.secrets),
      entities: Object.fromEntries([...this.entities].map(([n, s]) => [n, Object.fromEntries(s)])),
    };
    mkdirSync(dirname(this.stateFile), { recursive: true });
    const tmp = `${this.stateFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, this.stateFile);
  }

  private route(path: string, b: Obj | unknown[]): KvsReply {
    const o = isObj(b) ? b : {};
    const arr = Array.isArray(b) ? b : [];
    switch (path) {
      case '/api/v1/get':
        return this.get(this.plain, o);
      case '/api/v1/set':
        return this.set(this.plain, o);
      case '/api/v1/delete':
        return this.del(this.plain, o);
      case '/api/v1/query':
        return this.query(o);
      case '/api/v1/secret/get':
        return this.get(this.secrets, o);
      case '/api/v1/secret/set':
        return this.set(this.secrets, o);
      case '/api/v1/secret/delete':
        return this.del(this.secrets, o);
      case '/api/v1/entity/get':
        return this.get(this.entitySpace(o.entityName), o);
      case '/api/v1/entity/set':
        return this.set(this.entitySpace(o.entityName), o);
      case '/api/v1/entity/delete':
        return this.del(this.entitySpace(o.entityName), o);
      case '/api/v1/entity/query':
        return this.queryEntity(o);
      case '/api/v1/batch/set':
      case '/api/v1/batch/get':
      case '/api/v1/batch/delete':
        return this.batch(path.slice('/api/v1/batch/'.length), arr);
      case '/api/v1/transaction':
        return this.transaction(o);
      default:
        throw new KvsError(404, 'NOT_FOUND', `The local KVS does not implement ${path}`);
    }
  }

  private entitySpace(name: unknown): Space {
    if (typeof name !== 'string' || !name) throw new KvsError(400, 'INVALID_ENTITY', 'entityName is required');
    let space = this.entities.get(name);
    if (!space) this.entities.set(name, (space = new Map()));
    return space;
  }

  private live(space: Space, key: string): KvsRecord | undefined {
    const rec = space.get(key);
    if (rec?.expireTime && Date.parse(rec.expireTime) <= Date.now()) {
      space.delete(key);
      return undefined;
    }
    return rec;
  }

  private checkKey(key: unknown): string {
    if (typeof key !== 'string' || key.length === 0) throw new KvsError(400, 'INVALID_KEY', 'key must be a non-empty string');
    if (key.length > KVS_LIMITS.maxKeyLength) {
      throw new KvsError(400, 'KEY_TOO_LONG', `The key is ${key.length} characters; the limit is ${KVS_LIMITS.maxKeyLength}.`);
    }
    if (!KEY_PATTERN.test(key)) {
      throw new KvsError(400, 'INVALID_KEY', `The key "${key}" must match ${KEY_PATTERN.source}.`);
    }
    return key;
  }

  private checkValue(value: unknown): unknown {
    if (value === undefined) throw new KvsError(400, 'INVALID_VALUE', 'value is required');
    const bytes = Buffer.byteLength(JSON.stringify(value));
    if (bytes > KVS_LIMITS.maxValueBytes) {
      throw new KvsError(413, 'VALUE_TOO_LARGE', `The value is ${bytes} bytes; the limit is ${KVS_LIMITS.maxValueBytes} bytes (240 KiB).`);
    }
    return JSON.parse(JSON.stringify(value)) as unknown;
  }

  private reply(key: string, rec: KvsRecord, extra: Obj = {}): Obj {
    return { key, value: rec.value, createdAt: rec.createdAt, updatedAt: rec.updatedAt, ...(rec.expireTime ? { expireTime: rec.expireTime } : {}), ...extra };
  }

  private get(space: Space, o: Obj): KvsReply {
    const key = this.checkKey(o.key);
    const rec = this.live(space, key);
    if (!rec) throw new KvsError(404, 'KEY_NOT_FOUND', `The key "${key}" was not found.`);
    return { status: 200, body: this.reply(key, rec, typeof o.entityName === 'string' ? { entityName: o.entityName } : {}) };
  }

  private write(space: Space, key: string, value: unknown, options: Obj): { previous?: KvsRecord; current: KvsRecord } {
    const previous = this.live(space, key);
    if (options.keyPolicy === 'FAIL_IF_EXISTS' && previous) {
      throw new KvsError(409, 'KEY_ALREADY_EXISTS', `The key "${key}" already exists.`);
    }
    const now = Date.now();
    const ttl = isObj(options.ttl) ? options.ttl : undefined;
    const unitMs = ttl ? TTL_UNIT_MS[String(ttl.unit)] : undefined;
    if (ttl && (unitMs === undefined || typeof ttl.value !== 'number' || ttl.value <= 0)) {
      throw new KvsError(400, 'INVALID_TTL', 'ttl needs a positive value and a unit of SECONDS, MINUTES, HOURS or DAYS');
    }
    const current: KvsRecord = {
      value: this.checkValue(value),
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      ...(ttl && unitMs ? { expireTime: new Date(now + Number(ttl.value) * unitMs).toISOString() } : {}),
    };
    space.set(key, current);
    this.scheduleSave();
    return { previous, current };
  }

  private set(space: Space, o: Obj): KvsReply {
    const key = this.checkKey(o.key);
    const options = isObj(o.options) ? o.options : {};
    const { previous, current } = this.write(space, key, o.value, options);
    if (options.returnValue === 'PREVIOUS') {
      return previous ? { status: 200, body: this.reply(key, previous) } : { status: 204 };
    }
    if (options.returnValue === 'LATEST') return { status: 200, body: this.reply(key, current) };
    return { status: 204 };
  }

  private del(space: Space, o: Obj): KvsReply {
    const key = this.checkKey(o.key);
    if (space.delete(key)) this.scheduleSave();
    return { status: 204 };
  }

  private limit(v: unknown): number {
    if (v === undefined || v === null) return KVS_LIMITS.defaultQueryLimit;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > KVS_LIMITS.maxQueryLimit) {
      throw new KvsError(400, 'INVALID_LIMIT', `limit must be an integer from 1 to ${KVS_LIMITS.maxQueryLimit}; got ${String(v)}.`);
    }
    return v;
  }

  private query(o: Obj): KvsReply {
    const limit = this.limit(o.limit);
    const where = Array.isArray(o.where) ? o.where.filter(isObj) : [];
    let prefix = '';
    for (const w of where) {
      if (w.property !== 'key' || w.condition !== 'BEGINS_WITH' || !Array.isArray(w.values)) {
        throw new KvsError(400, 'INVALID_QUERY', 'query supports only where("key", beginsWith(prefix))');
      }
      prefix = String(w.values[0] ?? '');
    }
    const after = typeof o.after === 'string' ? decodeCursor(o.after) : undefined;
    const keys = [...this.plain.keys()]
      .filter((k) => k.startsWith(prefix) && (after === undefined || k > after) && this.live(this.plain, k))
      .sort();
    const page = keys.slice(0, limit);
    const data = page.map((k) => this.reply(k, this.plain.get(k) as KvsRecord));
    const last = page[page.length - 1];
    return { status: 200, body: { data, ...(keys.length > limit && last !== undefined ? { cursor: encodeCursor(last) } : {}) } };
  }

  private queryEntity(o: Obj): KvsReply {
    const limit = this.limit(o.limit);
    const name = String(o.entityName ?? '');
    const def = this.entityDefs.find((e) => e.name === name);
    if (!def) throw new KvsError(400, 'INVALID_ENTITY', `Entity "${name}" is not declared in the manifest (app.storage.entities).`);
    const space = this.entitySpace(name);
    const records = [...space.keys()].flatMap((k) => {
      const rec = this.live(space, k);
      return rec ? [{ key: k, rec }] : [];
    });
    const cursor = typeof o.cursor === 'string' ? decodeCursor(o.cursor) : undefined;
    let result: ReturnType<typeof entityQuery>;
    try {
      result = entityQuery(def, records, { ...o, limit, cursor });
    } catch (e) {
      throw new KvsError(400, 'INVALID_QUERY', e instanceof Error ? e.message : String(e));
    }
    const { page, next } = result;
    const data = page.map(({ key, rec }) => this.reply(key, rec));
    return { status: 200, body: { data, ...(next !== undefined ? { cursor: encodeCursor(next) } : {}) } };
  }

  private batch(op: string, items: unknown[]): KvsReply {
    if (items.length > KVS_LIMITS.maxBatchItems) {
      throw new KvsError(400, 'TOO_MANY_ITEMS', `A batch holds at most ${KVS_LIMITS.maxBatchItems} items; got ${items.length}.`);
    }
    const successfulKeys: Obj[] = [];
    const failedKeys: Obj[] = [];
    for (const item of items.filter(isObj)) {
      const entityName = typeof item.entityName === 'string' ? item.entityName : undefined;
      const space = entityName ? this.entitySpace(entityName) : this.plain;
      const id = { key: item.key, ...(entityName ? { entityName } : {}) };
      try {
        if (op === 'set') {
          this.write(space, this.checkKey(item.key), item.value, isObj(item.options) ? item.options : {});
          successfulKeys.push(id);
        } else if (op === 'delete') {
          space.delete(this.checkKey(item.key));
          this.scheduleSave();
          successfulKeys.push(id);
        } else {
          const rec = this.live(space, this.checkKey(item.key));
          if (!rec) throw new KvsError(404, 'KEY_NOT_FOUND', `The key "${String(item.key)}" was not found.`);
          successfulKeys.push({ ...id, ...this.reply(String(item.key), rec) });
        }
      } catch (e) {
        const err = e instanceof KvsError ? e : new KvsError(500, 'INTERNAL_SERVER_ERROR', String(e));
        failedKeys.push({ ...id, error: { code: err.code, message: err.message } });
      }
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  private transaction(o: Obj): KvsReply {
    const sets = Array.isArray(o.set) ? o.set.filter(isObj) : [];
    const deletes = Array.isArray(o.delete) ? o.delete.filter(isObj) : [];
    const checks = Array.isArray(o.check) ? o.check.filter(isObj) : [];
    const ops = sets.length + deletes.length + checks.length;
    if (ops === 0) throw new KvsError(400, 'INVALID_TRANSACTION', 'A transaction needs at least one operation.');
    if (ops > KVS_LIMITS.maxTransactionOps) {
      throw new KvsError(400, 'TOO_MANY_OPERATIONS', `A transaction holds at most ${KVS_LIMITS.maxTransactionOps} operations; got ${ops}.`);
    }
    const seen = new Set<string>();
    const spaceOf = (op: Obj): Space => (typeof op.entityName === 'string' ? this.entitySpace(op.entityName) : this.plain);
    for (const op of [...sets, ...deletes, ...checks]) {
      const id = `${String(op.entityName ?? '')}\u0000${this.checkKey(op.key)}`;
      if (seen.has(id)) throw new KvsError(400, 'INVALID_TRANSACTION', `The key "${String(op.key)}" appears twice in one transaction.`);
      seen.add(id);
      // Every condition is checked before anything is written: all or nothing, like Forge.
      if (isObj(op.conditions)) {
        const rec = this.live(spaceOf(op), String(op.key));
        if (!matchesConditions(rec?.value, op.conditions as Conditions)) {
          throw new KvsError(409, 'CONDITION_FAILED', `The condition on "${String(op.key)}" was not met; nothing was written.`);
        }
      }
    }
    for (const s of sets) this.checkValue(s.value);
    for (const s of sets) this.write(spaceOf(s), String(s.key), s.value, isObj(s.options) ? s.options : {});
    for (const d of deletes) spaceOf(d).delete(String(d.key));
    this.scheduleSave();
    return { status: 204 };
  }

  private scheduleSave(): void {
    if (!this.stateFile || this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.flush(), 50);
    this.saveTimer.unref();
  }

  private load(file: string): void {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!isObj(data)) return;
    const toSpace = (v: unknown): Space => new Map(isObj(v) ? (Object.entries(v) as [string, KvsRecord][]) : []);
    this.plain = toSpace(data.plain);
    this.secrets = toSpace(data.secrets);
    if (isObj(data.entities)) for (const [n, s] of Object.entries(data.entities)) this.entities.set(n, toSpace(s));
  }
}

function encodeCursor(key: string): string {
  return Buffer.from(JSON.stringify({ k: key })).toString('base64url');
}

function decodeCursor(cursor: string): string {
  try {
    const o: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isObj(o) && typeof o.k === 'string') return o.k;
  } catch {
    // fall through: a cursor this store did not issue
  }
  throw new KvsError(400, 'INVALID_CURSOR', 'The cursor is not valid.');
}
