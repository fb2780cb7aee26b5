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

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function CrosswalkCoverage({ rollup }: { rollup: Rollup }) {
  const headingId = useId();
  const crosswalk = rollup.crosswalk;
  if (!crosswalk || (crosswalk.mapped === 0 && crosswalk.retired === 0)) return null;
  const titles = new Map(rollup.items.map((item) => [item.id, item.title]));
  const counting = rollup.strictMode
    ? crosswalk.countsInStrictMode
      ? 'Strict mode counts it as this item’s evidence.'
      : 'Strict mode does not count it: each item needs its own accepted evidence.'
    : '';
  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <Heading size="medium" as="h2" id={headingId}>
        Evidence from other checklists
      </Heading>
      <p style={{ margin: 0 }}>
        {plural(crosswalk.covered.length, 'item')} of {plural(crosswalk.mapped, 'mapped item')} covered by accepted evidence on another checklist of
        this project. {counting}
      </p>
      {crosswalk.wouldClose.length > 0 && (
        <p style={{ margin: 0 }}>Open mandatory items that work would close: {crosswalk.wouldClose.join(', ')}.</p>
      )}
      {crosswalk.retired > 0 && (
        <p style={{ margin: 0 }}>{plural(crosswalk.retired, 'mapping')} name an item a version update retired; ask a Jira administrator to update the crosswalk.</p>
      )}
      {crosswalk.covered.length > 0 && (
        <ul style={{ margin: 0, paddingLeft: 20, display: 'grid', gap: 4 }}>
          {crosswalk.covered.map((entry) => (
            <li key={entry.itemId}>
              {entry.itemId} {titles.get(entry.itemId) ?? ''}:{' '}
              {entry.by.map((source, index) => (
                <span key={`${source.checklistId} ${source.itemId}`}>
                  {index > 0 ? '; ' : ''}evidence from {source.checklistName} {source.itemId}
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
