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
import { useT } from '../../../i18n';
import { auditMessages } from '../messages';

const subtle = { color: token('color.text.subtle', '#44546F') };

/** The chapters whose title (or id, or waiver) contains `text`, any case. */
export function filterChapters<T extends { id: string; title: string; waivedBy?: string }>(chapters: readonly T[], text: string): T[] {
  const needle = text.trim().toLowerCase();
  if (needle === '') return [...chapters];
  return chapters.filter((c) => `${c.id} ${c.title} ${c.waivedBy ?? ''}`.toLowerCase().includes(needle));
}

export function ChapterTable({ rollup }: { rollup: Rollup }) {
  const t = useT(auditMessages);
  const headingId = useId();
  const filterId = useId();
  const [text, setText] = useState('');
  const points = rollup.model === 'points';
  const shown = useMemo(() => filterChapters(rollup.chapters, text), [rollup.chapters, text]);
  const head = {
    cells: [
      { key: 'chapter', content: t.colChapter, isSortable: true },
      ...(points ? [{ key: 'earned', content: t.colEarned, isSortable: true }] : []),
      { key: 'met', content: t.colMet, isSortable: true },
      { key: 'progress', content: t.colProgress, isSortable: true, width: 25 },
      { key: 'issues', content: t.colIssues },
    ],
  };
  const rows = shown.map((chapter, index) => {
    const [value, max] = points ? [chapter.earned, chapter.max] : [chapter.met, chapter.total];
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
                  {t.waivedBy} {chapter.waivedBy}
                  {chapter.waiverReason ? ` — ${chapter.waiverReason}` : ''}
                </div>
              )}
            </div>
          ),
        },
        ...(points ? [{ key: chapter.earned, content: t.ratio(chapter.earned, chapter.max) }] : []),
        { key: chapter.met, content: t.ratio(chapter.met, chapter.total) },
        {
          key: max > 0 ? value / max : 0,
          content: <Bar value={value} max={max} label={t.chapterBar(chapter.title, value, max, points, percent(value, max))} />,
        },
        {
          key: chapter.id,
          content: chapter.jql ? (
            <HostLink path={searchPath(chapter.jql)} aria-label={t.openChapterInJira(chapter.title)}>
              {t.openInJira}
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
        {t.chapters}
      </Heading>
      <div style={{ display: 'grid', gap: token('space.050', '4px'), maxWidth: 360 }}>
        <label htmlFor={filterId}>{t.filterChapters}</label>
        <Textfield id={filterId} value={text} onChange={(event) => setText(event.currentTarget.value)} placeholder={t.chapterTitle} isCompact />
      </div>
      <div style={{ overflowX: 'auto' }}>
        <DynamicTable
          caption={<span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{t.chaptersOf(rollup.checklistName)}</span>}
          head={head}
          rows={rows}
          emptyView={<p style={subtle}>{t.noChapterMatches(text)}</p>}
          testId="chapter-table"
        />
      </div>
      <p style={{ margin: 0, ...subtle }} aria-live="polite">
        {t.chaptersCount(shown.length, rollup.chapters.length)}
      </p>
    </section>
  );
}
