/**
 * The cold read: a checklist's item states without a cached read to build on, in a constant number
 * of Jira calls instead of ceil(N/100) search pages (read-states.ts falls back to that full read
 * whenever this one declines). Jira pages a search at 5,000 when only ids or keys are asked for and
 * at 100 with any other field, so the states are put together from ids-only searches, each one bit
 * per member issue (src/jira/partition-jql.ts), made at once:
 *
 * 1. membership: the checklist's active item issues (ids and keys);
 * 2. status category Done; 3. status category In Progress (the rest: To Do);
 * 4. assessed "met"; 5. assessed "not met" (in the app-owned evidence field, by its searchAlias;
 *    never the `msp-audit-assessment` issue property, which anyone with Edit issues can write);
 * 6. with their fields, the old way (100 a page): the members with evidence or assessed N/A, whose
 *    entries the risks and strict mode judge and whose N/A justification the checklist's N/A rule
 *    judges. So the evidence is the full read's exactly.
 *
 * The item ↔ issue map (src/item-map) says which item each member holds. A member the map does not
 * give its item (an issue the app did not create, a queued duplicate, a key that moved) is fetched
 * with its fields (bulkfetch, 100 a call) and judged as the full read judges it. So the score,
 * verdict, chapter figures, mandatory list and strict-mode figures are the full read's. What the bits cannot say is left out of those states, not guessed: the status name
 * (the reason words use the category: "is Done"), the resolution (no resolution mapping is applied
 * to rollups), `updated` and the assignee. Views that need the last two (the audit plan's owners,
 * the audit day's chapter reviews) read everything when a state lacks them (plan/road.ts,
 * audit-day/audit-day.ts), and a delta read fetches any changed issue whole.
 *
 * No status or resolution mapping is applied to rollups yet (get-rollup.ts scores with waivers only);
 * when project settings hold them, fold them in here (`status in (…)`, `resolution in (…)` searches
 * give the mapped result in two bits, the resolution mapping beating the status one) or decline.
 * The Done gate's backlog names an item's status only when the state has it (`statusName` is
 * optional there and the page does not show it).
 *
 * The same gap as the delta read's: an identity property rewritten outside the app to name another
 * item of the same checklist keeps its mapped item here (membership and the map agree); the full
 * read lists it as a claim, and read-states.ts makes one when the last is an hour old and the cache
 * still lives (a page kept in use); after an hour without reads the cache has expired (its TTL) and
 * the next read is cold. The reminders of a planned checklist force a full read every day.
 *
 * Calls: 6 at any N ≤ 5,000 with ≤ 100 members needing fields and none unknown to the map; +1 per
 * further 100 of either. Never more than 5 + ceil(N/100) + 1, so it does not give up half-way for a
 * full read: with F members needing fields it costs 5 + ceil(F/100) (+ unknowns), where giving up
 * after a page limit would cost that limit and the full read's ceil(N/100) on top. Declined (a full
 * read instead) below COLD_READ_MIN_ITEMS mapped items, where the full read costs no more
 * (`MSP_ROLLUP_COLD_MIN_ITEMS` overrides it).
 *
 * Search index lag: the bits come from Jira's index, as the full read's matches do; a change the
 * index has not caught up with shows once it has, at the latest through the delta's "updated since
 * the last read, less 15 minutes" search, which fetches the issue whole.
 */
import type { ChecklistDefinition } from '../domain/types';
import type { JiraClient, JiraSearchIssue } from '../jira';
import { activeItemsJql, ITEM_PROPERTY } from '../jira/identity';
import { partitionJql } from '../jira/partition-jql';
import type { ItemMap, MappedIssue } from '../item-map/model';
import type { UnclaimedIssue } from '../item-map/claims';
import type { ItemRead } from '../platform/item-states';
import { readFields, statesOf, type Accept, type StatesRead } from './states-of';

