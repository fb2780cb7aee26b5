/**
 * Waivers in force on a project: the checklist's own named exemptions ("AWS DevOps Competency
 * covers chapter 6") and a team's custom ones, each with the reason an auditor will ask for.
 *
 * A waiver never touches Jira. It is applied only when scoring (`toAppliedWaivers` →
 * `scoreChecklist(…, { waivers })`), so removing one restores exactly the score there was before:
 * nothing about the issues changed in between.
 *
 * Choices made here:
 * - One list of records belongs to one checklist on one project (the storage key says which), so
 *   the record carries no checklist id; ids are checked against the checklist passed in.
 * - A custom waiver's id is derived from what it covers (`custom-` + a hash of the sorted target
 *   set). No clock or random source is needed, and since two waivers may not cover the same
 *   target set, the id is unique within a list.
 * - Two waivers for the same target set (named or custom, whatever the order of ids) are refused:
 *   the second would change nothing and leave two reasons to argue about. Applying the same named
 *   waiver twice is refused for the same reason. Removing is idempotent (a retried request is
 *   harmless).
 * - The order of records is the order applied; scoring lets the first waiver covering an item
 *   give the reason, so an older waiver's reason stays stable when another is added.
 * - Text limits count characters as people do (Unicode code points).
 */
import { AppError } from '../../common/errors';
import { freeTextProblem } from './free-text';
import { fnv1a64 } from './hash';
import type { AppliedWaiver, ChecklistDefinition } from './types';
import { checkWaiverProof, withLapses, type WaiverProof } from './waiver-proof';

/** Longest reason a custom waiver may carry, in characters. */
export const WAIVER_REASON_MAX = 500;
/** Longest name a custom waiver may carry, in characters. */
export const WAIVER_NAME_MAX = 120;
/** Most waivers one checklist may have in force in a project: enough for every published exemption and a team's own. */
export const MAX_WAIVERS = 50;
/** Name given to a custom waiver sent without one. */
export const DEFAULT_CUSTOM_WAIVER_NAME = 'Team waiver';

/** A waiver in force, as stored. */
export interface WaiverRecord {
  id: string;
  /** `named`: one of the checklist's own waivers. `custom`: written by the team. */
  source: 'named' | 'custom';
  name: string;
  reason: string;
  items: string[];
  chapters: string[];
  /** Account id of whoever applied it. */
  appliedBy: string;
  /** ISO 8601 instant. */
  appliedAt: string;
  /**
   * The certificate or report that grants the exemption; the waiver lapses after its expiry date
   * (waiver-proof.ts). Required for a named waiver applied since proof was asked for; optional for a
   * team's own. Absent on waivers applied before: they stay in force, shown as "no proof on record".
   */
  proof?: WaiverProof;
}

/** What a team sends to add its own waiver (the proof is optional for a team's own waiver). */
export interface CustomWaiverInput {
  name?: string;
  reason: string;
  items?: string[];
  chapters?: string[];
  proof?: unknown;
}

/** Who applies the waiver, and when. */
export interface WaiverContext {
  accountId: string;
  now: Date;
}

/** The waiver cannot be applied as asked; `problems` says what to change. */
export class WaiverValidationError extends AppError {
  readonly problems: string[];

  constructor(problems: string[]) {
    super('invalid-input', `The waiver was not applied: ${problems.join('; ')}`);
    this.name = 'WaiverValidationError';
    this.problems = problems;
  }
}

/**
 * Puts one of the checklist's named waivers in force.
 *
 * @throws WaiverValidationError when the checklist has no such waiver, it is already in force, or
 *   another waiver covers exactly the same items and chapters
 * @example
 * const records = applyNamedWaiver([], awsMsp71, 'devops-competency', { accountId: 'ana', now: new Date('2026-03-02T10:00:00Z') });
 * // [{ id: 'devops-competency', source: 'named', name: 'AWS DevOps Competency', reason: '…', items: [], chapters: ['6'],
 * //    appliedBy: 'ana', appliedAt: '2026-03-02T10:00:00.000Z' }]
 */
