/** The evidence views' words, once, so every view says the same thing the same way. */
import type { AuditRiskKind, ComplexityName, AssessmentResultName, EvidenceKindName, EvidenceReviewStateName } from '../../../../../common/contract';
import type { PillTone } from '../../components/StatusPill';

export const KIND_WORDS: Record<EvidenceKindName, string> = {
  link: 'Link',
  document: 'Document',
  presentation: 'Presentation',
  process: 'Process description',
  demo: 'Technical demonstration',
  attachment: 'Attachment',
};
export const KINDS = Object.keys(KIND_WORDS) as EvidenceKindName[];

export const REVIEW_WORDS: Record<EvidenceReviewStateName, string> = { pending: 'Pending review', accepted: 'Accepted', rejected: 'Rejected' };
export const REVIEW_TONES: Record<EvidenceReviewStateName, PillTone> = { pending: 'information', accepted: 'success', rejected: 'danger' };

export const RISK_WORDS: Record<AuditRiskKind, string> = {
  'met-without-evidence': 'No evidence',
  'only-rejected-evidence': 'Only rejected evidence',
  'evidence-expired': 'Expired',
  'evidence-expiring': 'Expiring soon',
  'evidence-expires-before-audit': 'Expires before the audit',
  'waiver-expiring': 'Waiver lapsing',
  'waiver-lapsed': 'Waiver lapsed',
  'waiver-no-proof': 'Waiver without proof',
};
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

export const ASSESSMENT_WORDS: Record<AssessmentResultName, string> = { met: 'Met', not_met: 'Not met', na: 'N/A' };
export const COMPLEXITY_WORDS: Record<ComplexityName, string> = { low: 'Low', medium: 'Medium', high: 'High' };

/** "valid from 2026-01-01 until 2026-12-31", "valid until …", "" when neither date is set. */
export function validityLine(effectiveDate: string | undefined, expiryDate: string | undefined): string {
  if (effectiveDate && expiryDate) return `valid from ${effectiveDate} until ${expiryDate}`;
  if (expiryDate) return `valid until ${expiryDate}`;
  if (effectiveDate) return `valid from ${effectiveDate}`;
  return '';
}
