/**
 * The item's verdict data as the app owns it: the "Audit evidence" field (read-only in Jira, written
 * only by the app through Jira's app field value API) holds the evidence entries *and* the team's
 * assessment (result, complexity, N/A justification, who, when). Pure.
 *
 * Which values the app wrote: every value the app writes carries `v: 2`. The field's schema before
 * this format had `additionalProperties: false` without `v`, so Jira refused any value carrying it
 * then, and since the field became read-only nobody but the app can write it. So a stored value with
 * `v: 2` was written by the app; one without it (a "legacy" value) was saved while the field was
 * still editable by anyone with Edit issues.
 *
 * Legacy values (decided for the upgrade): their entries are kept (what the evidence *is* is the
 * team's text, shown and counted as evidence), but their review decisions cannot be shown to come
 * from the app, so accepted/rejected entries count as pending until reviewed again in the app (the
 * item panel says so), and they hold no assessment: the `msp-audit-assessment` property of that
 * time was writable by anyone and is not trusted. The next change saved through the app rewrites
 * the value in this format with those reviews pending.
 */
import { z } from 'zod';
import { NA_JUSTIFICATION_MAX } from './na-rule';
import type { EvidenceEntry, EvidenceFieldValue } from './evidence-types';
import { canonicalEntry, evidenceValue } from './evidence-summary';
import { inForceSummary, type InForceSummary } from './evidence-in-force';
import { isRecord } from './records';

export const VERDICT_FORMAT = 2;
export const ASSESSMENT_RESULTS = ['met', 'not_met', 'na'] as const;
export const COMPLEXITIES = ['low', 'medium', 'high'] as const;
export type AssessmentResult = (typeof ASSESSMENT_RESULTS)[number];
export type Complexity = (typeof COMPLEXITIES)[number];

/** The team's assessment as the app recorded it. No `result` means "from status". */
export interface AssessmentRecord {
  result?: AssessmentResult;
  complexity?: Complexity;
  /** Why N/A: the written justification the checklist's N/A rule asked for. */
  justification?: string;
  assessedBy: string;
  assessedAt: string;
}

/**
 * What the field stores: the evidence value, the format mark, the assessment, and the searchable
 * summary of when accepted evidence is in force (evidence-in-force.ts; absent in values written before it).
 */
export type VerdictValue = EvidenceFieldValue & InForceSummary & { v: typeof VERDICT_FORMAT; assessment?: AssessmentRecord };

export const assessmentRecordSchema = z.object({
  result: z.enum(ASSESSMENT_RESULTS).optional(),
  complexity: z.enum(COMPLEXITIES).optional(),
  justification: z.string().min(1).max(NA_JUSTIFICATION_MAX).optional(),
  assessedBy: z.string().regex(/^[A-Za-z0-9:_-]{1,128}$/),
  assessedAt: z.iso.datetime(),
});

/** The `assessment` part of the field's JSON schema (manifest), with JQL aliases on result and complexity. */
export const ASSESSMENT_FIELD_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['assessedBy', 'assessedAt'],
  properties: {
    result: { type: 'string', enum: [...ASSESSMENT_RESULTS], searchAlias: 'assessmentResult' },
    complexity: { type: 'string', enum: [...COMPLEXITIES], searchAlias: 'assessmentComplexity' },
    justification: { type: 'string', minLength: 1, maxLength: NA_JUSTIFICATION_MAX },
    assessedBy: { type: 'string', pattern: '^[A-Za-z0-9:_-]{1,128}$' },
    assessedAt: { type: 'string', format: 'date-time' },
  },
} as const;

/** Whether a stored field value was written by the app in this format. */
export function isAppWritten(raw: unknown): boolean {
  return isRecord(raw) && raw.v === VERDICT_FORMAT;
}

/** The assessment of an app-written value; undefined for legacy values, none, or a damaged one. */
export function storedAssessment(raw: unknown): AssessmentRecord | undefined {
  if (!isAppWritten(raw) || !isRecord(raw) || raw.assessment === undefined) return undefined;
  const parsed = assessmentRecordSchema.safeParse(raw.assessment);
  return parsed.success ? dropUndefined(parsed.data) : undefined;
}

/**
 * Evidence of a legacy value with its review decisions taken back to pending (they cannot be
 * shown to come from the app). Returns the value and how many decisions were set aside.
 */
export function withoutUntrustedReviews(value: EvidenceFieldValue): { value: EvidenceFieldValue; setAside: number } {
  let setAside = 0;
  const entries = value.entries.map((entry): EvidenceEntry => {
    if (entry.reviewState === 'pending') return entry;
    setAside += 1;
    const { reviewer: _r, reviewedAt: _a, reviewNote: _n, selfReviewed: _s, ...rest } = entry;
    return canonicalEntry({ ...rest, reviewState: 'pending' });
  });
  return { value: setAside === 0 ? value : evidenceValue(entries), setAside };
}

/** The value the app writes: evidence, its in-force summary, format mark, and the assessment when there is one. */
export function verdictValue(evidence: EvidenceFieldValue, assessment: AssessmentRecord | undefined): VerdictValue {
  return { ...evidenceValue(evidence.entries), ...inForceSummary(evidence.entries), v: VERDICT_FORMAT, ...(assessment !== undefined ? { assessment } : {}) };
}

/**
 * The `msp-audit-assessment` property the app writes as a mirror of the field's assessment, for JQL
 * (`auditAssessment`, `auditComplexity`). Absent keys (not nulls), so `auditAssessment IS EMPTY`
 * finds items assessed "from status". Never read back as the truth.
 */
export function assessmentMirror(assessment: AssessmentRecord | undefined): Record<string, string> {
  if (assessment === undefined) return {};
  return {
    ...(assessment.result !== undefined ? { result: assessment.result } : {}),
    ...(assessment.complexity !== undefined ? { complexity: assessment.complexity } : {}),
    assessedBy: assessment.assessedBy,
    assessedAt: assessment.assessedAt,
  };
}

/** What the mirror property says (result, complexity), read leniently; undefined when absent. */
export function mirrorSays(property: unknown): { result: string | null; complexity: string | null } | undefined {
  if (property === undefined || property === null) return undefined;
  if (!isRecord(property)) return { result: '(not an assessment)', complexity: null };
  const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v.slice(0, 40) : null);
  return { result: text(property.result), complexity: text(property.complexity) };
}

/**
 * Whether the mirror property differs from what the app recorded (`expected`: the assessment in
 * force, i.e. the field's, or the checklist file's initial answer). Only result and complexity are
 * compared: they are what JQL and people read.
 */
export function mirrorDiffers(property: unknown, expected: { result?: string; complexity?: string } | undefined): boolean {
  const says = mirrorSays(property);
  if (says === undefined) return false;
  return says.result !== (expected?.result ?? null) || says.complexity !== (expected?.complexity ?? null);
}

function dropUndefined(record: z.infer<typeof assessmentRecordSchema>): AssessmentRecord {
  return {
    ...(record.result !== undefined ? { result: record.result } : {}),
    ...(record.complexity !== undefined ? { complexity: record.complexity } : {}),
    ...(record.justification !== undefined ? { justification: record.justification } : {}),
    assessedBy: record.assessedBy,
    assessedAt: record.assessedAt,
  };
}
