/**
 * Previewing and saving the site's crosswalk from the rows of a team's file. The rows come from the
 * browser and are never trusted: each is checked against the checklists the site knows (built-in
 * and saved custom ones). A crosswalk with any problem saves nothing.
 */
import { randomUUID } from 'node:crypto';
import type { CrosswalkPreview, CrosswalkProblemView, CrosswalkRowPayload, CrosswalkSavedView, SaveCrosswalkResult } from '../../common/crosswalk';
import { BadRequestError } from '../../common/errors';
import { findChecklist, listChecklists } from '../catalogue';
import { validateCrosswalk, type CrosswalkProblem, type CrosswalkValidation } from '../domain/crosswalk';
import type { ChecklistDefinition } from '../domain/types';
import { markCrosswalkUploadSaved, readStagedCrosswalk } from './staging';
import { crosswalkDigest, readCrosswalkHeader, saveCrosswalk, type CrosswalkHeader } from './store';
import { crosswalkDecisionsKey } from '../storage/keys';
import type { PendingDecision } from '../trail/pending';
import { beginDecisions, finishDecisions } from '../trail/wal';

/** The rows have problems; nothing was saved. `problems` lists them row by row. */
export class CrosswalkInvalidError extends BadRequestError {
  constructor(
    readonly problems: CrosswalkProblemView[],
    readonly moreProblems: number,
  ) {
    const total = problems.length + moreProblems;
    const first = problems.slice(0, 5).map(describeProblem).join(' ');
    super(`The crosswalk has ${total} problem${total === 1 ? '' : 's'}; nothing was saved. ${first}${total > 5 ? ' Preview the file to see them all.' : ''}`);
  }
}

function describeProblem(problem: CrosswalkProblemView): string {
  if (problem.row === 0) return problem.message;
  const where = problem.line !== undefined ? `${problem.sheet !== undefined ? `Sheet "${problem.sheet}" row` : 'Row'} ${problem.line}` : `Row ${problem.row}`;
  return `${where}${problem.field ? `, ${problem.field}` : ''}: ${problem.message}.`;
}

/**
 * Each problem with the place its row came from in a workbook (sheet and Excel row number), when
 * the browser's reader sent one: labels only, the row number stays the server's own count.
 */
export function locateProblems(problems: readonly CrosswalkProblem[], rows: readonly CrosswalkRowPayload[]): CrosswalkProblemView[] {
  return problems.map((problem) => {
    const row = problem.row > 0 ? rows[problem.row - 1] : undefined;
    if (row?.line === undefined) return problem;
    return { ...problem, ...(row.sheet !== undefined ? { sheet: row.sheet } : {}), line: row.line };
  });
}

/** Every checklist the site knows, with its items. */
export async function knownChecklists(): Promise<ChecklistDefinition[]> {
  const summaries = await listChecklists();
  const defs = await Promise.all(summaries.map((summary) => findChecklist(summary.id)));
  return defs.filter((def): def is ChecklistDefinition => def !== undefined);
}

export async function previewCrosswalk(rows: readonly CrosswalkRowPayload[]): Promise<CrosswalkPreview> {
  const [validation, header] = await Promise.all([validateCrosswalk(rows, await knownChecklists()), readCrosswalkHeader()]);
  return { ...counts(rows, validation), problems: locateProblems(validation.problems, rows), moreProblems: validation.moreProblems, current: header ? savedView(header) : null };
}

/**
 * Saves the rows as the site's crosswalk; the caller has checked Administer Jira as the user. The
 * save is a decision on the trail of the project it was made from (`crosswalk.upload`: the file, its
 * rows and digest, and the revision it replaced), written ahead as a crosswalk link is (src/trail/wal.ts):
 * the crosswalk is the site's, but every audit that counts its evidence reads it.
 */
export async function saveCrosswalkRows(
  rows: readonly CrosswalkRowPayload[],
  meta: { fileName: string; accountId: string; projectKey: string; basedOn: string | null | undefined; now?: Date },
): Promise<SaveCrosswalkResult> {
  const validation = validateCrosswalk(rows, await knownChecklists());
  if (!validation.mappings) throw new CrosswalkInvalidError(locateProblems(validation.problems, rows), validation.moreProblems);
  const now = meta.now ?? new Date();
  const digest = crosswalkDigest(validation.mappings);
  let pending: PendingDecision[] = [];
  const outcome = await saveCrosswalk(validation.mappings, { fileName: meta.fileName, savedBy: meta.accountId, basedOn: meta.basedOn, now }, async (current) => {
    const decisionId = randomUUID();
    pending = await beginDecisions(
      [
        {
          projectKey: meta.projectKey,
          actor: meta.accountId,
          action: 'crosswalk.upload',
          before: current ? { revision: current.revision, fileName: current.fileName, rowCount: current.rowCount, savedAt: current.savedAt } : null,
          after: { fileName: meta.fileName, rowCount: validation.mappings?.length ?? 0, digest },
          at: now,
        },
      ],
      { kind: 'includes', key: crosswalkDecisionsKey(), path: 'ids', id: decisionId },
      { ids: [decisionId] },
    );
    return { decisionId };
  });
  await finishDecisions(pending);
  return { saved: savedView(outcome.header), unchanged: outcome.unchanged };
}

/** The preview of an upload staged in parts (src/crosswalk/staging.ts). */
export async function previewStagedCrosswalk(accountId: string, uploadId: string): Promise<CrosswalkPreview> {
  const { header, rows } = await readStagedCrosswalk(accountId, uploadId);
  if (header.saved) throw new BadRequestError(`This upload was already saved (${header.saved.savedAt}); upload the file again to preview it.`);
  return previewCrosswalk(rows);
}

/**
 * Saves an upload staged in parts. Sent again after a lost answer, it answers what the first save
 * saved (the upload remembers it); a save cut short before that re-reads the parts and finds the
 * same rows already saved.
 */
export async function saveStagedCrosswalk(
  accountId: string,
  uploadId: string,
  meta: { fileName: string; projectKey: string; basedOn: string | null | undefined; now?: Date },
): Promise<SaveCrosswalkResult> {
  const { header, rows } = await readStagedCrosswalk(accountId, uploadId);
  if (header.saved) return { saved: header.saved, unchanged: true };
  const result = await saveCrosswalkRows(rows, { ...meta, accountId });
  await markCrosswalkUploadSaved(header, result.saved);
  return result;
}

function counts(rows: readonly CrosswalkRowPayload[], validation: CrosswalkValidation): Pick<CrosswalkPreview, 'rowCount' | 'full' | 'partial' | 'pairs'> {
  const mappings = validation.mappings ?? [];
  const pairs = new Map<string, { from: string; to: string; rows: number }>();
  for (const m of mappings) {
    const key = `${m.from.checklistId}\u0000${m.to.checklistId}`;
    const pair = pairs.get(key) ?? { from: m.from.checklistId, to: m.to.checklistId, rows: 0 };
    pair.rows++;
    pairs.set(key, pair);
  }
  return {
    rowCount: rows.length,
    full: mappings.filter((m) => m.coverage === 'full').length,
    partial: mappings.filter((m) => m.coverage === 'partial').length,
    pairs: [...pairs.values()],
  };
}

export function savedView(header: CrosswalkHeader): CrosswalkSavedView {
  const { revision, rowCount, fileName, savedAt, savedBy } = header;
  return { revision, rowCount, fileName, savedAt, savedBy };
}
