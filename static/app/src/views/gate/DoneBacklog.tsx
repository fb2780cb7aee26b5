/** Items already in Done without what the Done gate asks for (they got there before it, or lapsed since). */
import { token } from '@atlaskit/tokens';
import type { GateStatus } from '../../../../../common/gate-status';
import { HostLink } from '../../components/HostLink';

export function DoneBacklog({ status }: { status: GateStatus }) {
  const items = status.doneWithoutEvidence;
  if (items.length === 0 && status.hiddenItems === 0) {
    return <p data-testid="gate-backlog-empty">Every item in Done has what the gate asks for.</p>;
  }
  return (
    <section aria-label="Done without evidence">
      <p style={{ margin: `0 0 ${token('space.100', '8px')}` }}>
        {items.length + status.hiddenItems} item{items.length + status.hiddenItems === 1 ? ' is' : 's are'} in Done without what the gate asks for
        (moved there before the gate, or evidence lapsed since). The gate does not move them back: reopen them or add the evidence.
      </p>
      <ul data-testid="gate-backlog" style={{ margin: 0, paddingLeft: 20 }}>
        {items.map((item) => (
          <li key={item.itemId}>
            <HostLink path={`/browse/${encodeURIComponent(item.issueKey)}`}>{item.issueKey}</HostLink> {item.itemId} {item.title}
            {item.mandatory ? ' (mandatory)' : ''}: {item.missing}
          </li>
        ))}
      </ul>
      {status.hiddenItems > 0 && (
        <p>
          {status.hiddenItems} more item{status.hiddenItems === 1 ? '' : 's'} whose issue you cannot see.
        </p>
      )}
    </section>
  );
}
