/** The by-owner table: each figure links to the Jira search listing the issues behind it. */
import { token } from '@atlaskit/tokens';
import { HostLink, searchPath } from '../../components/HostLink';
import type { OwnerCellView, RoadToAudit } from '../../../../../common/contract';
import { personName } from './words';

const cell = { padding: `${token('space.075', '6px')} ${token('space.100', '8px')}`, borderBottom: `1px solid ${token('color.border', '#091E4224')}`, textAlign: 'right' as const };

function Figure({ value, label }: { value: OwnerCellView; label: string }) {
  if (value.jql === undefined || value.count === 0) return <>{value.count}</>;
  return (
    <HostLink path={searchPath(value.jql)} aria-label={`${label}: ${value.count}, open in Jira search`}>
      {value.count}
    </HostLink>
  );
}

export function OwnersTable({ road }: { road: RoadToAudit }) {
  const stake = road.atStakeUnit === 'points' ? 'Points at stake' : 'Open items';
  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-label="Items by owner">
        <thead>
          <tr>
            <th scope="col" style={{ ...cell, textAlign: 'left' }}>Owner</th>
            <th scope="col" style={cell}>Items</th>
            <th scope="col" style={cell}>Open mandatory</th>
            <th scope="col" style={cell}>{stake}</th>
            <th scope="col" style={cell}>Evidence pending review</th>
          </tr>
        </thead>
        <tbody>
          {road.owners.map((row) => {
            const name = personName(road.people, row.accountId);
            return (
              <tr key={row.accountId ?? '(unassigned)'} data-owner={row.accountId ?? ''}>
                <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 400 }}>{name}</th>
                <td style={cell}><Figure value={row.items} label={`${name}, items`} /></td>
                <td style={cell}><Figure value={row.openMandatory} label={`${name}, open mandatory`} /></td>
                <td style={cell}><Figure value={row.atStake} label={`${name}, ${stake.toLowerCase()}`} /></td>
                <td style={cell}><Figure value={row.pendingReview} label={`${name}, evidence pending review`} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
