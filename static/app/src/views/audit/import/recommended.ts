/**
 * The checklist the import screen preselects, so "one-click import" is one click: the newest AWS
 * MSP version whose stated validity covers today (valid from on or before today, valid until on or
 * after it, not historical), else the first checklist whose validity covers today (never a
 * historical template when another is offered), else the first offered. Pure: the day is passed in.
 */
import type { ChecklistSummary } from '../../../../../../common/contract';
import { compareVersions } from '../sync/versions';

const AWS_MSP = 'aws-msp';

/** Whether the publisher's stated validity covers `today` (YYYY-MM-DD); no stated end counts as open. */
export function validityCovers(validity: ChecklistSummary['validity'], today: string): boolean {
  if (!validity) return true;
  if (validity.historical === true) return false;
  if (validity.validFrom !== undefined && today < validity.validFrom) return false;
  if (validity.validUntil !== undefined && today > validity.validUntil) return false;
  return true;
}

/**
 * @example
 * recommendedChecklist([msp70, msp71, ucs], '2025-10-01')?.id; // 'aws-msp-7.1' (7.0 expired, 7.1 in force)
 * recommendedChecklist([ucs], '2025-10-01')?.id; // 'mspalliance-ucs' (no AWS MSP: the first)
 * recommendedChecklist([msp4x, msp71, ucs], '2026-12-07')?.id; // 'mspalliance-ucs' (no AWS version in force; 4.x is historical)
 */
export function recommendedChecklist(checklists: readonly ChecklistSummary[], today: string): ChecklistSummary | undefined {
  const inForce = checklists.filter((c) => c.framework === AWS_MSP && validityCovers(c.validity, today));
  const newest = inForce.reduce<ChecklistSummary | undefined>((best, c) => (best === undefined || compareVersions(c.version, best.version) > 0 ? c : best), undefined);
  return newest ?? checklists.find((c) => validityCovers(c.validity, today)) ?? checklists[0];
}
