/** The evidence views' words, once, so every view says the same thing the same way. */
import type { AuditRiskKind, ComplexityName, AssessmentResultName, EvidenceKindName, EvidenceReviewStateName } from '../../../../../common/contract';
import type { PillTone } from '../../components/StatusPill';
import { evidenceEnglish } from './messages';
import type { EvidenceMessages } from './messages.en';

/** English words (the catalogue, messages.<lang>.ts, has every language). */
export const KIND_WORDS: Record<EvidenceKindName, string> = evidenceEnglish().kinds;
export const KINDS = Object.keys(KIND_WORDS) as EvidenceKindName[];

export const REVIEW_WORDS: Record<EvidenceReviewStateName, string> = evidenceEnglish().review;
export const REVIEW_TONES: Record<EvidenceReviewStateName, PillTone> = { pending: 'information', accepted: 'success', rejected: 'danger' };

export const RISK_WORDS: Record<AuditRiskKind, string> = evidenceEnglish().risks;
export const RISK_TONES: Record<AuditRiskKind, PillTone> = {
  'met-without-evidence': 'danger',
  'only-rejected-evidence': 'danger',
  'evidence-expired': 'danger',
  'evidence-expiring': 'warning',
  'evidence-expires-before-audit': 'warning',
  'waiver-expiring': 'warning',
  'waiver-lapsed': 'danger',
  'waiver-no-proof': 'warning',
};

export const ASSESSMENT_WORDS: Record<AssessmentResultName, string> = evidenceEnglish().assessment;
export const COMPLEXITY_WORDS: Record<ComplexityName, string> = evidenceEnglish().complexity;

/** "valid from 2026-01-01 until 2026-12-31", "valid until …", "" when neither date is set. */
export function validityLine(effectiveDate: string | undefined, expiryDate: string | undefined, t: EvidenceMessages = evidenceEnglish()): string {
  if (effectiveDate && expiryDate) return t.validFromUntil(effectiveDate, expiryDate);
  if (expiryDate) return t.validUntil(expiryDate);
  if (effectiveDate) return t.validFrom(effectiveDate);
  return '';
}
