/**
 * The cold read: a checklist's item states without a cached read to build on, in a constant number
 * of Jira calls instead of ceil(N/100) search pages (read-states.ts falls back to that full read
 * whenever this one declines). Jira pages a search at 5,000 when only ids or keys are asked for and
 * at 100 with any other field, so the states are put together from ids-only searches, each one bit
 * per member issue (src/jira/partition-jql.ts), made at once:
 *
 * 1-5. the five bits of each member's class: status category (To Do, In Progress, Done) × the
 *    assessment the app recorded (none, met, not met: the app-owned evidence field, by its
 *    searchAlias; never the `msp-audit-assessment` issue property, which anyone with Edit issues can
 *    write) × the evidence on today's UTC day (none; some, none of it accepted and in force; accepted
 *    evidence in force: the field's in-force summary, src/domain/evidence-in-force.ts). No class is
 *    numbered 0, so the union of the five searches is the membership (the checklist's active item
 *    issues, with their keys);
 * 6. with their fields, the old way (100 a page): the members whose figures the summary cannot give:
 *    answered N/A (the checklist's N/A rule judges the justification, and the row shows it), with a
 *    non-rejected entry expiring before the horizon (the 30-day "expiring" window or the audit date,
 *    whichever is later: the risks name the entry), with only rejected evidence (the risk counts the
 *    entries), with accepted evidence in two or more separate windows, or with a value written
 *    before the summary existed (old data is read whole, never guessed).
 *
 * Every other member with evidence gets a stand-in (src/domain/evidence-stand-in.ts): one entry that
 * gives the same risks (none, by construction), strict mode and crosswalk coverage as its entries
 * on that day. The cache keeps stand-ins only for that day and audit date (standInsHold: else a
 * read, cold again); views that show entries read them when they find stand-ins: the Done gate's
 * backlog and the crosswalk's titles (only the items they list: entries.ts), the owners' pending
 * reviews and the audit day (a full read: they need assignees and `updated` too).
 *
 * The item ↔ issue map (src/item-map) says which item each member holds. A member the map does not
 * give its item (an issue the app did not create, a queued duplicate, a key that moved), or whose
 * bits make no class (it changed between the searches), is fetched with its fields (bulkfetch, 100 a
 * call) and judged as the full read judges it. So the score, verdict, chapter figures, mandatory
 * list, strict-mode figures, risks and crosswalk coverage are the full read's. What the bits cannot
 * say is left out of those states, not guessed: the status name (the reason words use the category:
 * "is Done"), the resolution (no resolution mapping is applied to rollups), `updated` and the
 * assignee. Views that need the last two (the audit plan's owners, the audit day's chapter reviews)
 * read everything when a state lacks them (plan/road.ts, audit-day/audit-day.ts), and a delta read
 * fetches any changed issue whole.
 *
 * No status or resolution mapping is applied to rollups yet (get-rollup.ts scores with waivers only);
 * when project settings hold them, fold them into the classes or decline. The Done gate's backlog
 * names an item's status only when the state has it (`statusName` is optional there).
 *
 * The same gap as the delta read's: an identity property rewritten outside the app to name another
 * item of the same checklist keeps its mapped item here (membership and the map agree); the full
 * read lists it as a claim, and read-states.ts makes one when the last is an hour old and the cache
 * still lives (a page kept in use); after an hour without reads the cache has expired (its TTL) and
 * the next read is cold. The reminders of a planned checklist force a full read every day.
 *
 * Calls: 6 at any N ≤ 5,000 with ≤ 100 members read with fields and none unknown to the map,
 * whatever evidence the others hold; +1 per further 100 of either. With mypermissions and the
 * caller's visibility search, a getRollup costs 8. Never more than 5 + ceil(N/100) + 1, so it does
 * not give up half-way for a full read. Declined (a full read instead) below COLD_READ_MIN_ITEMS
 * mapped items, where the full read costs no more (`MSP_ROLLUP_COLD_MIN_ITEMS` overrides it).
 *
 * Search index lag: the bits come from Jira's index, as the full read's matches do; a change the
 * index has not caught up with shows once it has, at the latest through the delta's "updated since
 * the last read, less 15 minutes" search, which fetches the issue whole.
 */
