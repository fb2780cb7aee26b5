/**
 * How a checklist looks in Jira (DESIGN.md, "Jira layout"): one issue per item, summary
 * `8.3 Vulnerability management`, an ADF description, labels for the app, the chapter and
 * mandatory items, chapter Epics where the project has an Epic-level type.
 */
import { naRuleOf } from '../domain/na-rule';
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

/**
 * `msp-ch-08` for chapter `08` and for chapter `ch-08` alike: a chapter id that already starts with
 * `ch-` does not repeat it. Labels cannot hold spaces; other characters become `_`.
 */
export function chapterLabel(chapterId: string): string {
  return `msp-ch-${labelSafe(chapterId.replace(/^ch-/i, ''))}`;
}

/**
 * The label imports before 2026-12-07 wrote (`msp-ch-ch-08` for chapter `ch-08`), or undefined when
 * it equals today's. A version update removes it from the items it touches (removing a label an
 * issue lacks is a no-op in Jira, so the rename is idempotent).
 */
export function legacyChapterLabel(chapterId: string): string | undefined {
  const legacy = `msp-ch-${labelSafe(chapterId)}`;
  return legacy === chapterLabel(chapterId) ? undefined : legacy;
}

function labelSafe(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]/g, '_');
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
        ? mandatoryMetSentence(def)
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

/** What a mandatory item of a met-model checklist needs, as the checklist's N/A rule allows it. */
function mandatoryMetSentence(def: ChecklistDefinition): string {
  switch (naRuleOf(def)) {
    case 'exemptions':
      return "Mandatory: must be met to pass; N/A only under an exemption the checklist's publisher lists; a waiver needs a project admin";
    case 'justified':
      return 'Mandatory: must be met to pass; N/A only with a written justification; a waiver needs a project admin';
    case 'free':
      return 'Mandatory: must be met, N/A or waived (by a project admin) to pass';
  }
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