export function applyNamedWaiver(
  records: WaiverRecord[],
  def: ChecklistDefinition,
  waiverId: string,
  ctx: WaiverContext,
  /** The certificate or report behind the exemption (checked here; required). */
  proof?: unknown,
): WaiverRecord[] {
  const named = def.waivers.find((entry) => entry.id === waiverId);
  const problems = contextProblems(ctx);
  if (!named) {
    const known = def.waivers.map((entry) => entry.id);
    problems.push(
      known.length === 0
        ? `${def.name} ${def.version} has no named waivers; add a custom waiver with a reason instead.`
        : `${def.name} ${def.version} has no waiver "${waiverId}"; pick one of: ${known.join(', ')}.`,
    );
    throw new WaiverValidationError(problems);
  }
  if (records.some((record) => record.id === named.id)) {
    problems.push(`${named.name} is already in force; nothing to do.`);
  } else {
    const duplicate = sameTargets(records, named.items, named.chapters);
    if (duplicate) problems.push(duplicateMessage(duplicate));
  }
  const checked =
    proof === undefined || proof === null
      ? { ok: false as const, problems: [`${named.name} needs its proof: attach the certificate or report that grants it (title, a link or a note saying where the auditor finds it, effective and expiry dates); the waiver lapses when it expires.`] }
      : checkWaiverProof(proof, dayOf(ctx.now));
  if (!checked.ok) problems.push(...checked.problems);
  if (problems.length > 0 || !checked.ok) throw new WaiverValidationError(problems);

  const record: WaiverRecord = {
    id: named.id,
    source: 'named',
    name: named.name,
    reason: named.reason,
    items: [...named.items],
    chapters: [...named.chapters],
    appliedBy: ctx.accountId,
    appliedAt: ctx.now.toISOString(),
    proof: checked.value,
  };
  return [...records, record];
}

/**
 * Puts a team's own waiver in force. Text is trimmed; ids are trimmed and de-duplicated.
 *
 * @throws WaiverValidationError listing every problem: no reason, reason or name too long, no item
 *   or chapter, ids not in the checklist, or a waiver already covering the same target set
 * @example
 * addCustomWaiver([], def, { reason: 'Shared SOC covered by the group audit', chapters: ['7'] }, { accountId: 'ana', now });
 * // [{ id: 'custom-…', source: 'custom', name: 'Team waiver', reason: 'Shared SOC covered by the group audit',
 * //    items: [], chapters: ['7'], appliedBy: 'ana', appliedAt: '2026-03-02T10:00:00.000Z' }]
 */
export function addCustomWaiver(
  records: WaiverRecord[],
  def: ChecklistDefinition,
  input: CustomWaiverInput,
  ctx: WaiverContext,
): WaiverRecord[] {
  const problems = contextProblems(ctx);
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  const name = typeof input.name === 'string' && input.name.trim() !== '' ? input.name.trim() : DEFAULT_CUSTOM_WAIVER_NAME;
  const items = cleanIds(input.items);
  const chapters = cleanIds(input.chapters);

  if (reason === '') problems.push('Give a reason: an auditor will ask why these items are waived.');
  else if (characterCount(reason) > WAIVER_REASON_MAX) {
    problems.push(`The reason is ${characterCount(reason)} characters; shorten it to at most ${WAIVER_REASON_MAX}.`);
  } else {
    const bad = freeTextProblem('The reason', reason, Number.MAX_SAFE_INTEGER);
    if (bad) problems.push(bad);
  }
  if (characterCount(name) > WAIVER_NAME_MAX) {
    problems.push(`The name is ${characterCount(name)} characters; shorten it to at most ${WAIVER_NAME_MAX}.`);
  } else {
    const bad = freeTextProblem('The name', name, Number.MAX_SAFE_INTEGER);
    if (bad) problems.push(bad);
  }
  if (items.length === 0 && chapters.length === 0) problems.push('Pick at least one item or chapter to waive.');

  const itemIds = new Set(def.items.map((entry) => entry.id));
  const chapterIds = new Set(def.chapters.map((entry) => entry.id));
  const unknownItems = items.filter((id) => !itemIds.has(id));
  const unknownChapters = chapters.filter((id) => !chapterIds.has(id));
  if (unknownItems.length > 0) problems.push(`${listOf('Item', unknownItems)} not in ${def.name} ${def.version}.`);
  if (unknownChapters.length > 0) problems.push(`${listOf('Chapter', unknownChapters)} not in ${def.name} ${def.version}.`);

  const duplicate = items.length + chapters.length > 0 ? sameTargets(records, items, chapters) : undefined;
  if (duplicate) problems.push(duplicateMessage(duplicate));
  // A team's own waiver may carry proof; when it does, it is checked like a named one's and lapses with it.
  const checked = input.proof === undefined || input.proof === null ? undefined : checkWaiverProof(input.proof, dayOf(ctx.now));
  if (checked && !checked.ok) problems.push(...checked.problems);
  if (problems.length > 0) throw new WaiverValidationError(problems);
  const proof = checked?.ok === true ? { proof: checked.value } : {};

  const id = customWaiverId(items, chapters);
  if (records.some((record) => record.id === id)) {
    // Only reachable if a named waiver's id happens to look like a custom one; say so plainly.
    throw new WaiverValidationError([`A waiver with id ${id} is already in force; remove it first.`]);
  }
  return [...records, { id, source: 'custom', name, reason, items, chapters, appliedBy: ctx.accountId, appliedAt: ctx.now.toISOString(), ...proof }];
}

/** The most the stored list of one checklist's waivers may take (JSON bytes): one KVS value, with a margin. */
export const MAX_WAIVERS_BYTES = 200 * 1024;