import type { ChecklistDefinition } from '../domain/types';
import type { JiraClient } from '../jira';
import { activeItemsJql, ITEM_PROPERTY } from '../jira/identity';
import { classOf, partitionJql, PARTITION_BITS } from '../jira/partition-jql';
import { standInEvidence } from '../domain/evidence-stand-in';
import type { EvidenceFieldValue } from '../domain/evidence';
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
  /**
   * `fullReadAt`: the last full read's time (now for a first read), kept for the hourly backstop;
   * `today` (UTC) and `horizon`: the day evidence is judged on and the day before which an expiry
   * makes the item be read whole (evidence-stand-in.ts standInHorizon).
   */
  context: { fullReadAt: number; mapHash: string; today: string; horizon: string },
): Promise<StatesRead | undefined> {
  const items = map.checklists.get(def.id)?.items;
  const membersJql = activeItemsJql(projectKey, def.id);
  const jql = fieldId !== undefined ? partitionJql(membersJql, fieldId, context) : undefined;
  if (!items || items.size < coldReadMinItems() || !jql) return undefined;
  const [detailed, ...bits] = await Promise.all([
    jira.searchJql({ jql: jql.withFields, fields: readFields(fieldId), properties: [ITEM_PROPERTY] }),
    ...jql.bits.map((query) => jira.searchJql({ jql: query, fields: ['key'] })),
  ]);

  // Each member once, with its key and class number (the union of the bit searches is the membership).
  const members = new Map<string, { key: string | undefined; code: number }>();
  bits.forEach((found, bit) => {
    for (const issue of found) {
      const member = members.get(issue.id) ?? { key: issue.key, code: 0 };
      member.code |= 1 << bit;
      members.set(issue.id, member);
    }
  });
  const byIssueId = new Map<string, [string, MappedIssue]>();
  for (const [itemId, issue] of items) byIssueId.set(issue.id, [itemId, issue]);
  const detailedIds = new Set(detailed.map((issue) => issue.id));
  const decided: ItemRead[] = [];
  const evidence = new Map<string, EvidenceFieldValue>();
  const unclaimed: UnclaimedIssue[] = [];
  const unknown: string[] = [];
  for (const [id, member] of members) {
    if (detailedIds.has(id)) continue;
    const mapped = byIssueId.get(id);
    const found = member.code < 1 << PARTITION_BITS ? classOf(member.code) : undefined;
    if (!mapped || !found || member.key === undefined || mapped[1].key !== member.key) {
      unknown.push(id);
      continue;
    }
    const state: ItemRead = { itemId: mapped[0], issueKey: member.key, statusCategory: found.statusCategory, assessment: found.assessment };
    const verdict = accept(state);
    if (verdict === true) {
      decided.push(state);
      // The first issue of an item is the one scoring uses, so its evidence is the item's (as evidence-read.ts).
      if (found.evidence !== 'none' && !evidence.has(state.itemId)) evidence.set(state.itemId, standInEvidence(found.evidence, context.today, context.horizon));
    } else if (verdict !== undefined) unclaimed.push(verdict);
  }
  const fetched = unknown.length === 0 ? [] : await jira.bulkFetchIssues({ issueIdsOrKeys: unknown, fields: readFields(fieldId), properties: [ITEM_PROPERTY] });
  const read = statesOf([...detailed, ...fetched], fieldId, accept);
  if (read.ignored > 0) console.info(`[rollup] ${projectKey}/${def.id}: ${read.ignored} stored evidence problem(s) ignored`);
  for (const [itemId, value] of read.evidence) if (!evidence.has(itemId)) evidence.set(itemId, value);
  return {
    states: [...decided, ...read.states],
    evidence,
    unclaimed: [...unclaimed, ...read.unclaimed],
    kind: 'cold',
    base: { fullReadAt: context.fullReadAt, mapHash: context.mapHash, otherKeys: read.otherKeys },
  };
}