/** At most ceil(600/100) = 6 search pages: the full read costs no more than the partition's 6 calls. */
export const COLD_READ_MIN_ITEMS = 600;

/**
 * COLD_READ_MIN_ITEMS, or `MSP_ROLLUP_COLD_MIN_ITEMS` (a Forge environment variable): `Infinity`
 * turns the cold read off (a switch should a site index the field's aliases differently); tests set
 * 0 to read small checklists cold, and Infinity for the full read they compare it with.
 */
function coldReadMinItems(): number {
  const configured = Number(process.env.MSP_ROLLUP_COLD_MIN_ITEMS);
  return process.env.MSP_ROLLUP_COLD_MIN_ITEMS !== undefined && configured >= 0 ? configured : COLD_READ_MIN_ITEMS;
}

/** The partition read of `def`'s item states, or undefined when a full read is no dearer or it cannot decide. */
export async function coldRead(
  jira: JiraClient,
  projectKey: string,
  def: ChecklistDefinition,
  fieldId: string | undefined,
  map: ItemMap,
  accept: Accept,
  /** `fullReadAt`: the last full read's time (now for a first read), kept for the hourly backstop. */
  context: { fullReadAt: number; mapHash: string },
): Promise<StatesRead | undefined> {
  const items = map.checklists.get(def.id)?.items;
  const membersJql = activeItemsJql(projectKey, def.id);
  const jql = fieldId !== undefined ? partitionJql(membersJql, fieldId) : undefined;
  if (!items || items.size < coldReadMinItems() || !jql) return undefined;
  const ids = async (query: string): Promise<Set<string>> => new Set((await jira.searchJql({ jql: query, fields: ['id'] })).map((issue) => issue.id));
  const [members, done, inProgress, met, notMet, detailed] = await Promise.all([
    jira.searchJql({ jql: membersJql, fields: ['key'] }),
    ids(jql.done),
    ids(jql.inProgress),
    ids(jql.assessedMet),
    ids(jql.assessedNotMet),
    jira.searchJql({ jql: jql.withFields, fields: readFields(fieldId), properties: [ITEM_PROPERTY] }),
  ]);

  const byIssueId = new Map<string, [string, MappedIssue]>();
  for (const [itemId, issue] of items) byIssueId.set(issue.id, [itemId, issue]);
  const detailedIds = new Set(detailed.map((issue) => issue.id));
  const decided: ItemRead[] = [];
  const unclaimed: UnclaimedIssue[] = [];
  const unknown: JiraSearchIssue[] = [];
  for (const member of members) {
    if (detailedIds.has(member.id)) continue;
    const mapped = byIssueId.get(member.id);
    if (!mapped || member.key === undefined || mapped[1].key !== member.key) {
      unknown.push(member);
      continue;
    }
    const state: ItemRead = {
      itemId: mapped[0],
      issueKey: member.key,
      statusCategory: done.has(member.id) ? 'done' : inProgress.has(member.id) ? 'indeterminate' : 'new',
      assessment: met.has(member.id) ? 'met' : notMet.has(member.id) ? 'not_met' : null,
    };
    const verdict = accept(state);
    if (verdict === true) decided.push(state);
    else if (verdict !== undefined) unclaimed.push(verdict);
  }
  const fetched = unknown.length === 0 ? [] : await jira.bulkFetchIssues({ issueIdsOrKeys: unknown.map((issue) => issue.id), fields: readFields(fieldId), properties: [ITEM_PROPERTY] });
  const read = statesOf([...detailed, ...fetched], fieldId, accept);
  if (read.ignored > 0) console.info(`[rollup] ${projectKey}/${def.id}: ${read.ignored} stored evidence problem(s) ignored`);
  return {
    states: [...decided, ...read.states],
    evidence: read.evidence,
    unclaimed: [...unclaimed, ...read.unclaimed],
    kind: 'cold',
    base: { fullReadAt: context.fullReadAt, mapHash: context.mapHash, otherKeys: read.otherKeys },
  };
}
