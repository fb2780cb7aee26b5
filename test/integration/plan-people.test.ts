/**
 * Display names from Jira's bulk user lookup, cached per project, on a frozen clock: one lookup for
 * many names, none while the cache is fresh, a new one after a day; an account Jira does not know
 * is remembered as unknown (null) rather than asked for on every load.
 */
import { JiraHttp } from '../../src/jira/http';
import { NAME_TTL_MS, peopleNames } from '../../src/platform/people';
import { startHarness, type Harness } from './harness';

const T0 = Date.parse('2026-03-02T09:00:00Z');

describe('people names', () => {
  let h: Harness;
  const bulkCalls = () => h.appRequests().filter((request) => request.path === '/rest/api/3/user/bulk');
  const names = (ids: string[], at: number) => peopleNames(new JiraHttp({}), 'MSP', ids, () => at);

  beforeAll(() => {
    h = startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('asks once, serves from the cache for a day, then asks again', async () => {
    expect(await names(['lead', 'admin', 'gone-account', 'lead'], T0)).toEqual({
      lead: { accountId: 'lead', displayName: 'Lee Lead' },
      admin: { accountId: 'admin', displayName: 'Ada Admin' },
      'gone-account': { accountId: 'gone-account', displayName: null },
    });
    expect(bulkCalls()).toHaveLength(1);
    await names(['admin', 'gone-account'], T0 + NAME_TTL_MS - 1);
    expect(bulkCalls()).toHaveLength(1);
    await names(['admin'], T0 + NAME_TTL_MS);
    expect(bulkCalls()).toHaveLength(2);
    expect(bulkCalls()[1]!.query).toEqual({ accountId: 'admin', maxResults: '50' });
    expect(await names([], T0)).toEqual({});
  });

  it('pages the lookup by 50 ids', async () => {
    h.emulator.clearRequests();
    const ids = Array.from({ length: 120 }, (_, index) => `nobody-${index}`);
    const found = await names(ids, T0 + 10 * NAME_TTL_MS);
    expect(Object.keys(found)).toHaveLength(120);
    expect(bulkCalls()).toHaveLength(3);
  });
});
