/** How old the figures are, and a way to recompute them from Jira now. */
import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useServices } from '../../../api/services';
import { relativeTime } from '../format';
import { useT } from '../../../i18n';
import { auditMessages } from '../messages';

interface FreshnessProps {
  computedAt: string;
  refreshing: boolean;
  onRefresh: () => void;
}

/** Often enough that "1 minute ago" never lags by more than half a minute. */
const TICK_MS = 30_000;

export function Freshness({ computedAt, refreshing, onRefresh }: FreshnessProps) {
  const t = useT(auditMessages);
  const { now } = useServices();
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), TICK_MS);
    return () => clearInterval(timer);
  }, []);

  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px'), color: token('color.text.subtle', '#44546F') }}>
      <span aria-live="polite">
        {refreshing ? t.recomputing : t.figuresFrom(relativeTime(computedAt, now(), t))}
      </span>
      <span aria-hidden="true">·</span>
      <Button appearance="subtle" spacing="compact" onClick={onRefresh} isDisabled={refreshing}>
        {t.refresh}
      </Button>
    </div>
  );
}
