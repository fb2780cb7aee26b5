/**
 * Issues that claim an item without the app having created them ("claims item X, not created by
 * the app"): never scored. A project admin may adopt one; the rule then keeps the issue with work
 * on it (or the older one) and closes the other as a duplicate.
 */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { useErrorMessage } from '../../../hooks/useErrorMessage';
import { useServices } from '../../../api/services';
import { HostLink, issuePath } from '../../../components/HostLink';
import { Notice } from '../../../components/Notice';
import type { Rollup } from '../../../../../../common/contract';
import { useT } from '../../../i18n';
import { auditMessages } from '../messages';

export function UnclaimedIssues({ rollup, onAdopted }: { rollup: Rollup; onAdopted: () => void }) {
  const t = useT(auditMessages);
  const describe = useErrorMessage();
  const headingId = useId();
  const reasonId = useId();
  const { api } = useServices();
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const unclaimed = rollup.unclaimed ?? [];
  if (unclaimed.length === 0) return null;
  const mayAdopt = rollup.can?.administerProjects === true && api.adoptIssue !== undefined;

  const adopt = async (issueKey: string): Promise<void> => {
    setBusy(issueKey);
    setError(undefined);
    try {
      await api.adoptIssue!(issueKey);
      onAdopted();
    } catch (failure) {
      setError(describe(failure));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <Heading size="medium" as="h2" id={headingId}>
        {t.unclaimedTitle}
      </Heading>
      <p style={{ margin: 0 }}>{t.unclaimedIntro}</p>
      <ul style={{ margin: 0, paddingLeft: 20, display: 'grid', gap: 4 }}>
        {unclaimed.map((claim) => (
          <li key={claim.issueKey}>
            <HostLink path={issuePath(claim.issueKey)}>{claim.issueKey}</HostLink>
            {t.claims(claim.itemId)}{' '}
            <Button
              appearance="subtle"
              isDisabled={!mayAdopt || busy !== undefined}
              aria-describedby={mayAdopt ? undefined : reasonId}
              onClick={() => void adopt(claim.issueKey)}
            >
              {busy === claim.issueKey ? t.adopting : t.adopt(claim.issueKey)}
            </Button>
          </li>
        ))}
      </ul>
      {!mayAdopt && (
        <p id={reasonId} style={{ margin: 0, color: token('color.text.subtle', '#44546F') }}>
          {t.adoptReason}
        </p>
      )}
      {error && (
        <Notice appearance="error" title={t.notAdopted}>
          {error}
        </Notice>
      )}
    </section>
  );
}
