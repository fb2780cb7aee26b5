/**
 * Every item's contribution to the score and the reason for its result, so any figure on the page
 * can be traced to issues. Hidden until asked for: it is long (one row per item). Filtered by text
 * and result, sorted by any figure (checklist order until a column header is pressed).
 */
import { useId, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { HostLink, issuePath } from '../../../components/HostLink';
import { SortHeader, sortRows, useSort } from '../../../components/SortHeader';
import { StatusPill } from '../../../components/StatusPill';
import type { Rollup, RollupItem } from '../../../../../../common/contract';
import { FILTER_KEYS, filterItems, type ContributionFilter } from './explain-filter';
import { resultDetail, resultPill } from './result-view';
import { useT } from '../../../i18n';
import { auditMessages } from '../messages';

/** Rows drawn at once; thousands of rows would make typing in the filter lag. */
const ROW_LIMIT = 300;

const cell = { padding: `${token('space.050', '4px')} ${token('space.100', '8px')}`, borderBottom: `1px solid ${token('color.border', '#091E4224')}`, verticalAlign: 'top' };
const numeric = { ...cell, textAlign: 'right' as const };

type ItemSortKey = 'item' | 'result' | 'earned' | 'penalty' | 'issue';

/** The items in the order asked for; `order` is each item's place in the checklist. */
export function sortItems(items: readonly RollupItem[], key: ItemSortKey, direction: 'ascending' | 'descending', order: ReadonlyMap<string, number>): RollupItem[] {
  const value = (item: RollupItem): string | number => {
    switch (key) {
      case 'item':
        return order.get(item.id) ?? 0;
      case 'result':
        return resultPill(item).words;
      case 'earned':
        return item.earned;
      case 'penalty':
        return item.cost;
      case 'issue':
        return item.issueKey ?? '';
    }
  };
  return sortRows(items, value, direction);
}

export function ExplainScore({ rollup }: { rollup: Rollup }) {
  const t = useT(auditMessages);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [show, setShow] = useState<ContributionFilter>('all');
  const regionId = useId();
  const headingId = useId();
  const textId = useId();
  const showId = useId();
  const points = rollup.model === 'points';
  const showChoices = FILTER_KEYS
    .filter((key) => points || (key !== 'earning' && key !== 'costing'))
    .map((key) => ({ label: t.filters[key], value: key }));
  const { sort, toggle } = useSort<ItemSortKey>();
  const checklistOrder = useMemo(() => new Map(rollup.items.map((item, index) => [item.id, index])), [rollup.items]);
  const matches = useMemo(() => {
    const found = filterItems(rollup.items, { text, show });
    return sort ? sortItems(found, sort.key, sort.order, checklistOrder) : found;
  }, [rollup.items, text, show, sort, checklistOrder]);
  const chapterTitles = useMemo(() => new Map(rollup.chapters.map((chapter) => [chapter.id, chapter.title])), [rollup.chapters]);

  return (
    <div style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <div>
        <Button aria-expanded={open} aria-controls={regionId} onClick={() => setOpen((shown) => !shown)}>
          {t.explain}
        </Button>
      </div>
      {open && (
        <section id={regionId} aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.100', '8px') }}>
          <Heading size="medium" as="h2" id={headingId}>
            {t.explanation}
          </Heading>
          <div style={{ display: 'flex', gap: token('space.200', '16px'), flexWrap: 'wrap', alignItems: 'end' }}>
            <div style={{ display: 'grid', gap: 4 }}>
              <label htmlFor={textId}>{t.filterItems}</label>
              <Textfield id={textId} type="search" value={text} onChange={(event) => setText(event.currentTarget.value)} placeholder={t.filterPlaceholder} />
            </div>
            <div style={{ display: 'grid', gap: 4, minWidth: 240 }}>
              <label htmlFor={showId}>{t.show}</label>
              <Select
                inputId={showId}
                options={showChoices}
                value={showChoices.find((choice) => choice.value === show) ?? null}
                onChange={(choice) => choice && setShow(choice.value)}
              />
            </div>
          </div>
          <p aria-live="polite" style={{ margin: 0 }}>
            {t.matching(matches.length, ROW_LIMIT)}
          </p>
          <div style={{ overflowX: 'auto' }}>
            <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-label={t.contributions}>
              <thead>
                <tr>
                  <SortHeader label={t.colItem} sortKey="item" sort={sort} onSort={toggle} style={{ ...cell, textAlign: 'left' }} />
                  <SortHeader label={t.colResult} sortKey="result" sort={sort} onSort={toggle} style={{ ...cell, textAlign: 'left' }} />
                  {points && <SortHeader label={t.colEarnedPoints} sortKey="earned" sort={sort} onSort={toggle} style={numeric} />}
                  {points && <SortHeader label={t.colPenalty} sortKey="penalty" sort={sort} onSort={toggle} style={numeric} />}
                  <th scope="col" style={{ ...cell, textAlign: 'left' }}>{t.colWhy}</th>
                  <SortHeader label={t.colIssue} sortKey="issue" sort={sort} onSort={toggle} style={{ ...cell, textAlign: 'left' }} />
                </tr>
              </thead>
              <tbody>
                {matches.slice(0, ROW_LIMIT).map((item) => (
                  <ExplainRow key={item.id} item={item} points={points} chapter={chapterTitles.get(item.chapterId) ?? item.chapterId} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}

/** One item: its contribution, its result ("Waived" with who and when, "N/A" with why) and the reason. */
function ExplainRow({ item, points, chapter }: { item: RollupItem; points: boolean; chapter: string }) {
  const t = useT(auditMessages);
  const pill = resultPill(item, t);
  const detail = resultDetail(item, t);
  return (
    <tr>
      <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 400 }}>
        <strong>{item.id}</strong> {item.title}
        <div style={{ color: token('color.text.subtle', '#44546F') }}>
          {chapter}
          {item.mandatory ? t.mandatoryTag : ''}
          {points ? t.pointsTag(item.points) : ''}
        </div>
      </th>
      <td style={cell}>
        <StatusPill tone={pill.tone}>{pill.words}</StatusPill>
        {detail && <div style={{ color: token('color.text.subtle', '#44546F') }}>{detail}</div>}
      </td>
      {points && <td style={numeric}>{item.earned > 0 ? `+${item.earned}` : '0'}</td>}
      {points && <td style={numeric}>{item.cost > 0 ? `−${item.cost}` : '0'}</td>}
      <td style={cell}>{item.reason}</td>
      <td style={cell}>{item.issueKey ? <HostLink path={issuePath(item.issueKey)}>{item.issueKey}</HostLink> : '—'}</td>
    </tr>
  );
}
