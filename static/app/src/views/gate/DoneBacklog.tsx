/** Items already in Done without what the Done gate asks for (they got there before it, or lapsed since). */
import { token } from '@atlaskit/tokens';
import type { GateStatus } from '../../../../../common/gate-status';
import { HostLink } from '../../components/HostLink';
import { useT } from '../../i18n';
import { gateMessages } from './messages';

export function DoneBacklog({ status }: { status: GateStatus }) {
  const t = useT(gateMessages);
  const items = status.doneWithoutEvidence;
  if (items.length === 0 && status.hiddenItems === 0) {
    return <p data-testid="gate-backlog-empty">{t.backlogEmpty}</p>;
  }
  return (
    <section aria-label={t.backlogLabel}>
      <p style={{ margin: `0 0 ${token('space.100', '8px')}` }}>
        {t.backlogIntro(items.length + status.hiddenItems)}
      </p>
      <ul data-testid="gate-backlog" style={{ margin: 0, paddingLeft: 20 }}>
        {items.map((item) => (
          <li key={item.itemId}>
            <HostLink path={`/browse/${encodeURIComponent(item.issueKey)}`}>{item.issueKey}</HostLink> {item.itemId} {item.title}
            {item.mandatory ? t.mandatorySuffix : ''}: {item.missing}
          </li>
        ))}
      </ul>
      {status.hiddenItems > 0 && (
        <p>
          {t.hiddenItems(status.hiddenItems)}
        </p>
      )}
    </section>
  );
}
