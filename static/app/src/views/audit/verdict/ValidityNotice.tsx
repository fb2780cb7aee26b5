/** Says when the checklist version in use is past its validity, and what to do about it. */
import { Notice } from '../../../components/Notice';
import type { Rollup } from '../../../../../../common/contract';
import { useT } from '../../../i18n';
import { auditMessages } from '../messages';

export function ValidityNotice({ rollup }: { rollup: Pick<Rollup, 'validity'> }) {
  const t = useT(auditMessages);
  const validity = rollup.validity;
  if (!validity || validity.state === 'current') return null;
  return (
    <Notice appearance={validity.state === 'past-valid' ? 'warning' : 'error'} title={t.validityTitles[validity.state]}>
      <span data-testid="validity-message">{validity.message}</span>
    </Notice>
  );
}
