/**
 * Points and items met, N/A or waived by chapter, each chapter one click away from its issues in
 * Jira: an Atlaskit dynamic table, sortable by every figure, filtered by the chapter's title.
 */
import { useId, useMemo, useState } from 'react';
import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { Bar } from '../../../components/Bar';
import { HostLink, searchPath } from '../../../components/HostLink';
import type { Rollup } from '../../../../../../common/contract';
import { percent } from '../format';

const subtle = { color: token('color.text.subtle', '#44546F') };

/** The chapters whose title (or id, or waiver) contains `text`, any case. */
export function filterChapters<T extends { id: string; title: string; waivedBy?: string }>(chapters: readonly T[], text: string): T[] {
  const needle = text.trim().toLowerCase();
  if (needle === '') return [...chapters];
  return chapters.filter((c) => `${c.id} ${c.title} ${c.waivedBy ?? ''}`.toLowerCase().includes(needle));
}

export function ChapterTable({ rollup }: { rollup: Rollup }) {
  const headingId = useId();
  const filterId = useId();
  const [text, setText] = useState('');
  const points = rollup.model === 'points';
  const shown = useMemo(() => filterChapters(rollup.chapters, text), [rollup.chapters, text]);
  const head = {
    cells: [
      { key: 'chapter', content: 'Chapter', isSortable: true },
      ...(points ? [{ key: 'earned', content: 'Earned / max', isSortable: true }] : []),
      { key: 'met', content: 'Met, N/A or waived / total', isSortable: true },
      { key: 'progress', content: 'Progress', isSortable: true, width: 25 },
      { key: 'issues', content: 'Issues' },
    ],
  };
  const rows = shown.map((chapter, index) => {
    const [value, max, unit] = points ? [chapter.earned, chapter.max, 'points earned'] : [chapter.met, chapter.total, 'items met, N/A or waived'];
    return {
      key: chapter.id,
      cells: [
        {
          // Sorted by the checklist's order, not alphabetically: "Chapter 10" after "Chapter 9".
          key: index,
          content: (
            <div>
              {chapter.title}
              {chapter.waivedBy && (
                <div style={subtle}>
                  Waived: {chapter.waivedBy}
                  {chapter.waiverReason ? ` — ${chapter.waiverReason}` : ''}
                </div>
              )}
            </div>
          ),
        },
        ...(points ? [{ key: chapter.earned, content: `${chapter.earned} / ${chapter.max}` }] : []),
        { key: chapter.met, content: `${chapter.met} / ${chapter.total}` },
        {
          key: max > 0 ? value / max : 0,
          content: <Bar value={value} max={max} label={`${chapter.title}: ${value} of ${max} ${unit} (${percent(value, max)} %)`} />,
        },
        {
          key: chapter.id,
          content: chapter.jql ? (
            <HostLink path={searchPath(chapter.jql)} aria-label={`Open in Jira: the issues of ${chapter.title}`}>
              Open in Jira
            </HostLink>
          ) : (
            <span style={subtle}>—</span>
          ),
        },
      ],
    };
  });
  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <Heading size="medium" as="h2" id={headingId}>
        Chapters
      </Heading>
      <div style={{ display: 'grid', gap: token('space.050', '4px'), maxWidth: 360 }}>
        <label htmlFor={filterId}>Filter chapters</label>
        <Textfield id={filterId} value={text} onChange={(event) => setText(event.currentTarget.value)} placeholder="Chapter title" isCompact />
      </div>
      <div style={{ overflowX: 'auto' }}>
        <DynamicTable
          caption={<span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>Chapters of {rollup.checklistName}</span>}
          head={head}
          rows={rows}
          emptyView={<p style={subtle}>No chapter matches “{text}”.</p>}
          testId="chapter-table"
        />
      </div>
      <p style={{ margin: 0, ...subtle }} aria-live="polite">
        {shown.length === rollup.chapters.length ? `${shown.length} chapters` : `${shown.length} of ${rollup.chapters.length} chapters shown`}
      </p>
    </section>
  );
}
