/** The by-owner table: each figure links to the Jira search listing the issues behind it. */
import { token } from '@atlaskit/tokens';
import { HostLink, searchPath } from '../../components/HostLink';
import type { OwnerCellView, RoadToAudit } from '../../../../../common/contract';
import { personName } from './words';
import { useT } from '../../i18n';
import { planMessages } from './messages';

const cell = { padding: `${token('space.075', '6px')} ${token('space.100', '8px')}`, borderBottom: `1px solid ${token('color.border', '#091E4224')}`, textAlign: 'right' as const };

function Figure({ value, label }: { value: OwnerCellView; label: string }) {
  const t = useT(planMessages);
  if (value.jql === undefined || value.count === 0) return <>{value.count}</>;
  return (
    <HostLink path={searchPath(value.jql)} aria-label={t.figureLink(label, value.count)}>
      {value.count}
    </HostLink>
  );
}

export function OwnersTable({ road }: { road: RoadToAudit }) {
  const t = useT(planMessages);
  const stake = road.atStakeUnit === 'points' ? t.pointsAtStake : t.openItems;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-label={t.itemsByOwner}>
        <thead>
          <tr>
            <th scope="col" style={{ ...cell, textAlign: 'left' }}>{t.colOwner}</th>
            <th scope="col" style={cell}>{t.colItems}</th>
            <th scope="col" style={cell}>{t.colOpenMandatory}</th>
            <th scope="col" style={cell}>{stake}</th>
            <th scope="col" style={cell}>{t.colPending}</th>
          </tr>
        </thead>
        <tbody>
          {road.owners.map((row) => {
            const name = personName(road.people, row.accountId, t);
            return (
              <tr key={row.accountId ?? '(unassigned)'} data-owner={row.accountId ?? ''}>
                <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 400 }}>{name}</th>
                <td style={cell}><Figure value={row.items} label={t.ownerItems(name)} /></td>
                <td style={cell}><Figure value={row.openMandatory} label={t.ownerOpenMandatory(name)} /></td>
                <td style={cell}><Figure value={row.atStake} label={t.ownerStake(name, stake)} /></td>
                <td style={cell}><Figure value={row.pendingReview} label={t.ownerPending(name)} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
