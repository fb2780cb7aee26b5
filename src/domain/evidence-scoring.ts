/**
 * Evidence in the score: the audit risks (items met without evidence, with only rejected evidence,
 * with evidence expired or expiring within 30 days) and strict mode, where an item counts as met
 * only with accepted evidence in force. Pure; the rollup and the item panel both use it.
 *
 * Choices:
 * - A waived item is met by the waiver, not by evidence: it raises no "met without evidence" risk
 *   and strict mode leaves it met.
 * - Strict mode turns an item met by status (or by an explicit "met") but without accepted evidence
 *   in force into `not_met`, with a reason saying so. An auditor would mark it not met.
 * - Risks are judged on the result before strict mode, so the Audit page still says *why* strict
 *   mode did not count the item; for an item strict mode counted as not met, the "met but no (or
 *   only rejected) evidence" risk says so instead of calling it met ({@link strictRiskDetail}).
 */
import type { AuditRisk } from '../../common/contract';
import { evidenceRisks, isMetUnderStrictMode, type EvidenceFieldValue, type IsoDate } from './evidence';
import { scoreChecklist } from './scoring';
import type { ResolvedResult } from './scoring-result';
import type { ChecklistDefinition, ItemResult, ItemState, ScoreReport, ScoringOptions } from './types';

export interface EvidenceOptions {
  strictMode: boolean;
  /** The day expiry is judged against (YYYY-MM-DD). */
  today: IsoDate;
  scoring?: ScoringOptions;
}

/** The result an item has once strict mode is applied; undefined when strict mode changes nothing. */
export function strictResult(
  resolved: Pick<ResolvedResult, 'result' | 'source' | 'reason'>,
  evidence: EvidenceFieldValue | null | undefined,
  options: Pick<EvidenceOptions, 'strictMode' | 'today'>,
): { result: ItemResult; reason: string } | undefined {
  if (!options.strictMode || resolved.result !== 'met' || resolved.source === 'waiver') return undefined;
  if (isMetUnderStrictMode(evidence, options.today)) return undefined;
  return { result: 'not_met', reason: `Strict mode: not met without accepted evidence in force (${resolved.reason})` };
}

/** The words of a "met without accepted evidence" risk once strict mode counted the item as not met. */
export function strictRiskDetail(risk: Pick<AuditRisk, 'kind' | 'detail'>): string {
  if (risk.kind === 'met-without-evidence') return 'Counted as not met (strict mode): no accepted evidence in force; add what an auditor will ask to see.';
  if (risk.kind === 'only-rejected-evidence') return 'Counted as not met (strict mode): no accepted evidence in force, only rejected evidence; add evidence a reviewer can accept.';
  return risk.detail;
}

/** Rewords the risks of the items strict mode counted as not met, so no risk calls such an item met. */
export function withStrictWording(risks: AuditRisk[], downgraded: ReadonlySet<string> | ReadonlyMap<string, unknown>): AuditRisk[] {
  if (downgraded.size === 0) return risks;
  return risks.map((risk) => (downgraded.has(risk.itemId) ? { ...risk, detail: strictRiskDetail(risk) } : risk));
}

/** The audit risks of items with these results (before strict mode) and evidence. */
export function auditRisks(
  items: readonly { id: string; issueKey?: string; result: ItemResult; source: ResolvedResult['source'] }[],
  evidence: ReadonlyMap<string, EvidenceFieldValue>,
  today: IsoDate,
): AuditRisk[] {
  const issueKeys = new Map(items.map((item) => [item.id, item.issueKey]));
  // A waiver is the item's justification; treating it as N/A keeps evidence risks out of it.
  const inputs = items.map((item) => ({ itemId: item.id, result: item.source === 'waiver' ? ('na' as const) : item.result, evidence: evidence.get(item.id) ?? null }));
  return evidenceRisks(inputs, today).map((risk) => {
    const issueKey = issueKeys.get(risk.itemId);
    return {
      itemId: risk.itemId,
      ...(issueKey !== undefined ? { issueKey } : {}),
      kind: risk.kind,
      detail: risk.detail,
      ...(risk.date !== undefined ? { date: risk.date } : {}),
    };
  });
}

/**
 * Scores a checklist with its evidence: the report (strict mode applied when on) and the risks.
 *
 * @example
 * scoreWithEvidence(def, states, new Map([['8.3', value]]), { strictMode: true, today: '2026-03-01' });
 * // → { report: { …, items: [{ id: '8.3', result: 'not_met', reason: 'Strict mode: …' }] }, risks: [...] }
 */
export function scoreWithEvidence(
  def: ChecklistDefinition,
  states: ItemState[],
  evidence: ReadonlyMap<string, EvidenceFieldValue>,
  options: EvidenceOptions,
): { report: ScoreReport; risks: AuditRisk[] } {
  const base = scoreChecklist(def, states, options.scoring ?? {});
  const risks = auditRisks(base.items, evidence, options.today);
  const downgraded = new Map<string, string>();
  for (const item of base.items) {
    const strict = strictResult(item, evidence.get(item.id), options);
    if (strict) downgraded.set(item.id, strict.reason);
  }
  if (downgraded.size === 0) return { report: base, risks };
  const strictRisks = withStrictWording(risks, downgraded);
  // Rescoring with an explicit "not met" keeps every total (score, penalties, chapters, projection) consistent.
  const strictStates = states.map((state) => (downgraded.has(state.itemId) ? { ...state, assessment: 'not_met' as const } : state));
  const report = scoreChecklist(def, strictStates, options.scoring ?? {});
  report.items = report.items.map((item) => {
    const reason = downgraded.get(item.id);
    return reason === undefined ? item : { ...item, reason };
  });
  return { report, risks: strictRisks };
}

/** Today as the rollup and the panel judge expiry: the UTC calendar day of `now`. */
export function utcDay(now: Date): IsoDate {
  return now.toISOString().slice(0, 10);
}
