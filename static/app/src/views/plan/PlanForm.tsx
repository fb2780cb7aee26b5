/**
 * The audit plan's dates: validation audit, optional pre-audit, self-assessment sent. The server
 * checks every date again (calendar, order) and says what to fix; the form only keeps a save from
 * being sent without a validation date.
 */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import { DatePicker } from '@atlaskit/datetime-picker';
import { token } from '@atlaskit/tokens';
import type { AuditPlanView, SetAuditPlanPayload } from '../../../../../common/contract';
import { useT } from '../../i18n';
import { planMessages } from './messages';

/** Typed and shown as the server stores it: one unambiguous format whatever the locale. */
const DATE_FORMAT = 'YYYY-MM-DD';

interface PlanFormProps {
  plan: AuditPlanView | null;
  busy: boolean;
  onSave: (payload: SetAuditPlanPayload) => void;
}

export function PlanForm({ plan, busy, onSave }: PlanFormProps) {
  const t = useT(planMessages);
  const ids = { validation: useId(), preAudit: useId(), sent: useId() };
  const [validationDate, setValidation] = useState(plan?.validationDate ?? '');
  const [preAuditDate, setPreAudit] = useState(plan?.preAuditDate ?? '');
  const [sentDate, setSent] = useState(plan?.selfAssessmentSentDate ?? '');
  const field = { display: 'grid', gap: 2, minWidth: 180 } as const;
  return (
    <form
      aria-label={t.planForm}
      style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200', '16px'), alignItems: 'end' }}
      onSubmit={(event) => {
        event.preventDefault();
        if (validationDate === '') return;
        onSave({
          validationDate,
          ...(preAuditDate !== '' ? { preAuditDate } : {}),
          ...(sentDate !== '' ? { selfAssessmentSentDate: sentDate } : {}),
          revision: plan?.revision ?? 0,
        });
      }}
    >
      <div style={field}>
        <label htmlFor={ids.validation}>{t.validationAudit}</label>
        <DatePicker id={ids.validation} dateFormat={DATE_FORMAT} placeholder={DATE_FORMAT} isRequired value={validationDate} onChange={setValidation} />
      </div>
      <div style={field}>
        <label htmlFor={ids.preAudit}>{t.preAudit}</label>
        <DatePicker id={ids.preAudit} dateFormat={DATE_FORMAT} placeholder={DATE_FORMAT} value={preAuditDate} onChange={setPreAudit} />
      </div>
      <div style={field}>
        <label htmlFor={ids.sent}>{t.selfAssessmentSent}</label>
        <DatePicker id={ids.sent} dateFormat={DATE_FORMAT} placeholder={DATE_FORMAT} value={sentDate} onChange={setSent} />
      </div>
      <Button type="submit" appearance="primary" isDisabled={busy || validationDate === ''}>
        {plan ? t.savePlan : t.setPlan}
      </Button>
    </form>
  );
}
