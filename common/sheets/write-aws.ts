/**
 * The AWS MSP self-assessment workbook, written back: the layout the upload recognises
 * (aws-msp.ts), so a team that worked the checklist in Jira sends AWS its answers without copying
 * them into Excel by hand, and the file imports again as the same checklist.
 *
 * - Sheets "MSP Prerequisites" (the Prerequisites chapter) and "MSP Technical Validation" (every
 *   other chapter, each under a group header row), after an Introduction that states the version.
 * - Columns ID | Requirement Description | Met? | Partner Response | Comments; the description cell
 *   is title, Mandatory/Recommended, requirement, as AWS writes it.
 * - `Met?` is Yes when the control is met or covered by an exemption (a waiver, named in the
 *   comments), No otherwise: never blank, never N/A.
 * - Partner Response lists the accepted evidence, one "title — link" a line; Comments carry the
 *   item's issue key.
 */
import type { Workbook, Worksheet } from 'exceljs';
import type { AuditPackData, AuditPackEvidence, AuditPackItem } from '../contract';
import { PREREQUISITES_CHAPTER } from './aws-msp';
import { normalizeHeader } from './mapping';
import { addRow, newWorkbook, safeText } from './write-cells';

export const AWS_SHEETS = { prerequisites: 'MSP Prerequisites', technical: 'MSP Technical Validation' } as const;
export const AWS_COLUMNS = ['ID', 'Requirement Description', 'Met?', 'Partner Response', 'Comments'] as const;

/** The self-assessment fits checklists of the AWS MSP framework (built-in or a team's workbook import). */
export function isAwsMspPack(pack: Pick<AuditPackData, 'framework'>): boolean {
  return pack.framework === 'aws-msp';
}

/** Yes only for a met control or one an exemption covers. */
export function metAnswer(item: Pick<AuditPackItem, 'result'>): 'Yes' | 'No' {
  return item.result === 'met' ? 'Yes' : 'No';
}

/**
 * @example
 * const workbook = await writeAwsSelfAssessment(pack);
 * const bytes = await workbook.xlsx.writeBuffer();
 */
export async function writeAwsSelfAssessment(pack: AuditPackData): Promise<Workbook> {
  const workbook = await newWorkbook(new Date(pack.generatedAt));
  const intro = workbook.addWorksheet('Introduction');
  intro.getColumn(1).width = 100;
  addRow(intro, [`MSP Validation Checklist Version ${pack.version}`]);
  addRow(intro, [`${pack.checklistName}: self-assessment of Jira project ${pack.projectKey}, exported ${pack.generatedAt.slice(0, 10)} by MSP Audit Ready.`]);
  addRow(intro, ['Met? is Yes where the control is met or covered by an exemption (named in Comments), No otherwise.']);
  if (pack.hiddenItems.length > 0) {
    addRow(intro, [`Left out because the exporting user cannot see their issues (answered No): ${pack.hiddenItems.join(', ')}.`]);
  }

  const accepted = acceptedEvidence(pack.evidence);
  const isPrerequisite = (item: AuditPackItem) => normalizeHeader(item.chapterTitle) === normalizeHeader(PREREQUISITES_CHAPTER);
  const prerequisites = pack.items.filter(isPrerequisite);
  const technical = pack.items.filter((item) => !isPrerequisite(item));
  if (prerequisites.length > 0) controlSheet(workbook, AWS_SHEETS.prerequisites, 'Prerequisites, reviewed by AWS before the audit', prerequisites, accepted, false);
  if (technical.length > 0) controlSheet(workbook, AWS_SHEETS.technical, 'Technical validation, by the third-party auditor', technical, accepted, true);
  return workbook;
}

function acceptedEvidence(evidence: readonly AuditPackEvidence[]): Map<string, AuditPackEvidence[]> {
  const byItem = new Map<string, AuditPackEvidence[]>();
  for (const entry of evidence) {
    if (entry.reviewState !== 'accepted') continue;
    const list = byItem.get(entry.itemId);
    if (list) list.push(entry);
    else byItem.set(entry.itemId, [entry]);
  }
  return byItem;
}

function controlSheet(
  workbook: Workbook,
  name: string,
  banner: string,
  items: readonly AuditPackItem[],
  accepted: ReadonlyMap<string, AuditPackEvidence[]>,
  groups: boolean,
): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = [{ width: 12 }, { width: 70 }, { width: 8 }, { width: 60 }, { width: 40 }];
  addRow(sheet, [banner]);
  sheet.getRow(1).font = { bold: true, size: 13 };
  addRow(sheet, [...AWS_COLUMNS]);
  sheet.getRow(2).font = { bold: true };
  let chapter: string | undefined;
  for (const item of items) {
    if (groups && item.chapterTitle !== chapter) {
      chapter = item.chapterTitle;
      addRow(sheet, [chapter]);
      sheet.getRow(sheet.rowCount).font = { bold: true };
    }
    addRow(sheet, [item.id, descriptionCell(item), metAnswer(item), partnerResponse(accepted.get(item.id) ?? []), comments(item)]);
    const row = sheet.getRow(sheet.rowCount);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  return sheet;
}

/** Title, Mandatory/Recommended, then the requirement: the cell the upload splits again. */
function descriptionCell(item: AuditPackItem): string {
  const requirement = item.requirement.trim();
  const lines = [item.title, item.mandatory ? 'Mandatory' : 'Recommended'];
  return requirement === '' || requirement === item.title ? lines.join('\n') : `${lines.join('\n')}\n\n${requirement}`;
}

function partnerResponse(entries: readonly AuditPackEvidence[]): string {
  // Each line is neutralised on its own: a title may start with "=" on any line, not just the first.
  return entries.map((entry) => safeText(entry.url !== undefined ? `${entry.title} — ${entry.url}` : entry.title)).join('\n');
}

function comments(item: AuditPackItem): string {
  const parts = [item.issueKey !== undefined ? `Jira issue ${item.issueKey}` : 'No Jira issue visible to the exporter'];
  if (item.waiver) parts.push(`Exemption: ${item.waiver.name} (${item.waiver.reason})`);
  else if (item.result === 'na') parts.push(`N/A${item.justification !== undefined ? `: ${item.justification}` : ''}`);
  return parts.join('\n');
}
