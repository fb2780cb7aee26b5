/**
 * The rollup's "evidence expires before the audit" risks: with an audit plan, evidence still valid
 * today whose expiry falls before the validation date (nearer expiries are "expiring" already).
 * Judged, like the other evidence risks, on results before strict mode, with waived items left out.
 */
import type { AuditRisk } from '../../common/contract';
import { expiresBeforeAuditRisks, type EvidenceFieldValue } from './evidence';
import type { ScoreReport } from './types';

export function beforeAuditRisks(report: Pick<ScoreReport, 'items'>, evidence: ReadonlyMap<string, EvidenceFieldValue>, today: string, auditDate: string | undefined): AuditRisk[] {
  if (auditDate === undefined || auditDate <= today) return [];
  const issueKeys = new Map(report.items.map((item) => [item.id, item.issueKey]));
  const inputs = report.items.map((item) => ({ itemId: item.id, result: item.source === 'waiver' ? ('na' as const) : item.result, evidence: evidence.get(item.id) ?? null }));
  return expiresBeforeAuditRisks(inputs, today, auditDate).map((risk): AuditRisk => {
    const issueKey = issueKeys.get(risk.itemId);
    return { itemId: risk.itemId, ...(issueKey !== undefined ? { issueKey } : {}), kind: risk.kind, detail: risk.detail, ...(risk.date !== undefined ? { date: risk.date } : {}) };
  });
}
