/**
 * The daily reminders run on a frozen clock (the run's use case called in-process against the local
 * runtime and the emulator): one reminder per issue and kind every 7 days, and none for an open
 * mandatory item once the audit day has passed.
 */
import { createJiraClient } from '../../src/jira';
import { JiraHttp } from '../../src/jira/http';
import { sendReminders } from '../../src/plan/reminders';
import { startHarness, type Harness, type OutsideIssue } from './harness';

const DAY_MS = 86_400_000;
const T0 = Date.now();
const day = (offset: number): string => new Date(T0 + offset * DAY_MS).toISOString().slice(0, 10);
const itemIdOf = (issue: OutsideIssue): string | undefined => (issue.properties['msp-audit-item'] as { itemId?: string } | undefined)?.itemId;

describe('daily reminders on a frozen clock', () => {
  let h: Harness;
  const run = (offsetDays: number) => sendReminders(createJiraClient({}), new JiraHttp({}), () => T0 + offsetDays * DAY_MS);

  beforeAll(async () => {
    h = startHarness();
    await h.importChecklist('aws-msp-7.1');
    const issue = (await h.issues()).find((candidate) => itemIdOf(candidate) === 'OPS-001')!;
    expect((await h.outside('PUT', `/rest/api/3/issue/${issue.key}`, { fields: { assignee: { accountId: 'lead' } } })).status).toBe(204);
    await h.runtime.idle();
    await h.invoke('setAuditPlan', { validationDate: day(20) });
  });
  afterAll(async () => {
    await h.close();
  });

  it.each([
    ['the first run', 0, 1],
    ['a second run the same day', 0, 0],
    ['six days later', 6, 0],
    ['seven days later', 7, 1],
    ['eight days later', 8, 0],
    ['fourteen days later', 14, 1],
    ['after the audit day', 22, 0],
  ])('%s (day +%i): %i sent', async (_name, offset, sent) => {
    const before = h.emulator.notifications().length;
    const summary = await run(offset);
    expect(summary).toMatchObject({ day: day(offset), sent, refused: 0, failed: 0 });
    const now = h.emulator.notifications();
    expect(now).toHaveLength(before + sent);
    if (sent === 1) expect(now[now.length - 1]).toMatchObject({ to: ['lead'], subject: `OPS-001 Service Level Management is not met, ${20 - offset} days before the audit` });
  });
});
