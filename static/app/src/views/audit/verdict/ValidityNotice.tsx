/** Says when the checklist version in use is past its validity, and what to do about it. */
import { Notice } from '../../../components/Notice';
import type { Rollup } from '../../../../../../common/contract';

const TITLES = {
  'past-valid': 'This checklist version is past its validity',
  'past-usable': 'This checklist version is no longer accepted',
  historical: 'This checklist version is history',
} as const;

export function ValidityNotice({ rollup }: { rollup: Pick<Rollup, 'validity'> }) {
  const validity = rollup.validity;
  if (!validity || validity.state === 'current') return null;
  return (
    <Notice appearance={validity.state === 'past-valid' ? 'warning' : 'error'} title={TITLES[validity.state]}>
      <span data-testid="validity-message">{validity.message}</span>
    </Notice>
  );
}
