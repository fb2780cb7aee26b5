/**
 * Open mandatory items, most expensive first, each with what it costs and a link to its issue: the
 * first ten, then a "Show all N" button for the rest. Below them, the mandatory items that satisfy
 * the pass without being met (waived, or N/A), each saying which waiver and who applied it, or why
 * it is N/A: they are not open, and not met either.
 */
import { useId, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { HostLink, issuePath } from '../../../components/HostLink';
import { StatusPill } from '../../../components/StatusPill';
import type { Rollup, RollupItem } from '../../../../../../common/contract';
import { resultWords, shownResult } from '../../../../../../common/result-words';
import { mandatoryCostLine, plural } from '../format';
import { resultPill } from './result-view';

/** How many open mandatory items show before "Show all". */
export const MANDATORY_SHOWN = 10;

export function MandatoryList({ rollup }: { rollup: Rollup }) {
  const headingId = useId();
  const listId = useId();
  const [showAll, setShowAll] = useState(false);
  const open = useMemo(() => {
    const byId = new Map(rollup.items.map((item) => [item.id, item]));
    return rollup.mandatoryOpen
      .map((id) => byId.get(id))
      .filter((item) => item !== undefined)
      .sort((a, b) => b.points + b.cost - (a.points + a.cost));
  }, [rollup]);
  const shown = showAll ? open : open.slice(0, MANDATORY_SHOWN);
  const notMet = useMemo(() => rollup.items.filter((item) => item.mandatory && (shownResult(item) === 'waived' || item.result === 'na')), [rollup.items]);

  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <Heading size="medium" as="h2" id={headingId}>
        Open mandatory items
      </Heading>
      {open.length === 0 ? (
        <p style={{ margin: 0 }}>No mandatory item is open.</p>
      ) : (
        <ul id={listId} style={{ margin: 0, paddingLeft: 20, display: 'grid', gap: 4 }}>
          {shown.map((item) => (
            <li key={item.id}>
              {item.issueKey ? (
                <HostLink path={issuePath(item.issueKey)} aria-label={`Open ${item.issueKey}: ${item.id} ${item.title}`}>
                  {item.issueKey}
                </HostLink>
              ) : (
                <span style={{ color: token('color.text.subtle', '#44546F') }}>no issue yet</span>
              )}{' '}
              <strong>{item.id}</strong> {item.title} <StatusPill tone={resultPill(item).tone}>{resultPill(item).words}</StatusPill>
              <div style={{ color: token('color.text.subtle', '#44546F') }}>{mandatoryCostLine(rollup.model, item, rollup.naRule)}</div>
            </li>
          ))}
        </ul>
      )}
      {open.length > MANDATORY_SHOWN && (
        <div>
          <Button aria-controls={listId} aria-expanded={showAll} onClick={() => setShowAll((all) => !all)}>
            {showAll ? `Show the ${MANDATORY_SHOWN} most expensive` : `Show all ${open.length}`}
          </Button>
        </div>
      )}
      {notMet.length > 0 && <SatisfiedNotMet items={notMet} />}
    </section>
  );
}

/** Mandatory items that count toward the pass without being met: "Waived: …, by …, on …" or "N/A: …". */
function SatisfiedNotMet({ items }: { items: RollupItem[] }) {
  const waived = items.filter((item) => shownResult(item) === 'waived').length;
  const na = items.length - waived;
  const parts = [waived > 0 ? `${waived} waived` : '', na > 0 ? `${na} N/A` : ''].filter((part) => part !== '');
  return (
    <details data-testid="mandatory-not-met">
      <summary>
        {plural(items.length, 'mandatory item')} {items.length === 1 ? 'counts' : 'count'} toward the pass without being met: {parts.join(', ')}
      </summary>
      <ul style={{ margin: 0, paddingLeft: 20, display: 'grid', gap: 4 }}>
        {items.map((item) => (
          <li key={item.id}>
            {item.issueKey ? <HostLink path={issuePath(item.issueKey)}>{item.issueKey}</HostLink> : null} <strong>{item.id}</strong> {item.title}
            <div style={{ color: token('color.text.subtle', '#44546F') }}>{resultWords(item)}</div>
          </li>
        ))}
      </ul>
    </details>
  );
}