/**
 * Why this list of waivers may not be stored, or undefined when it may: more than MAX_WAIVERS in
 * force, or more bytes than one stored value holds. The message says what to do instead.
 *
 * @example
 * waiverLimitProblem(fiftyOneRecords, def); // 'AWS MSP Validation Checklist 7.1 already has 50 waivers in force, …'
 */
export function waiverLimitProblem(records: readonly WaiverRecord[], def: Pick<ChecklistDefinition, 'name' | 'version'>): string | undefined {
  if (records.length > MAX_WAIVERS) {
    return `${def.name} ${def.version} already has ${MAX_WAIVERS} waivers in force, the most one checklist may have. Nothing was added: remove waivers no longer needed, or cover a whole chapter with one waiver instead of items one by one.`;
  }
  const bytes = new TextEncoder().encode(JSON.stringify({ waivers: records })).length;
  if (bytes > MAX_WAIVERS_BYTES) {
    return `The waivers of ${def.name} ${def.version} would take ${Math.ceil(bytes / 1024)} KB, more than the ${MAX_WAIVERS_BYTES / 1024} KB they may use. Nothing was added: cover whole chapters instead of listing many items, shorten reasons, or remove waivers no longer needed.`;
  }
  return undefined;
}

/**
 * The mandatory items a waiver over these targets would cover (listed items and every item of the
 * listed chapters), in checklist order. Waiving any of them changes whether the project passes, so
 * it needs a project admin.
 *
 * @example
 * mandatoryItemsCovered(awsMsp71, { items: ['OPS-009'], chapters: [] }); // ['OPS-009']
 */
export function mandatoryItemsCovered(def: ChecklistDefinition, targets: { items: readonly string[]; chapters: readonly string[] }): string[] {
  const items = new Set(targets.items);
  const chapters = new Set(targets.chapters);
  return def.items.filter((item) => item.mandatory && (items.has(item.id) || chapters.has(item.chapterId))).map((item) => item.id);
}

/**
 * The list without the waiver `id`. Removing an id that is not there returns an equal list, so a
 * retried request is harmless. Scores go back to what they were: waivers are applied only at
 * scoring time.
 *
 * @example
 * removeWaiver(records, 'devops-competency').map((record) => record.id); // the other ids, in order
 */
export function removeWaiver(records: WaiverRecord[], id: string): WaiverRecord[] {
  return records.filter((record) => record.id !== id);
}

/**
 * The waivers in the shape `scoreChecklist` takes, in the order they were applied. With `today`
 * (YYYY-MM-DD), a waiver whose proof expired before it is marked lapsed and decides nothing.
 *
 * @example
 * scoreChecklist(def, states, { waivers: toAppliedWaivers(records, '2026-03-02') });
 */
export function toAppliedWaivers(records: WaiverRecord[], today?: string): AppliedWaiver[] {
  const applied = records.map((record) => ({
    id: record.id,
    name: record.name,
    reason: record.reason,
    items: [...record.items],
    chapters: [...record.chapters],
  }));
  return today === undefined ? applied : withLapses(applied, records, today);
}

/**
 * The id a custom waiver over these targets gets: the same set, in any order, gives the same id.
 *
 * @example
 * customWaiverId(['8.3', '8.1'], ['6']) === customWaiverId(['8.1', '8.3'], ['6']); // true
 */
export function customWaiverId(items: string[], chapters: string[]): string {
  return `custom-${fnv1a64(targetKey(items, chapters))}`;
}

function targetKey(items: string[], chapters: string[]): string {
  const sorted = (ids: string[]) => [...new Set(ids)].sort();
  return JSON.stringify([sorted(items), sorted(chapters)]);
}

function sameTargets(records: WaiverRecord[], items: string[], chapters: string[]): WaiverRecord | undefined {
  const key = targetKey(items, chapters);
  return records.find((record) => targetKey(record.items, record.chapters) === key);
}

function duplicateMessage(existing: WaiverRecord): string {
  return `${existing.name} already waives exactly these items and chapters; remove it first if this one should replace it.`;
}

function contextProblems(ctx: WaiverContext): string[] {
  const problems: string[] = [];
  if (ctx.accountId.trim() === '') problems.push('Who is applying the waiver is unknown (no account id); sign in and try again.');
  if (Number.isNaN(ctx.now.getTime())) problems.push('The time the waiver is applied is not a valid date.');
  return problems;
}

function dayOf(now: Date): string {
  return Number.isNaN(now.getTime()) ? '0000-01-01' : now.toISOString().slice(0, 10);
}

function cleanIds(ids: unknown): string[] {
  if (!Array.isArray(ids)) return [];
  const clean = ids.filter((id): id is string => typeof id === 'string').map((id) => id.trim()).filter((id) => id !== '');
  return [...new Set(clean)];
}

function listOf(noun: string, ids: string[]): string {
  return ids.length === 1 ? `${noun} ${ids[0]} is` : `${noun}s ${ids.join(', ')} are`;
}

function characterCount(text: string): number {
  return Array.from(text).length;
}
