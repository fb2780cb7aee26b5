/**
 * The glance's container: the score history (carried by the rollup; from a server before it,
 * getScoreHistory: a storage read, no rollup) and the
 * plan's next deadline, which the rollup carries (`nextDeadline`); from a server before it, the
 * plan's due lines (getAuditPlan, which scores the checklist again), each read once per checklist. Either may be missing or fail: the glance then
 * shows what it has (the bar and verdict need only the rollup).
 */
import { useServices } from '../../../api/services';
import { useResource } from '../../../hooks/useResource';
import type { Rollup } from '../../../../../../common/contract';
import { nextDeadline, trendSince } from './glance';
import { ScoreGlance } from './ScoreGlance';

export function OverviewGlance({ rollup }: { rollup: Rollup }) {
  const { auditDay, plan, now } = useServices();
  const { checklistId } = rollup;
  // The rollup carries the history (one read its server makes anyway); from a server before it, ask.
  const carriedHistory = rollup.history;
  const history = useResource(auditDay && carriedHistory === undefined ? () => auditDay.getScoreHistory(checklistId) : null, [auditDay, checklistId, carriedHistory === undefined]);
  const carried = rollup.nextDeadline !== undefined;
  const road = useResource(plan && !carried ? () => plan.getAuditPlan(checklistId) : null, [plan, checklistId, carried]);
  const day = carriedHistory ?? (history.state.status === 'ready' ? history.state.value : undefined);
  const today = day?.today ?? now().toISOString().slice(0, 10);
  const trends = day ? [trendSince(rollup, day.history, today, 7), trendSince(rollup, day.history, today, 30)] : [];
  const deadline = carried ? (rollup.nextDeadline ?? undefined) : road.state.status === 'ready' ? nextDeadline(road.state.value.due) : undefined;
  return <ScoreGlance rollup={rollup} trends={trends} {...(deadline ? { deadline } : {})} />;
}
