/**
 * An issue's verdict data as the app trusts it, from the value of the read-only evidence field (see
 * src/domain/evidence-verdict.ts for the format and how values saved before it are treated):
 * - the evidence (entries that break the rules left out; review decisions the app cannot vouch for
 *   set back to pending),
 * - the assessment in force: the field's (the import writes a checklist file's answers there too),
 *   or none ("from status"). Never the `msp-audit-assessment` property: that is a mirror for JQL,
 *   and anyone with Edit issues can change it.
 */
import type { EvidenceFieldValue, EvidenceProblem } from './evidence';
import { isAppWritten, storedAssessment, withoutUntrustedReviews, type AssessmentRecord } from './evidence-verdict';
import type { ItemResult } from './types';
import { readEvidence } from './evidence-read';

/** An explicit assessment the app vouches for: result (null: from status) and an N/A's justification. */
export interface TrustedAssessment {
  result: ItemResult | null;
  justification?: string;
}

export interface VerdictReading {
  evidence: EvidenceFieldValue;
  /** Stored entries that break the evidence rules: ignored, dropped on the next change. */
  ignored: EvidenceProblem[];
  /** The assessment the app recorded in the field, if any. */
  assessment: AssessmentRecord | undefined;
  /** The value was saved before the app owned the field (no format mark); null counts as app-owned. */
  legacy: boolean;
  /** Review decisions of a legacy value counted as pending. */
  reviewsSetAside: number;
}

/** Reads the evidence field's raw value (from Jira) as the app trusts it. */
export function readVerdict(raw: unknown): VerdictReading {
  const reading = readEvidence(raw);
  const legacy = raw !== null && raw !== undefined && !isAppWritten(raw);
  const { value, setAside } = legacy ? withoutUntrustedReviews(reading.value) : { value: reading.value, setAside: 0 };
  return { evidence: value, ignored: reading.ignored, assessment: legacy ? undefined : storedAssessment(raw), legacy, reviewsSetAside: setAside };
}

/** The assessment that counts: the one the app recorded in the field, else none ("from status"). */
export function assessmentInForce(reading: Pick<VerdictReading, 'assessment'>): TrustedAssessment {
  const recorded = reading.assessment;
  if (recorded === undefined) return { result: null };
  return { result: recorded.result ?? null, ...(recorded.justification !== undefined ? { justification: recorded.justification } : {}) };
}
