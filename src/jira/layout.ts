/**
 * How a checklist looks in Jira (DESIGN.md, "Jira layout"): one issue per item, summary
 * `8.3 Vulnerability management`, an ADF description, labels for the app, the chapter and
 * mandatory items, chapter Epics where the project has an Epic-level type.
 */
import type { Chapter, ChecklistDefinition, ChecklistItem } from '../domain/types';
import { bulletList, doc, heading, paragraph, text, type AdfDoc } from './adf';
import { chapterIdentity, itemIdentity, ITEM_PROPERTY } from './identity';
import type { IssueCreateInput, IssueFieldsInput } from './issues';

/** On every item issue: the trigger and people's filters look for it. */
export const AUDIT_LABEL = 'msp-audit';
export const MANDATORY_LABEL = 'msp-mandatory';
/** On items a newer checklist version removed; they stay for the record but leave the score. */
export const RETIRED_LABEL = 'msp-retired';
/** Manifest key of the app's read-only number field for points. */
export const POINTS_FIELD_MODULE = 'audit-points';

/** Jira's summary limit. */
const SUMMARY_MAX = 255;

const EVIDENCE_NAMES: Record<string, string> = {
  document: 'Document',
  process: 'Process description',
  presentation: 'Presentation',
  demo: 'Technical demonstration',
  link: 'Link',
  attachment: 'Attachment',
};

/** `msp-ch-08`. Labels cannot hold spaces; chapter ids are already letters, digits, `._-`. */
export function chapterLabel(chapterId: string): string {
  return `msp-ch-${chapterId.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

export function itemSummary(item: ChecklistItem): string {
  return truncate(`${item.id} ${item.title}`, SUMMARY_MAX);
}

export function itemLabels(item: ChecklistItem): string[] {
  return [AUDIT_LABEL, chapterLabel(item.chapterId), ...(item.mandatory ? [MANDATORY_LABEL] : [])];
}

/** Requirement, expected evidence, points and the mandatory flag, as an auditor reads them. */
export function itemDescription(def: ChecklistDefinition, item: ChecklistItem): AdfDoc {
  const evidence = item.evidence.map((kind) => EVIDENCE_NAMES[kind] ?? kind);
  const scoring =
    def.model === 'points'
      ? `${item.points} points${item.mandatory ? ` · mandatory: ${item.penalty} points off if not met` : ' · not mandatory'}`
      : item.mandatory
        ? 'Mandatory: must be met, N/A or waived to pass'
        : 'Not mandatory';
  return doc(
    heading(3, 'Requirement'),
    paragraph(text(item.requirement)),
    heading(3, 'Expected evidence'),
    evidence.length > 0 ? bulletList(evidence) : paragraph(text('None listed in the checklist.')),
    paragraph(text('Scoring: ', true), text(scoring)),
    paragraph(text('Checklist: ', true), text(`${def.name} ${def.version}, item ${item.id}`)),
  );
}

/** The fields a version sync rewrites when an item's text, points or chapter changed. */
export function itemContentFields(def: ChecklistDefinition, item: ChecklistItem, parentKey: string | undefined): IssueFieldsInput {
  return {
    summary: itemSummary(item),
    description: itemDescription(def, item),
    ...(parentKey !== undefined ? { parent: { key: parentKey } } : {}),
  };
}

export function itemCreateInput(args: {
  def: ChecklistDefinition;
  item: ChecklistItem;
  projectKey: string;
  issueTypeId: string;
  parentKey?: string;
}): IssueCreateInput {
  const { def, item } = args;
  return {
    fields: {
      project: { key: args.projectKey },
      issuetype: { id: args.issueTypeId },
      summary: itemSummary(item),
      description: itemDescription(def, item),
      labels: itemLabels(item),
      ...(args.parentKey !== undefined ? { parent: { key: args.parentKey } } : {}),
    },
    properties: [{ key: ITEM_PROPERTY, value: itemIdentity(def, item) }],
  };
}

export function chapterCreateInput(args: { def: ChecklistDefinition; chapter: Chapter; projectKey: string; epicTypeId: string }): IssueCreateInput {
  const { def, chapter } = args;
  return {
    fields: {
      project: { key: args.projectKey },
      issuetype: { id: args.epicTypeId },
      summary: truncate(chapter.title, SUMMARY_MAX),
      description: doc(paragraph(text(`Chapter ${chapter.id} of ${def.name} ${def.version}. Its items are the child issues.`))),
      labels: [chapterLabel(chapter.id)],
    },
    properties: [{ key: ITEM_PROPERTY, value: chapterIdentity(def, chapter) }],
  };
}

function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
