/**
 * The audit risks as a table a person can narrow (a filter on issue, item, risk and what to do) and
 * sort (by item in checklist order, by risk, by issue); the server's order until a header is pressed.
 */
import { useId, useMemo, useState } from 'react';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { HostLink, issuePath } from '../../../components/HostLink';
import { SortHeader, sortRows, useSort } from '../../../components/SortHeader';
import { StatusPill } from '../../../components/StatusPill';
import type { Rollup } from '../../../../../../common/contract';
import { RISK_TONES, RISK_WORDS } from '../../evidence/words';
import { useT } from '../../../i18n';
import { auditMessages } from '../messages';

type Risk = Rollup['risks'][number];
type RiskSortKey = 'item' | 'risk' | 'issue';

const cell = { padding: `${token('space.050', '4px')} ${token('space.100', '8px')}`, borderBottom: `1px solid ${token('color.border', '#091E4224')}`, verticalAlign: 'top', textAlign: 'left' as const };
const subtle = { color: token('color.text.subtle', '#44546F') };

/** The risks whose issue key, item id or title, risk or detail contains `text`, any case. */
export function filterRisks(risks: readonly Risk[], titles: ReadonlyMap<string, string>, text: string): Risk[] {
  const needle = text.trim().toLowerCase();
  if (needle === '') return [...risks];
  return risks.filter((risk) => [risk.issueKey ?? '', risk.itemId, titles.get(risk.itemId) ?? '', RISK_WORDS[risk.kind], risk.detail].some((field) => field.toLowerCase().includes(needle)));
}

export function RiskTable({ rollup }: { rollup: Rollup }) {
  const w = useT(auditMessages).riskTable;
  const filterId = useId();
  const [text, setText] = useState('');
  const { sort, toggle } = useSort<RiskSortKey>();
  const titles = useMemo(() => new Map(rollup.items.map((item) => [item.id, item.title])), [rollup.items]);
  const order = useMemo(() => new Map(rollup.items.map((item, index) => [item.id, index])), [rollup.items]);
  const shown = useMemo(() => {
    const found = filterRisks(rollup.risks, titles, text);
    if (!sort) return found;
    const value = (risk: Risk): string | number => (sort.key === 'item' ? (order.get(risk.itemId) ?? 0) : sort.key === 'risk' ? RISK_WORDS[risk.kind] : (risk.issueKey ?? ''));
    return sortRows(found, value, sort.order);
  }, [rollup.risks, titles, text, sort, order]);

  return (
    <div style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <div style={{ display: 'grid', gap: token('space.050', '4px'), maxWidth: 360 }}>
        <label htmlFor={filterId}>{w.filter}</label>
        <Textfield id={filterId} type="search" value={text} onChange={(event) => setText(event.currentTarget.value)} placeholder={w.placeholder} isCompact />
      </div>
      <div style={{ overflowX: 'auto' }}>
        <table aria-label={w.table} style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>
              <SortHeader label={w.item} sortKey="item" sort={sort} onSort={toggle} style={cell} />
              <SortHeader label={w.risk} sortKey="risk" sort={sort} onSort={toggle} style={cell} />
              <th scope="col" style={cell}>
                {w.whatToDo}
              </th>
              <SortHeader label={w.issue} sortKey="issue" sort={sort} onSort={toggle} style={cell} />
            </tr>
          </thead>
          <tbody>
            {shown.map((risk) => (
              <tr key={`${risk.itemId}:${risk.kind}:${risk.detail}`} data-risk-kind={risk.kind}>
                <th scope="row" style={{ ...cell, fontWeight: 400 }}>
                  <strong>{risk.itemId}</strong> {titles.get(risk.itemId) ?? ''}
                </th>
                <td style={cell}>
                  <StatusPill tone={RISK_TONES[risk.kind]}>{RISK_WORDS[risk.kind]}</StatusPill>
                </td>
                <td style={{ ...cell, ...subtle }}>{risk.detail}</td>
                <td style={cell}>{risk.issueKey ? <HostLink path={issuePath(risk.issueKey)}>{risk.issueKey}</HostLink> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p style={{ margin: 0, ...subtle }} aria-live="polite">
        {shown.length === rollup.risks.length ? '' : w.shown(shown.length, rollup.risks.length)}
      </p>
    </div>
  );
}
