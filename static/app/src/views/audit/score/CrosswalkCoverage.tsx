/**
 * "Evidence from other checklists": what the site's crosswalk does for this checklist in this
 * project (Rollup.crosswalk, src/crosswalk/rollup.ts): the items another checklist's accepted
 * evidence covers, each with a link to the source issue, and the open mandatory items that work
 * would close. Read-only: the crosswalk is uploaded by a Jira administrator.
 */
import { useId } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { HostLink, issuePath } from '../../../components/HostLink';
import type { Rollup } from '../../../../../../common/contract';
import { useT } from '../../../i18n';
import { auditMessages } from '../messages';

export function CrosswalkCoverage({ rollup }: { rollup: Rollup }) {
  const w = useT(auditMessages).crosswalkCoverage;
  const headingId = useId();
  const crosswalk = rollup.crosswalk;
  if (!crosswalk || (crosswalk.mapped === 0 && crosswalk.retired === 0)) return null;
  const titles = new Map(rollup.items.map((item) => [item.id, item.title]));
  const counting = rollup.strictMode
    ? crosswalk.countsInStrictMode
      ? w.strictCounts
      : w.strictNot
    : '';
  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <Heading size="medium" as="h2" id={headingId}>
        {w.title}
      </Heading>
      <p style={{ margin: 0 }}>
        {w.covered(crosswalk.covered.length, crosswalk.mapped)} {counting}
      </p>
      {crosswalk.wouldClose.length > 0 && (
        <p style={{ margin: 0 }}>{w.wouldClose(crosswalk.wouldClose.join(', '))}</p>
      )}
      {crosswalk.retired > 0 && (
        <p style={{ margin: 0 }}>{w.retired(crosswalk.retired)}</p>
      )}
      {crosswalk.covered.length > 0 && (
        <ul style={{ margin: 0, paddingLeft: 20, display: 'grid', gap: 4 }}>
          {crosswalk.covered.map((entry) => (
            <li key={entry.itemId}>
              {entry.itemId} {titles.get(entry.itemId) ?? ''}:{' '}
              {entry.by.map((source, index) => (
                <span key={`${source.checklistId} ${source.itemId}`}>
                  {index > 0 ? '; ' : ''}
                  {w.from(source.checklistName, source.itemId)}
                  {source.issueKey !== undefined && (
                    <>
                      {' ('}
                      <HostLink path={issuePath(source.issueKey)}>{source.issueKey}</HostLink>
                      {source.titles.length > 0 ? `: ${source.titles.join(', ')}` : ''})
                    </>
                  )}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
