/**
 * The two .xlsx downloads of the Audit page, built in the browser: the structured pack comes from
 * the export resolver (`exportAudit { format: 'pack' }`), the decision trail from its pages, and
 * the workbook from common/sheets/write-*.ts. The writers and exceljs load only here, when someone
 * exports, so the Audit page's initial JS is unchanged.
 */
import type { AuditExportPack, TrailEntryView } from '../../../../../common/contract';
import type { TrailApi } from '../../api/trail-api';
import type { AuditDayMessages } from './messages.en';

/** The progress and refusal words, in the user's language (the audit day's catalogue). */
export type XlsxWords = AuditDayMessages['exports']['progress'];

export type XlsxKind = 'aws' | 'pack';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Trail entries read into the pack at most (100 a page); the sheet says when the trail is longer. */
export const MAX_TRAIL_ENTRIES = 5_000;

export interface XlsxProgress {
  /** What is happening, in plain words. */
  step: string;
  /** 0–1, for the progress bar. */
  fraction: number;
}

export interface XlsxResult {
  blob: Blob;
  fileName: string;
  /** Items in the file. */
  itemCount: number;
  /** Items left out because the user cannot see their issues (issue security). */
  hiddenItems: string[];
}

export class NotAwsChecklistError extends Error {
  override name = 'NotAwsChecklistError';
}

export interface XlsxDeps {
  exportPack: (checklistId: string) => Promise<AuditExportPack>;
  trail?: TrailApi;
}

/**
 * @example
 * const { blob, fileName } = await buildXlsxExport('pack', { exportPack, trail }, 'aws-msp-7.1', setProgress, t.exports.progress);
 */
export async function buildXlsxExport(
  kind: XlsxKind,
  deps: XlsxDeps,
  checklistId: string,
  onProgress: (progress: XlsxProgress) => void,
  words: XlsxWords,
): Promise<XlsxResult> {
  onProgress({ step: words.reading, fraction: 0.05 });
  const { baseName, pack } = await deps.exportPack(checklistId);
  let workbook;
  if (kind === 'aws') {
    const { isAwsMspPack, writeAwsSelfAssessment } = await import('../../../../../common/sheets/write-aws');
    if (!isAwsMspPack(pack)) {
      throw new NotAwsChecklistError(words.notAws(pack.checklistName));
    }
    onProgress({ step: words.writingAws(pack.items.length), fraction: 0.6 });
    workbook = await writeAwsSelfAssessment(pack);
  } else {
    const trail = deps.trail ? await readTrail(deps.trail, checklistId, onProgress, words) : undefined;
    const { writeAuditPack } = await import('../../../../../common/sheets/write-pack');
    onProgress({ step: words.writingPack(pack.items.length, pack.evidence.length), fraction: 0.6 });
    workbook = await writeAuditPack(pack, trail ?? {});
  }
  onProgress({ step: words.packing, fraction: 0.85 });
  const bytes = await workbook.xlsx.writeBuffer();
  onProgress({ step: words.done, fraction: 1 });
  const fileName = kind === 'aws' ? `${baseName.replace(/-audit-pack-/, '-aws-self-assessment-')}.xlsx` : `${baseName}.xlsx`;
  return { blob: new Blob([bytes], { type: XLSX_TYPE }), fileName, itemCount: pack.items.length, hiddenItems: pack.hiddenItems };
}

/** The trail's decisions about this checklist or the whole project, newest pages first, up to the cap. */
async function readTrail(
  api: TrailApi,
  checklistId: string,
  onProgress: (progress: XlsxProgress) => void,
  words: XlsxWords,
): Promise<{ trail: TrailEntryView[]; trailTotal: number }> {
  const entries: TrailEntryView[] = [];
  let cursor: string | undefined;
  let total: number;
  do {
    const page = await api.getTrail({ limit: 100, ...(cursor !== undefined ? { cursor } : {}) });
    total = page.total;
    entries.push(...page.entries);
    cursor = page.nextCursor;
    const read = Math.min(entries.length, MAX_TRAIL_ENTRIES);
    const capped = Math.min(total, MAX_TRAIL_ENTRIES);
    onProgress({ step: words.readingTrail(read, capped), fraction: 0.1 + 0.4 * (total === 0 ? 1 : read / capped) });
  } while (cursor !== undefined && entries.length < MAX_TRAIL_ENTRIES);
  const mine = entries.filter((entry) => entry.checklistId === undefined || entry.checklistId === checklistId);
  // When the trail was cut, say how many decisions it holds in all.
  return { trail: mine, trailTotal: cursor === undefined ? mine.length : total };
}
