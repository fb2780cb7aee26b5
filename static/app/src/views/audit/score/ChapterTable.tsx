/** Points and items met, N/A or waived by chapter, each chapter one click away from its issues in Jira. */
import { useId } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { Bar } from '../../../components/Bar';
import { HostLink, searchPath } from '../../../components/HostLink';
import type { Rollup } from '../../../../../../common/contract';
import { percent } from '../format';

const cell = { padding: `${token('space.075', '6px')} ${token('space.100', '8px')}`, borderBottom: `1px solid ${token('color.border', '#091E4224')}` };
const numeric = { ...cell, textAlign: 'right' as const, whiteSpace: 'nowrap' as const };

export function ChapterTable({ rollup }: { rollup: Rollup }) {
  const headingId = useId();
  const points = rollup.model === 'points';
  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <Heading size="medium" as="h2" id={headingId}>
        Chapters
      </Heading>
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>
              <th scope="col" style={{ ...cell, textAlign: 'left' }}>Chapter</th>
              {points && <th scope="col" style={numeric}>Earned / max</th>}
              <th scope="col" style={numeric}>Met, N/A or waived / total</th>
              <th scope="col" style={{ ...cell, textAlign: 'left', width: '25%' }}>Progress</th>
              <th scope="col" style={{ ...cell, textAlign: 'left' }}>Issues</th>
            </tr>
          </thead>
          <tbody>
            {rollup.chapters.map((chapter) => {
              const [value, max, unit] = points ? [chapter.earned, chapter.max, 'points earned'] : [chapter.met, chapter.total, 'items met, N/A or waived'];
              return (
                <tr key={chapter.id}>
                  <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 400 }}>
                    {chapter.title}
                    {chapter.waivedBy && (
                      <div style={{ color: token('color.text.subtle', '#44546F') }}>
                        Waived: {chapter.waivedBy}
                        {chapter.waiverReason ? ` — ${chapter.waiverReason}` : ''}
                      </div>
                    )}
                  </th>
                  {points && <td style={numeric}>{chapter.earned} / {chapter.max}</td>}
                  <td style={numeric}>{chapter.met} / {chapter.total}</td>
                  <td style={cell}>
                    <Bar value={value} max={max} label={`${chapter.title}: ${value} of ${max} ${unit} (${percent(value, max)} %)`} />
                  </td>
                  <td style={cell}>
                    {chapter.jql ? (
                      <HostLink path={searchPath(chapter.jql)} aria-label={`Open in Jira: the issues of ${chapter.title}`}>
                        Open in Jira
                      </HostLink>
                    ) : (
                      <span style={{ color: token('color.text.subtle', '#44546F') }}>—</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
