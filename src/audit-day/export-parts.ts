/**
 * `exportAuditPart`: the audit pack in parts the browser joins (common/export-parts.ts), so a pack
 * past one resolver answer (5 MB) can still be downloaded.
 *
 * Each call reads and builds the whole pack as of the moment the first part was asked for (kept in
 * the cursor, so dates, expiries and the report's time are the same in every part) and answers one
 * part of its text. The cursor also holds a fingerprint of the whole text: when the pack came out
 * different (someone changed an item between two parts), the call is refused with a conflict
 * rather than joining two moments into one file. Nothing is written.
 *
 * Jira calls per part: what one export costs (one mypermissions, the paged search as the user).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { BadRequestError, ConflictError } from '../../common/errors';
import type { AuditExportPart } from '../../common/export-parts';
import { splitTextParts } from '../domain/text-parts';
import type { JiraClient } from '../jira';
import type { ProjectCaller } from '../platform/context';
import { readAccess } from '../platform/audit-access';
import { auditChecklist } from '../catalogue/audit-checklist';
import type { ChecklistDefinition } from '../domain/types';
import { buildPack, reportPeople } from './export';
import { structuredPack } from './export-pack';

/** The structured pack (the .xlsx workbooks' data) as one JSON text to cut in parts. */
async function packText(jira: JiraClient, projectKey: string, def: ChecklistDefinition, at: Date, siteUrl: string | undefined) {
  const pack = await structuredPack(jira, projectKey, def, at, siteUrl);
  return { text: JSON.stringify(pack), fileName: `${pack.baseName}.xlsx`, rowCount: pack.pack.items.length };
}

/** Bytes of one part as a JSON string; the rest of Forge's 5 MB answer is room for the envelope. */
export const EXPORT_PART_BYTES = 4 * 1024 * 1024;

/** A download older than this is started again rather than continued (the cursor's time is the pack's). */
export const EXPORT_CURSOR_MAX_AGE_MS = 15 * 60 * 1000;

const cursorSchema = z.object({
  v: z.literal(1),
  checklistId: z.string(),
  format: z.enum(['csv', 'report', 'pack']),
  at: z.number().int(),
  index: z.number().int().min(1),
  fingerprint: z.string(),
});
type Cursor = z.infer<typeof cursorSchema>;

const fingerprintOf = (text: string): string => createHash('sha256').update(text).digest('base64url');

function readCursor(raw: string, nowMs: number): Cursor {
  let parsed: ReturnType<typeof cursorSchema.safeParse>;
  try {
    parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
  } catch {
    parsed = cursorSchema.safeParse(undefined);
  }
  if (!parsed.success) throw new BadRequestError('The export cursor is not one this app gave; download the audit pack again from the start.');
  const age = nowMs - parsed.data.at;
  if (age < 0 || age > EXPORT_CURSOR_MAX_AGE_MS) throw new BadRequestError('This download of the audit pack started too long ago; download it again from the start.');
  return parsed.data;
}

const writeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

export async function exportAuditPart(
  jira: JiraClient,
  caller: ProjectCaller,
  args: { checklistId?: string; format?: 'csv' | 'report' | 'pack'; cursor?: string; siteUrl?: string },
  now: () => number = Date.now,
  partBytes: number = EXPORT_PART_BYTES,
): Promise<AuditExportPart> {
  await readAccess(jira, caller, 'export the audit pack');
  const nowMs = now();
  const cursor = args.cursor !== undefined ? readCursor(args.cursor, nowMs) : undefined;
  const format = cursor?.format ?? args.format ?? 'csv';
  const def = await auditChecklist(caller.projectKey, cursor?.checklistId ?? args.checklistId);
  if (cursor && ((args.checklistId !== undefined && args.checklistId !== cursor.checklistId) || (args.format !== undefined && args.format !== cursor.format))) {
    throw new BadRequestError('The export cursor belongs to another checklist or format; download the audit pack again from the start.');
  }
  const at = cursor?.at ?? nowMs;
  const pack = format === 'pack' ? undefined : await buildPack(jira, caller.projectKey, def, format, new Date(at));
  const built = pack ?? (await packText(jira, caller.projectKey, def, new Date(at), args.siteUrl));
  const fingerprint = fingerprintOf(built.text);
  if (cursor && cursor.fingerprint !== fingerprint) {
    throw new ConflictError('The audit pack changed while it was being downloaded (an item, its evidence, a review or a waiver changed); download it again.');
  }
  const parts = splitTextParts(built.text, partBytes);
  const index = cursor?.index ?? 0;
  const part = parts[index];
  if (part === undefined) throw new BadRequestError('The export cursor points past the end of the audit pack; download it again from the start.');
  const hasNext = index + 1 < parts.length;
  const report = pack?.result.format === 'report' ? pack.result.report : undefined;
  const people = index === 0 && report ? await reportPeople(caller.projectKey, report, () => nowMs) : undefined;
  return {
    format,
    fileName: built.fileName,
    part,
    index,
    parts: parts.length,
    rowCount: built.rowCount,
    ...(hasNext ? { next: writeCursor({ v: 1, checklistId: def.id, format, at, index: index + 1, fingerprint }) } : {}),
    ...(people !== undefined ? { people } : {}),
  };
}
