/**
 * The structured audit pack (`exportAudit { format: 'pack' }`): the data the Audit page builds the
 * two .xlsx workbooks from (common/sheets/write-*.ts). Same read and scoring as the CSV, so the
 * workbooks and the CSV never disagree; the file itself never passes through a resolver.
 *
 * Items whose issue the caller may not see (issue security) are in the pack as their catalogue
 * entry only, as in the CSV; `hiddenItems` names them (item ids, never the hidden issue keys), found
 * by comparing an ids-only search as the app with what the caller's search returned.
 */
import type { AuditExportPack, AuditPackData, AuditPackEvidence, AuditPackItem } from '../../common/contract';
import type { EvidenceEntry } from '../domain/evidence';
import type { ChecklistDefinition } from '../domain/types';
import type { JiraClient } from '../jira';
import { activeItemsJql, ITEM_PROPERTY } from '../jira/identity';
import { toItemState } from '../platform/item-states';
import type { ProjectCaller } from '../platform/context';
import { readAccess } from '../platform/audit-access';
import { auditChecklist } from '../catalogue/audit-checklist';
import { waiverView } from './audit-day';
import { checkSize, packHeadline, readPack, type PackData } from './export';

/**
 * `exportAudit { format: 'pack' }`: Browse projects, then the pack read and scored as the CSV is,
 * as the caller (issue security), with the items it left out named. Nothing is written.
 */
export async function exportAuditPack(
  jira: JiraClient,
  caller: ProjectCaller,
  args: { checklistId?: string; siteUrl?: string },
  now: () => number = Date.now,
): Promise<AuditExportPack> {
  await readAccess(jira, caller, 'export the audit pack');
  const def = await auditChecklist(caller.projectKey, args.checklistId);
  const result = await structuredPack(jira, caller.projectKey, def, new Date(now()), args.siteUrl);
  checkSize(JSON.stringify(result));
  return result;
}

/**
 * The structured pack as of `at`, with no access check (the caller made it) and no size bound: the
 * one-answer export checks its size, the export in parts (export-parts.ts) cuts its JSON in parts.
 */
export async function structuredPack(jira: JiraClient, projectKey: string, def: ChecklistDefinition, at: Date, siteUrl?: string): Promise<AuditExportPack> {
  const pack = await readPack(jira, projectKey, def, at);
  const hiddenItems = await hiddenItemIds(jira, projectKey, pack);
  const data = auditPackOf(projectKey, pack, at, { hiddenItems, ...(siteUrl !== undefined ? { siteUrl } : {}) });
  console.info(`[export] ${projectKey}/${def.id}: structured pack of ${data.items.length} items, ${data.evidence.length} evidence entries, ${hiddenItems.length} left out`);
  return { format: 'pack', baseName: `${projectKey}-${def.id}-audit-pack-${pack.today}`, pack: data };
}

/** Keys per `key in (…)` search when naming hidden items. */
const KEYS_PER_SEARCH = 100;

/**
 * Item ids of the checklist whose issue exists but is missing from the caller's search. One
 * ids-only search as the app (5,000 keys a page) finds the keys the caller did not get; only those
 * few are then read with their item property, so an export nobody is hidden from costs one call.
 */
export async function hiddenItemIds(jira: JiraClient, projectKey: string, pack: Pick<PackData, 'def' | 'issueKeys'>): Promise<string[]> {
  const jql = activeItemsJql(projectKey, pack.def.id);
  const seen = new Set(pack.issueKeys.values());
  const all = await jira.searchJql({ jql, fields: ['key'], as: 'app' });
  const unseen = all.flatMap((issue) => (issue.key !== undefined && !seen.has(issue.key) ? [issue.key] : []));
  if (unseen.length === 0) return [];
  const known = new Set(pack.def.items.map((item) => item.id));
  const hidden = new Set<string>();
  for (let at = 0; at < unseen.length; at += KEYS_PER_SEARCH) {
    const keys = unseen.slice(at, at + KEYS_PER_SEARCH).join(', ');
    const issues = await jira.searchJql({ jql: `${jql} AND key in (${keys})`, fields: ['key'], properties: [ITEM_PROPERTY], as: 'app' });
    for (const issue of issues) {
      const state = toItemState(issue, () => ({ result: null })); // only the item id is needed here
      if (state && known.has(state.itemId) && !pack.issueKeys.has(state.itemId)) hidden.add(state.itemId);
    }
  }
  // In the checklist's order, as every sheet lists items.
  return pack.def.items.map((item) => item.id).filter((id) => hidden.has(id));
}

