/**
 * The local KVS through the real @forge/kvs package: the requests it sends and the answers it
 * parses, with Forge's limits.
 */
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kvs, WhereConditions, Sort } from '@forge/kvs';
import type { ForgeKvsAPIError } from '@forge/kvs';
import { startFixtureRuntime, type Harness } from './setup';

let h: Harness;
beforeEach(() => {
  h = startFixtureRuntime();
});
afterEach(async () => {
  await h.runtime.close();
});

async function kvsError(p: Promise<unknown>): Promise<ForgeKvsAPIError> {
  try {
    await p;
  } catch (e) {
    return e as ForgeKvsAPIError;
  }
  throw new Error('expected a KVS error');
}

describe('local KVS via @forge/kvs', () => {
  it('sets, gets and deletes JSON values', async () => {
    await kvs.set('item:1', { a: 1, list: [1, 2], nested: { s: 'x' } });
    expect(await kvs.get('item:1')).toEqual({ a: 1, list: [1, 2], nested: { s: 'x' } });
    await kvs.set('flag', true);
    expect(await kvs.get('flag')).toBe(true);
    await kvs.delete('item:1');
    expect(await kvs.get('item:1')).toBeUndefined();
    // Deleting a missing key is not an error.
    await expect(kvs.delete('never-there')).resolves.toBeUndefined();
  });

  it('returns metadata and previous values when asked', async () => {
    await kvs.set('meta', 1);
    const got = await kvs.get('meta', { metadataFields: ['CREATED_AT', 'UPDATED_AT'] as never });
    expect(got).toMatchObject({ key: 'meta', value: 1, createdAt: expect.any(Number), updatedAt: expect.any(Number) });
    const prev = await kvs.set('meta', 2, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
    expect(prev).toMatchObject({ key: 'meta', value: 1 });
    const err = await kvsError(kvs.set('meta', 3, { keyPolicy: 'FAIL_IF_EXISTS' }));
    expect(err.code).toBe('KEY_ALREADY_EXISTS');
    expect(await kvs.get('meta')).toBe(2);
  });

  it('queries by key prefix, in key order, paged by cursor', async () => {
    for (let i = 0; i < 25; i++) await kvs.set(`p:${String(i).padStart(2, '0')}`, i);
    await kvs.set('other', 0);
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      let q = kvs.query().where('key', WhereConditions.beginsWith('p:')).limit(10);
      if (cursor) q = q.cursor(cursor);
      const page = await q.getMany<number>();
      seen.push(...page.results.map((r) => r.value));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => i));
    const one = await kvs.query().where('key', WhereConditions.beginsWith('p:1')).getOne<number>();
    expect(one).toMatchObject({ key: 'p:10', value: 10 });
    // Default page size is 10.
    expect((await kvs.query().getMany()).results).toHaveLength(10);
  });

  it('enforces Forge limits: query limit 20, key 500 chars and pattern, value 240 KiB', async () => {
    expect((await kvsError(kvs.query().limit(21).getMany())).code).toBe('INVALID_LIMIT');
    await expect(kvs.query().limit(20).getMany()).resolves.toBeDefined();
    expect((await kvsError(kvs.set('k'.repeat(501), 1))).code).toBe('KEY_TOO_LONG');
    await expect(kvs.set('k'.repeat(500), 1)).resolves.toBeUndefined();
    expect((await kvsError(kvs.set('bad/key', 1))).code).toBe('INVALID_KEY');
    const big = 'x'.repeat(240 * 1024);
    const err = await kvsError(kvs.set('big', big));
    expect(err.code).toBe('VALUE_TOO_LARGE');
    expect(err.message).toMatch(/240 KiB/);
    await expect(kvs.set('fits', 'x'.repeat(200 * 1024))).resolves.toBeUndefined();
  });

  it('keeps secrets apart from plain keys', async () => {
    await kvs.setSecret('token', 's3cret');
    expect(await kvs.getSecret('token')).toBe('s3cret');
    expect(await kvs.get('token')).toBeUndefined();
    await kvs.deleteSecret('token');
    expect(await kvs.getSecret('token')).toBeUndefined();
  });

  it('runs transactions all-or-nothing, at most 25 operations', async () => {
    await kvs.set('t:gone', 1);
    await kvs.transact().set('t:a', 1).set('t:b', 2).delete('t:gone').execute();
    expect([await kvs.get('t:a'), await kvs.get('t:b'), await kvs.get('t:gone')]).toEqual([1, 2, undefined]);
    let tx = kvs.transact();
    for (let i = 0; i < 26; i++) tx = tx.set(`t:${i}`, i);
    expect((await kvsError(tx.execute())).code).toBe('TOO_MANY_OPERATIONS');
    expect(await kvs.get('t:0')).toBeUndefined();
  });

  it('stores custom entities and queries them by the manifest index', async () => {
    const jobs = kvs.entity<{ state: string; createdAt: number }>('job');
    await jobs.set('j1', { state: 'open', createdAt: 3 });
    await jobs.set('j2', { state: 'open', createdAt: 1 });
    await jobs.set('j3', { state: 'done', createdAt: 2 });
    expect(await jobs.get('j1')).toEqual({ state: 'open', createdAt: 3 });
    const open = await jobs.query().index('by-state', { partition: ['open'] }).sort(Sort.DESC).getMany();
    expect(open.results.map((r) => r.key)).toEqual(['j1', 'j2']);
    expect(await kvs.get('j1')).toBeUndefined();
  });

  it('keeps its contents in a state file across runtimes', async () => {
    await h.runtime.close();
    const file = join(mkdtempSync(join(tmpdir(), 'kvs-')), 'kvs.json');
    h = startFixtureRuntime({ kvsStateFile: file });
    await kvs.set('persisted', { v: 1 });
    await h.runtime.close();
    expect(existsSync(file)).toBe(true);
    h = startFixtureRuntime({ kvsStateFile: file });
    expect(await kvs.get('persisted')).toEqual({ v: 1 });
  });
});
