/**
 * Evidence and assessments through the real app, the local Forge runtime and the Jira emulator:
 * the item panel's resolvers on an imported item's issue, as `admin` and as `viewer`, every invalid
 * input with the message a person reads, and what Jira holds afterwards.
 */
import type { EvidenceEntryView, ItemPanel } from '../../common/contract';
import { syncV1 } from '../fixtures/sync-v1-v2';
import { registerChecklist } from './checklists';
import { startHarness, type Harness, type OutsideIssue } from './harness';

const DAY_MS = 86_400_000;
/** A calendar day relative to today (UTC), as the app judges expiry. */
const day = (offset: number): string => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

const itemIdOf = (issue: OutsideIssue): string | undefined =>
  (issue.properties['msp-audit-item'] as { kind?: string; itemId?: string } | undefined)?.kind === 'item'
    ? (issue.properties['msp-audit-item'] as { itemId: string }).itemId
    : undefined;

const link = { kind: 'link', title: 'Service catalogue (PDF)', url: 'https://intranet.example/catalogue.pdf' };

describe('evidence on a checklist item issue', () => {
  let h: Harness;
  let keys: Map<string, string>;
  let fieldId: string;

  /** Invokes a resolver of the item panel on an issue, as `accountId`. */
  const onIssue = <T>(functionKey: string, issueKey: string, payload: unknown = {}, accountId = 'admin'): Promise<T> =>
    h.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId, issueKey } }) as Promise<T>;
  const key = (itemId: string): string => keys.get(itemId)!;
  const stored = async (issueKey: string): Promise<unknown> => {
    const res = await h.outside('GET', `/rest/api/3/issue/${issueKey}`);
    return ((res.body as { fields: Record<string, unknown> }).fields[fieldId] ?? null) as unknown;
  };
  const writes = () => h.appRequests().filter((r) => r.method !== 'GET' && r.path !== '/rest/api/3/search/jql');
  const ids = new Map<string, string>();
  const issueId = (issueKey: string): string => ids.get(issueKey)!;
  /** A write the app makes (origin app), to set up stored values. */
  const asApp = async (method: string, path: string, body: unknown): Promise<void> => {
    const res = await h.emulator.handle({ method, path, query: {}, headers: {}, body, actor: 'app', origin: 'app' });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  };

  beforeEach(async () => {
    h = startHarness();
    await registerChecklist(syncV1);
    await h.importChecklist(syncV1.id);
    const all = await h.issues();
    keys = new Map(all.flatMap((issue) => (itemIdOf(issue) ? [[itemIdOf(issue)!, issue.key]] : [])));
    for (const issue of all) ids.set(issue.key, issue.id);
    const fields = (await h.outside('GET', '/rest/api/3/field')).body as { id: string; schema?: { custom?: string } }[];
    fieldId = fields.find((f) => f.schema?.custom?.endsWith('/static/audit-evidence'))!.id;
    await h.runtime.idle();
    h.emulator.clearRequests();
  });
  afterEach(async () => {
    await h.close();
  });

  describe('getItemPanel', () => {
    it('shows the item, its result and why, and no evidence yet, reading Jira as the user', async () => {
      const panel = await onIssue<ItemPanel>('getItemPanel', key('1.1'));
      expect(panel).toMatchObject({
        issueKey: key('1.1'),
        item: { checklistId: 'sync-demo-1.0', id: '1.1', chapterId: '1', chapterTitle: 'Governance', title: 'Service catalogue', points: 100, mandatory: true, expectedEvidence: ['document', 'link'] },
        result: { result: 'not_assessed', reason: `Issue ${key('1.1')} is To Do` },
        assessment: { result: null, complexity: null },
        evidence: { entries: [], count: 0, reviewState: 'none' },
        summaryText: 'No evidence',
        ignored: [],
        risks: [],
        strictMode: false,
        canEdit: true,
        fieldInstalled: true,
      });
      expect(panel.item?.requirement).toMatch(/^Publish a catalogue/);
      const calls = h.appRequests().map((r) => `${r.method} ${r.path} ${r.actor}`).sort();
      // No GET /field: the import remembered the evidence field's id from its own field list.
      expect(calls).toEqual([`GET /rest/api/3/issue/${key('1.1')} admin`, 'GET /rest/api/3/mypermissions admin']);
    });

    it('refuses to run outside an issue', async () => {
      await expect(h.invoke('getItemPanel', {})).rejects.toThrow(/Evidence and assessments are changed on an issue/);
    });
  });

  describe('add, edit, review and remove', () => {
    it('adds a link as pending, writes it as the app (the field is read-only), and Jira holds exactly what the panel shows', async () => {
      const panel = await onIssue<ItemPanel>('addEvidence', key('1.1'), { evidence: { ...link, expiryDate: day(200) } });
      expect(panel.evidence).toMatchObject({ count: 1, pending: 1, accepted: 0, reviewState: 'pending', nextExpiry: day(200) });
      expect(panel.evidence.entries[0]).toMatchObject({ ...link, addedBy: 'admin', reviewState: 'pending', expiryDate: day(200) });
      expect(panel.summaryText).toBe('1 evidence · 0 accepted · 1 pending');
      // With the summary of when accepted evidence is in force (none accepted yet: no span), for the cold rollup read.
      expect(await stored(key('1.1'))).toEqual({ ...panel.evidence, v: 2, inForceFormat: 1, acceptedSpans: 0 });
      expect(writes().map((r) => `${r.method} ${r.path} ${r.actor}`)).toEqual([`PUT /rest/api/3/app/field/${fieldId}/value app`]);
    });

    it('edits an entry (back to pending), reviews it, and removes it', async () => {
      const added = await onIssue<ItemPanel>('addEvidence', key('1.1'), { evidence: link });
      const id = added.evidence.entries[0]!.id;
      // Four eyes (on by default): someone other than the person who added it reviews it.
      const accepted = await onIssue<ItemPanel>('reviewEvidence', key('1.1'), { id, state: 'accepted' }, 'lead');
      expect(accepted.evidence.entries[0]).toMatchObject({ reviewState: 'accepted', reviewer: 'lead' });
      expect(accepted.evidence.entries[0]!.selfReviewed).toBeUndefined();
      expect(accepted.summaryText).toBe('1 evidence · 1 accepted');
      // The panel names the people it shows (Jira's bulk user lookup, cached), not their account ids.
      expect(accepted.people).toEqual({ admin: 'Ada Admin', lead: 'Lee Lead' });

      const edited = await onIssue<ItemPanel>('editEvidence', key('1.1'), { id, patch: { title: 'Service catalogue v2', note: 'Signed by the COO' } });
      expect(edited.evidence.entries[0]).toMatchObject({ title: 'Service catalogue v2', note: 'Signed by the COO', reviewState: 'pending', updatedBy: 'admin' });
      expect(edited.evidence.entries[0]!.reviewer).toBeUndefined();

      const rejected = await onIssue<ItemPanel>('reviewEvidence', key('1.1'), { id, state: 'rejected', note: 'Unsigned draft' }, 'lead');
      expect(rejected.evidence.entries[0]).toMatchObject({ reviewState: 'rejected', reviewNote: 'Unsigned draft' });
      expect((await stored(key('1.1'))) as { reviewState: string }).toMatchObject({ reviewState: 'rejected', rejected: 1 });

      const removed = await onIssue<ItemPanel>('removeEvidence', key('1.1'), { id });
      expect(removed.evidence).toMatchObject({ entries: [], count: 0, reviewState: 'none' });
      expect(await stored(key('1.1'))).toMatchObject({ entries: [], count: 0 });
    });

    it('writes nothing for an edit that changes nothing', async () => {
      const added = await onIssue<ItemPanel>('addEvidence', key('1.1'), { evidence: link });
      h.emulator.clearRequests();
      await onIssue<ItemPanel>('editEvidence', key('1.1'), { id: added.evidence.entries[0]!.id, patch: { title: link.title } });
      expect(writes()).toEqual([]);
    });

    it('says so when the entry is gone', async () => {
      await expect(onIssue('removeEvidence', key('1.1'), { id: 'no-such-entry' })).rejects.toThrow(
        'No evidence with id "no-such-entry" on this issue; it may have been removed. Reload the issue and try again.',
      );
    });
  });

  describe('the payload is never trusted', () => {
    it('acts on the issue of the context, whatever issue the payload names', async () => {
      await onIssue<ItemPanel>('addEvidence', key('1.1'), { evidence: link, issueKey: key('1.2'), issueId: '1' });
      expect(await stored(key('1.2'))).toBeNull();
      expect(await stored(key('1.1'))).toMatchObject({ count: 1 });
    });

    it('refuses fields only the app sets, such as a review state', async () => {
      await expect(onIssue('addEvidence', key('1.1'), { evidence: { ...link, reviewState: 'accepted', addedBy: 'someone-else' } })).rejects.toThrow(
        /Evidence is not valid; fix and try again: .*reviewState: .*/,
      );
      expect(writes()).toEqual([]);
    });

    it('stores a <script> title as plain text, for every view to render as text', async () => {
      const title = '<script>alert(1)</script> "quoted" & more';
      const panel = await onIssue<ItemPanel>('addEvidence', key('1.1'), { evidence: { ...link, title } });
      expect(panel.evidence.entries[0]!.title).toBe(title);
    });
  });

  describe('when the evidence is invalid', () => {
    it.each<[string, Record<string, unknown>, string]>([
      ['a javascript: link', { url: 'javascript:alert(1)' }, 'url: must be an https:// or http:// link, not javascript:'],
      ['a data: link', { url: 'data:text/html,<script>alert(1)</script>' }, 'url: must be an https:// or http:// link, not data:'],
      ['an ftp link', { url: 'ftp://files.example/policy.pdf' }, 'url: must be an https:// or http:// link, not ftp:'],
      ['a link hiding a tab', { url: 'java\tscript:alert(1)' }, 'url: must not contain spaces or control characters; encode a space as %20'],
      ['a link without its address', { url: undefined }, 'url: required for a link: paste its https:// address'],
      ['a title of 256 characters', { title: 'x'.repeat(256) }, 'title: must be at most 255 characters (it has 256)'],
      ['an empty title', { title: '   ' }, 'title: required: give the evidence a short title'],
      ['an unknown kind', { kind: 'rumour' }, 'kind: must be one of: document, process, presentation, demo, link, attachment'],
      ['a day that does not exist', { expiryDate: '2026-02-30' }, 'expiryDate: is not a day of the calendar (check the month has that many days)'],
      ['a date in another format', { effectiveDate: '31/12/2026' }, 'effectiveDate: must be a date written YYYY-MM-DD, e.g. 2026-12-31'],
      ['an expiry before the effective date', { effectiveDate: '2026-06-01', expiryDate: '2026-05-31' }, 'expiryDate: must be after effectiveDate (2026-06-01)'],
      ['an expiry on the effective date', { effectiveDate: '2026-06-01', expiryDate: '2026-06-01' }, 'expiryDate: must be after effectiveDate (2026-06-01)'],
    ])('refuses %s with a message naming the field, and writes nothing', async (_case, change, message) => {
      await expect(onIssue('addEvidence', key('1.1'), { evidence: { ...link, ...change } })).rejects.toThrow(`Evidence is not valid; fix and try again: ${message}`);
      expect(writes()).toEqual([]);
      expect(await stored(key('1.1'))).toBeNull();
    });

    it('refuses an edit that breaks a rule, keeping the entry as it was', async () => {
      const added = await onIssue<ItemPanel>('addEvidence', key('1.1'), { evidence: link });
      await expect(onIssue('editEvidence', key('1.1'), { id: added.evidence.entries[0]!.id, patch: { url: 'javascript:void(0)' } })).rejects.toThrow(
        'Evidence edit is not valid; fix and try again: url: must be an https:// or http:// link, not javascript:',
      );
      expect(((await stored(key('1.1'))) as { entries: EvidenceEntryView[] }).entries[0]!.url).toBe(link.url);
    });

    it('refuses the 51st entry', async () => {
      const entries = Array.from({ length: 50 }, (_, i) => ({ id: `ev-${i}`, kind: 'link', title: `Link ${i}`, url: `https://x.example/${i}`, addedAt: '2026-01-01T00:00:00.000Z', addedBy: 'admin', reviewState: 'pending' }));
      const full = { entries, count: 50, accepted: 0, pending: 50, rejected: 0, reviewState: 'pending' };
      await asApp('PUT', `/rest/api/3/app/field/${fieldId}/value`, { updates: [{ issueIds: [Number(issueId(key('1.1')))], value: { ...full, v: 2 } }] });
      await expect(onIssue('addEvidence', key('1.1'), { evidence: link })).rejects.toThrow(
        'This issue already holds 50 evidence entries, the most one issue can hold (50); remove an entry that is out of date, or link one document that lists the rest.',
      );
    });

    it('refuses a review state that does not exist', async () => {
      await expect(onIssue('reviewEvidence', key('1.1'), { id: 'ev-1', state: 'approved' })).rejects.toThrow(/reviewEvidence was called with an invalid payload \(state:/);
    });
  });

  describe('when the caller may only browse the project (viewer)', () => {
    it('shows the panel without edit rights', async () => {
      await expect(onIssue<ItemPanel>('getItemPanel', key('1.1'), {}, 'viewer')).resolves.toMatchObject({ canEdit: false, item: { id: '1.1' } });
    });

    it.each<[string, unknown, string]>([
      ['addEvidence', { evidence: link }, 'add evidence to it'],
      ['editEvidence', { id: 'ev-1', patch: { title: 'x' } }, 'edit its evidence'],
      ['removeEvidence', { id: 'ev-1' }, 'remove its evidence'],
      ['reviewEvidence', { id: 'ev-1', state: 'accepted' }, 'review its evidence'],
      ['setAssessment', { result: 'met', complexity: null }, 'assess it'],
    ])('refuses %s before reading or writing anything', async (functionKey, payload, action) => {
      await expect(onIssue(functionKey, key('1.1'), payload, 'viewer')).rejects.toThrow(
        `You need the Edit issues permission on ${key('1.1')} to ${action}. Ask a Jira admin of project MSP to grant it.`,
      );
      expect(h.appRequests().map((r) => `${r.method} ${r.path} ${r.actor}`)).toEqual(['GET /rest/api/3/mypermissions viewer']);
    });
  });

  describe('setAssessment', () => {
    it('stores the verdict and complexity where JQL finds them, and the result follows it', async () => {
      const panel = await onIssue<ItemPanel>('setAssessment', key('2.2'), { result: 'met', complexity: 'high' });
      expect(panel.result).toEqual({ result: 'met', reason: 'Assessed met on the issue' });
      expect(panel.assessment).toMatchObject({ result: 'met', complexity: 'high', assessedBy: 'admin' });
      // The field (the truth) as the app, then the mirror property JQL reads, as the app.
      expect(writes().map((r) => `${r.method} ${r.path} ${r.actor}`)).toEqual([
        `PUT /rest/api/3/app/field/${fieldId}/value app`,
        `PUT /rest/api/3/issue/${key('2.2')}/properties/msp-audit-assessment app`,
      ]);
      expect(await stored(key('2.2'))).toMatchObject({ v: 2, assessment: { result: 'met', complexity: 'high', assessedBy: 'admin' } });

      const search = async (jql: string) =>
        ((await h.outside('POST', '/rest/api/3/search/jql', { jql, fields: ['summary'] })).body as { issues: { key: string }[] }).issues.map((i) => i.key);
      expect(await search('project = MSP AND auditAssessment = "met"')).toEqual([key('2.2')]);
      expect(await search('project = MSP AND auditComplexity = "high"')).toEqual([key('2.2')]);

      const fromStatus = await onIssue<ItemPanel>('setAssessment', key('2.2'), { result: null, complexity: 'low' });
      expect(fromStatus.result).toEqual({ result: 'not_assessed', reason: `Issue ${key('2.2')} is To Do` });
      expect(await search('project = MSP AND auditAssessment = "met"')).toEqual([]);
    });

    it('refuses a verdict outside met, not met and N/A', async () => {
      await expect(onIssue('setAssessment', key('2.2'), { result: 'passed', complexity: null })).rejects.toThrow(/setAssessment was called with an invalid payload \(result:/);
    });
  });
});
