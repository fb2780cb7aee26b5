/**
 * The road to audit day on the Audit page, loaded lazily: days to the audit, the plan's dates (set
 * by people with Edit issues), the forecast in a sentence, what is due when, and who owns what.
 * A save answers with the whole road, which replaces the loaded one.
 */
import { useId } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { StatusPill } from '../../components/StatusPill';
import { useAction } from '../../hooks/useAction';
import { useResource } from '../../hooks/useResource';
import type { RoadToAudit, SetAuditPlanPayload } from '../../../../../common/contract';
import { DueList } from './DueList';
import { FindingsSection } from './FindingsSection';
import { OwnersTable } from './OwnersTable';
import type { PlanApi } from './plan-api';
import { PlanForm } from './PlanForm';
import { RemindersPanel } from './RemindersPanel';
import { FORECAST_TONES, countdownLine, personName } from './words';
import { useT } from '../../i18n';
import { planMessages } from './messages';

export interface PlanSectionProps {
  api: PlanApi;
  checklistId: string;
}

export default function PlanSection({ api, checklistId }: PlanSectionProps) {
  const t = useT(planMessages);
  const headingId = useId();
  const plan = useResource<RoadToAudit>(() => api.getAuditPlan(checklistId), [api, checklistId]);
  const { state, reload } = plan;
  // A save answered after the page moved to another checklist belongs to the one left.
  const saving = useAction((payload: SetAuditPlanPayload) => api.setAuditPlan({ ...payload, checklistId }), {
    onSuccess: (fresh) => fresh.checklistId === checklistId && plan.set(fresh),
  });
  const { busy, error: saveError } = saving;
  const road = state.status === 'ready' ? state.value : null;
  const save = (payload: SetAuditPlanPayload) => void saving.run(payload);

  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.200', '16px') }}>
      <Heading size="medium" as="h2" id={headingId}>
        {t.title}
      </Heading>
      {state.status === 'loading' && !road && <Loading label={t.loadingPlan} />}
      {state.status === 'error' && !road && (
        <Notice appearance="error" title={t.loadFailed} actions={<Button onClick={reload}>{t.tryAgain}</Button>}>
          {state.message}
        </Notice>
      )}
      {road && (
        <>
          <p style={{ margin: 0, fontSize: 20, fontWeight: 600 }} data-testid="plan-countdown">
            {countdownLine(road, t)}
          </p>
          {road.plan && (
            <p style={{ margin: 0, color: token('color.text.subtle', '#44546F') }} data-testid="plan-saved-by">
              {road.plan.preAuditDate ? `Pre-audit ${road.plan.preAuditDate}. ` : ''}
              {road.plan.selfAssessmentSentDate ? t.sentOn(road.plan.selfAssessmentSentDate) : ''}
              {t.savedBy(personName(road.people, road.plan.updatedBy, t), road.plan.updatedAt)}
            </p>
          )}
          {saveError && (
            <Notice appearance="error" title={t.notSaved}>
              {saveError}
            </Notice>
          )}
          {road.warnings.map((warning) => (
            <Notice key={warning} appearance="warning" title={t.savedWithWarning}>
              {warning}
            </Notice>
          ))}
          {road.canEdit ? (
            <PlanForm key={`${road.checklistId}-${road.plan?.revision ?? 0}`} plan={road.plan} busy={busy} onSave={save} />
          ) : (
            <p style={{ margin: 0, color: token('color.text.subtle', '#44546F') }}>{t.planNeedsEdit}</p>
          )}
          <p style={{ margin: 0 }} data-testid="plan-forecast">
            <StatusPill tone={FORECAST_TONES[road.forecast.state]}>
              {road.forecast.state === 'at-risk' && road.forecast.daysLate !== undefined ? t.atRiskBy(road.forecast.daysLate) : t.forecast[road.forecast.state]}
            </StatusPill>{' '}
            {road.forecast.sentence}
          </p>
          <DueList road={road} />
          <Heading size="small" as="h3">
            {t.whoOwnsWhat}
          </Heading>
          <OwnersTable road={road} />
          {api.findings && <FindingsSection api={api.findings} checklistId={checklistId} />}
          {road.canEdit && road.plan && <RemindersPanel key={road.plan.revision} api={api} checklistId={checklistId} people={road.people} />}
        </>
      )}
    </section>
  );
}
