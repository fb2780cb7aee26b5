/** JQL on `updated` / `created`: absolute dates (UTC here) and periods relative to Jira's now, minute precision. */
import { jqlDateValue } from '../../jira/jql/dates';
import type { JiraEmulatorApi } from '../../jira';
import { caller, createIssues, makeEmulator, type Caller } from './helpers';

describe('JQL updated and created', () => {
  let clock = Date.UTC(2026, 11, 7, 10, 0);
  let emu: JiraEmulatorApi;
  let call: Caller;
  const keys = async (jql: string): Promise<string[]> => {
    const res = await call('POST', '/search/jql', { jql: `${jql} ORDER BY key`, fields: ['key'], maxResults: 5000 });
    expect(res.status).toBe(200);
    return (res.json.issues as { key: string }[]).map((issue) => issue.key);
  };
  beforeAll(async () => {
    emu = makeEmulator({ now: () => new Date(clock) });
    call = caller(emu);
    await createIssues(call, [{ summary: 'Old' }]);
    clock += 3 * 3_600_000;
    await createIssues(call, [{ summary: 'New' }]);
    clock += 10 * 60_000;
  });

  it('finds what changed within a period before now', async () => {
    expect(await keys('project = MSP AND updated >= "-15m"')).toEqual(['MSP-2']);
    expect(await keys('project = MSP AND updated >= "-4h"')).toEqual(['MSP-1', 'MSP-2']);
    expect(await keys('project = MSP AND updatedDate < "-1h"')).toEqual(['MSP-1']);
    expect(await keys('project = MSP AND created >= "2026/12/07 12:00"')).toEqual(['MSP-2']);
    expect(await keys('project = MSP AND created < "2026-12-07"')).toEqual([]);
  });

  it('refuses a value that is no date, as Jira does (400)', async () => {
    const res = await call('POST', '/search/jql', { jql: 'project = MSP AND updated >= "yesterday"' });
    expect(res.status).toBe(400);
  });

  it('reads periods at minute precision', () => {
    const now = new Date(Date.UTC(2026, 0, 1, 12, 30, 45));
    expect(new Date(jqlDateValue('-5m', 'updated', now)).toISOString()).toBe('2026-01-01T12:25:00.000Z');
    expect(new Date(jqlDateValue('-1w 2d', 'updated', now)).toISOString()).toBe('2025-12-23T12:30:00.000Z');
    expect(new Date(jqlDateValue('2026/01/02 03:04', 'updated', now)).toISOString()).toBe('2026-01-02T03:04:00.000Z');
  });
});
