/**
 * What is due when: milestones, AWS deadlines, expiring evidence and open mandatory items with their
 * owners. Milestones always show; item lines show the first {@link FIRST_ITEM_LINES} until asked for all.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { HostLink, issuePath } from '../../components/HostLink';
import { StatusPill } from '../../components/StatusPill';
import type { RoadToAudit } from '../../../../../common/contract';
import { DUE_TONES, daysWords, personName } from './words';
import { useFmt, useT } from '../../i18n';
import { planMessages } from './messages';

const cell = { padding: `${token('space.075', '6px')} ${token('space.100', '8px')}`, borderBottom: `1px solid ${token('color.border', '#091E4224')}`, verticalAlign: 'top' as const, textAlign: 'left' as const };

const FIRST_ITEM_LINES = 12;

export function DueList({ road }: { road: RoadToAudit }) {
  const t = useT(planMessages);
  const fmt = useFmt();
  const [all, setAll] = useState(false);
  if (road.due.length === 0) return null;
  let itemLines = 0;
  const shown = road.due.filter((entry) => all || entry.itemId === undefined || ++itemLines <= FIRST_ITEM_LINES);
  const hidden = road.due.length - shown.length;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-label={t.whatIsDue}>
        <thead>
          <tr>
            <th scope="col" style={cell}>{t.colDue}</th>
            <th scope="col" style={cell}>{t.colWhat}</th>
            <th scope="col" style={cell}>{t.colDetails}</th>
            <th scope="col" style={cell}>{t.colOwner}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((entry, index) => (
            <tr key={`${entry.kind}-${entry.itemId ?? ''}-${index}`} data-kind={entry.kind}>
              <td style={{ ...cell, whiteSpace: 'nowrap', color: entry.daysLeft < 0 && entry.itemId !== undefined ? token('color.text.danger', '#AE2E24') : undefined }}>
                {fmt.date(entry.date)}
                <div style={{ color: token('color.text.subtle', '#44546F') }}>{daysWords(entry.daysLeft, t)}</div>
              </td>
              <td style={cell}>
                <StatusPill tone={DUE_TONES[entry.kind]}>{t.due[entry.kind]}</StatusPill>{' '}
                {entry.issueKey !== undefined ? <HostLink path={issuePath(entry.issueKey)}>{entry.title}</HostLink> : entry.title}
              </td>
              <td style={cell}>{entry.detail}</td>
              <td style={cell}>{entry.itemId !== undefined && entry.kind !== 'evidence-expires' ? personName(road.people, entry.owner, t) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {hidden > 0 && (
        <Button appearance="subtle" onClick={() => setAll(true)}>
          {t.showAllLines(road.due.length, hidden)}
        </Button>
      )}
      {all && road.dueMore > 0 && <p style={{ margin: 0 }}>{t.andMore(road.dueMore)}</p>}
    </div>
  );
}
