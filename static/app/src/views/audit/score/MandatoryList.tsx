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
import { shownResult } from '../../../../../../common/result-words';
import { mandatoryCostLine } from '../format';
import { resultPill, resultWordsIn } from './result-view';
import { useT } from '../../../i18n';
import { auditMessages } from '../messages';

/** How many open mandatory items show before "Show all". */
export const MANDATORY_SHOWN = 10;

export function MandatoryList({ rollup }: { rollup: Rollup }) {
  const t = useT(auditMessages);
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
        {t.openMandatory}
      </Heading>
      {open.length === 0 ? (
        <p style={{ margin: 0 }}>{t.noMandatoryOpen}</p>
      ) : (
        <ul id={listId} style={{ margin: 0, paddingLeft: 20, display: 'grid', gap: 4 }}>
          {shown.map((item) => (
            <li key={item.id}>
              {item.issueKey ? (
                <HostLink path={issuePath(item.issueKey)} aria-label={t.openIssue(item.issueKey, item.id, item.title)}>
                  {item.issueKey}
                </HostLink>
              ) : (
                <span style={{ color: token('color.text.subtle', '#44546F') }}>{t.noIssueYet}</span>
              )}{' '}
              <strong>{item.id}</strong> {item.title} <StatusPill tone={resultPill(item, t).tone}>{resultPill(item, t).words}</StatusPill>
              <div style={{ color: token('color.text.subtle', '#44546F') }}>{mandatoryCostLine(rollup.model, item, rollup.naRule, t)}</div>
            </li>
          ))}
        </ul>
      )}
      {open.length > MANDATORY_SHOWN && (
        <div>
          <Button aria-controls={listId} aria-expanded={showAll} onClick={() => setShowAll((all) => !all)}>
            {showAll ? t.showMostExpensive(MANDATORY_SHOWN) : t.showAll(open.length)}
          </Button>
        </div>
      )}
      {notMet.length > 0 && <SatisfiedNotMet items={notMet} />}
    </section>
  );
}

/** Mandatory items that count toward the pass without being met: "Waived: …, by …, on …" or "N/A: …". */
function SatisfiedNotMet({ items }: { items: RollupItem[] }) {
  const t = useT(auditMessages);
  const waived = items.filter((item) => shownResult(item) === 'waived').length;
  const na = items.length - waived;
  const parts = [waived > 0 ? t.waivedCount(waived) : '', na > 0 ? t.naCount(na) : ''].filter((part) => part !== '');
  return (
    <details data-testid="mandatory-not-met">
      <summary>
        {t.satisfiedNotMet(items.length, parts.join(', '))}
      </summary>
      <ul style={{ margin: 0, paddingLeft: 20, display: 'grid', gap: 4 }}>
        {items.map((item) => (
          <li key={item.id}>
            {item.issueKey ? <HostLink path={issuePath(item.issueKey)}>{item.issueKey}</HostLink> : null} <strong>{item.id}</strong> {item.title}
            <div style={{ color: token('color.text.subtle', '#44546F') }}>{resultWordsIn(item, t)}</div>
          </li>
        ))}
      </ul>
    </details>
  );
}
