/** An in-memory KVS for the rollup cache, with Forge's value limit and hooks to interleave or fail calls. */
import type { CacheStore } from '../../../src/rollup/cache-chunks';

const FORGE_VALUE_LIMIT = 240 * 1024;

export interface FakeStore extends CacheStore {
  values: Map<string, unknown>;
  /** Every call, as `get key` / `set key` / `delete key`, in order. */
  log: string[];
  /** Runs before a call is answered; may wait (to interleave a writer) or throw (to fail it). */
  before?: (op: 'get' | 'set' | 'delete', key: string) => void | Promise<void>;
}

export function fakeStore(): FakeStore {
  const values = new Map<string, unknown>();
  const store: FakeStore = {
    values,
    log: [],
    async get(key) {
      store.log.push(`get ${key}`);
      await store.before?.('get', key);
      // A copy, as KVS answers with JSON: a reader can never see a later write through a shared object.
      return values.has(key) ? structuredClone(values.get(key)) : undefined;
    },
    async set(key, value) {
      store.log.push(`set ${key}`);
      await store.before?.('set', key);
      const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
      if (bytes > FORGE_VALUE_LIMIT) throw new Error(`VALUE_TOO_LARGE: ${key} is ${bytes} bytes`);
      values.set(key, structuredClone(value));
    },
    async delete(key) {
      store.log.push(`delete ${key}`);
      await store.before?.('delete', key);
      values.delete(key);
    },
  };
  return store;
}
