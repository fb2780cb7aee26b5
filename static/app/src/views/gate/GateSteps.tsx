/** How a Jira admin adds the Done gate to the Done transition, in three steps. Static. */
import { useT } from '../../i18n';
import { gateMessages } from './messages';

export function GateSteps() {
  const t = useT(gateMessages);
  return (
    <ol aria-label={t.stepsLabel} style={{ margin: 0, paddingLeft: 20 }}>
      <li>
        {t.step1Before}
        <strong>{t.step1Where}</strong>
        {t.step1After}
      </li>
      <li>
        {t.step2Before}
        <strong>{t.step2Done}</strong>
        {t.step2Middle}
        <strong>{t.step2Rules}</strong>
        {t.step2Pick}
        <strong>{t.validatorName}</strong>.
      </li>
      <li>
        {t.step3Before}
        <strong>{t.step3Add}</strong>
        {t.step3Then}
        <strong>{t.step3Update}</strong>
        {t.step3After}
      </li>
    </ol>
  );
}
