/**
 * The checklist as it will be saved: items, chapters, mandatory items, points, and the team's own
 * answers that will become each item's initial result on import.
 */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { useFmt, useT } from '../../i18n';
import { uploadMessages } from './messages';
import type { PreviewSummary } from './upload-preview-model';
import { cell, section, subtle } from './styles';

/** Enough rows to check the mapping at a glance; all of them on request. */
const FIRST_ROWS = 50;

// The CSS reset indents a <dl> and pushes each <dt> after a <dd> down by 4 px; the grid lays them out.
const term = { ...subtle, margin: 0 };

export function UploadPreview({ summary, name }: { summary: PreviewSummary; name: string }) {
  const t = useT(uploadMessages);
  const fmt = useFmt();
  const headingId = useId();
  const [all, setAll] = useState(false);
  const points = summary.model === 'points';
  const answered = summary.results.met + summary.results.not_met + summary.results.na;
  const shown = all ? summary.items : summary.items.slice(0, FIRST_ROWS);
  const chapterTitle = new Map(summary.chapters.map((chapter) => [chapter.id, chapter.title]));
  return (
    <section aria-labelledby={headingId} style={section}>
      <Heading size="small" as="h3" id={headingId}>
        {t.preview(name)}
      </Heading>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', margin: 0, padding: 0 }}>
        <dt style={term}>{t.items}</dt>
        <dd style={{ margin: 0 }}>{t.itemsIn(summary.items.length, summary.chapters.length)}</dd>
        <dt style={term}>{t.mandatory}</dt>
        <dd style={{ margin: 0 }}>{t.mandatoryItems(summary.mandatory)}</dd>
        {points && (
          <>
            <dt style={term}>{t.points}</dt>
            <dd style={{ margin: 0 }}>{t.pointsInAll(summary.points ?? 0)}</dd>
          </>
        )}
        {summary.penalty && (
          <>
            <dt style={term}>{t.penalty}</dt>
            <dd style={{ margin: 0 }}>{t.penaltyWords(summary.penalty)}</dd>
          </>
        )}
        <dt style={term}>{t.naAnswers}</dt>
        <dd style={{ margin: 0 }}>
          {t.naRuleWords[summary.naRule]}
          {summary.waivers.length > 0 && t.exemptions(summary.waivers.join('; '))}
        </dd>
        <dt style={term}>{t.initialResults}</dt>
        <dd style={{ margin: 0 }}>
          {answered === 0 ? t.noResults : t.resultCounts(summary.results.met, summary.results.not_met, summary.results.na)}
        </dd>
      </dl>
      <table style={{ borderCollapse: 'collapse', width: 'auto' }} aria-label={t.chaptersTable}>
        <thead>
          <tr>
            <th scope="col" style={cell}>{t.chapter}</th>
            <th scope="col" style={{ ...cell, textAlign: 'right' }}>{t.items}</th>
          </tr>
        </thead>
        <tbody>
          {summary.chapters.map((chapter) => (
            <tr key={chapter.id}>
              <td style={cell}>{chapter.title}</td>
              <td style={{ ...cell, textAlign: 'right' }}>{fmt.n(chapter.items)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-label={t.itemsTable}>
          <thead>
            <tr>
              <th scope="col" style={cell}>{t.id}</th>
              <th scope="col" style={cell}>{t.itemTitle}</th>
              <th scope="col" style={cell}>{t.chapter}</th>
              {points && <th scope="col" style={{ ...cell, textAlign: 'right' }}>{t.points}</th>}
              <th scope="col" style={cell}>{t.mandatory}</th>
              <th scope="col" style={cell}>{t.initialResult}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <tr key={item.id}>
                <td style={{ ...cell, whiteSpace: 'nowrap' }}>{item.id}</td>
                <td style={cell}>{item.title}</td>
                <td style={cell}>{chapterTitle.get(item.chapterId) ?? item.chapterId}</td>
                {points && <td style={{ ...cell, textAlign: 'right' }}>{fmt.n(item.points ?? 0)}</td>}
                <td style={cell}>{item.mandatory ? t.mandatory : '—'}</td>
                <td style={cell}>{item.result ? t.results[item.result] : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {summary.items.length > FIRST_ROWS && (
        <div>
          <Button appearance="subtle" onClick={() => setAll((shownAll) => !shownAll)}>
            {all ? t.showFirst(FIRST_ROWS) : t.showAll(summary.items.length)}
          </Button>
        </div>
      )}
    </section>
  );
}