/**
 * Pure: the pack's data as the workbooks need it.
 *
 * @example
 * auditPackOf('MSP', pack, new Date(), { hiddenItems: [], siteUrl: 'https://acme.atlassian.net' });
 */
export function auditPackOf(projectKey: string, pack: PackData, at: Date, extra: { hiddenItems: string[]; siteUrl?: string }): AuditPackData {
  const { def, report } = pack;
  const rowsById = new Map(pack.rows.map((row) => [row.id, row]));
  const defItems = new Map(def.items.map((item) => [item.id, item]));
  const chapterTitles = new Map(def.chapters.map((chapter) => [chapter.id, chapter.title]));
  const reviews = new Map(pack.reviews.map((entry) => [entry.chapterId, entry]));
  const waivers = new Map(pack.waivers.map((record) => [record.id, record]));
  const items: AuditPackItem[] = [];
  const evidence: AuditPackEvidence[] = [];
  for (const item of report.items) {
    const row = rowsById.get(item.id);
    const issueKey = pack.issueKeys.get(item.id);
    const entries = pack.evidence.get(item.id) ?? [];
    const waiver = item.waiverId !== undefined ? waivers.get(item.waiverId) : undefined;
    items.push({
      id: item.id,
      chapterId: item.chapterId,
      chapterTitle: chapterTitles.get(item.chapterId) ?? item.chapterId,
      title: item.title,
      requirement: defItems.get(item.id)?.requirement ?? '',
      mandatory: item.mandatory,
      points: row?.points ?? null,
      result: item.result,
      resultWords: row?.result ?? item.reason,
      why: row?.why ?? item.reason,
      owner: row?.owner ?? '',
      status: row?.status ?? '',
      ...(issueKey !== undefined ? { issueKey } : {}),
      ...(item.source === 'waiver' && item.waivedBy !== undefined
        ? { waiver: { name: item.waivedBy, reason: waiver?.reason ?? '', appliedBy: waiver?.appliedBy ?? '', appliedAt: waiver?.appliedAt ?? '' } }
        : {}),
      ...(item.justification !== undefined ? { justification: item.justification } : {}),
      evidence: {
        total: entries.length,
        accepted: entries.filter((entry) => entry.reviewState === 'accepted').length,
        pending: entries.filter((entry) => entry.reviewState === 'pending').length,
        rejected: entries.filter((entry) => entry.reviewState === 'rejected').length,
      },
    });
    for (const entry of entries) evidence.push(evidenceRow(item.id, issueKey, entry));
  }
  return {
    ...packHeadline(projectKey, def, report, at),
    ...(extra.siteUrl !== undefined ? { siteUrl: extra.siteUrl } : {}),
    framework: def.framework,
    projection: { score: report.projection.score, passed: report.projection.passed, mandatoryOpen: [...report.projection.mandatoryOpen] },
    chapters: report.chapters.map((chapter) => {
      const review = reviews.get(chapter.id);
      const reviewWords = review?.state === 'reviewed' ? `Reviewed ${review.review?.reviewedAt.slice(0, 10) ?? ''}`.trim() : review?.state === 'stale' ? 'Stale' : 'Not reviewed';
      return { id: chapter.id, title: chapter.title, earned: chapter.earned, max: chapter.max, met: chapter.met, total: chapter.total, review: reviewWords };
    }),
    items,
    evidence,
    waivers: pack.waivers.map((record) => waiverView(record, pack.today)),
    hiddenItems: extra.hiddenItems,
    evidenceAvailable: pack.evidenceAvailable,
  };
}

function evidenceRow(itemId: string, issueKey: string | undefined, entry: EvidenceEntry): AuditPackEvidence {
  return {
    itemId,
    ...(issueKey !== undefined ? { issueKey } : {}),
    kind: entry.kind,
    title: entry.title,
    ...(entry.url !== undefined ? { url: entry.url } : {}),
    ...(entry.owner !== undefined ? { owner: entry.owner } : {}),
    addedBy: entry.addedBy,
    addedAt: entry.addedAt,
    ...(entry.effectiveDate !== undefined ? { effectiveDate: entry.effectiveDate } : {}),
    ...(entry.expiryDate !== undefined ? { expiryDate: entry.expiryDate } : {}),
    reviewState: entry.reviewState,
    ...(entry.reviewer !== undefined ? { reviewer: entry.reviewer } : {}),
    ...(entry.reviewedAt !== undefined ? { reviewedAt: entry.reviewedAt } : {}),
    ...(entry.note !== undefined && entry.note.trim() !== '' ? { note: entry.note } : {}),
  };
}
