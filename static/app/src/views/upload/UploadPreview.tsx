/**
 * The checklist as it will be saved: items, chapters, mandatory items, points, and the team's own
 * answers that will become each item's initial result on import.
 */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { plural } from '../audit/format';
import { NA_RULE_WORDS, penaltyWords, type PreviewSummary } from './upload-preview-model';
import { cell, section, subtle } from './styles';

/** Enough rows to check the mapping at a glance; all of them on request. */
const FIRST_ROWS = 50;

const RESULT_WORDS = { met: 'Met', not_met: 'Not met', na: 'N/A' } as const;

// The CSS reset indents a <dl> and pushes each <dt> after a <dd> down by 4 px; the grid lays them out.
const term = { ...subtle, margin: 0 };

export function UploadPreview({ summary, name }: { summary: PreviewSummary; name: string }) {
  const headingId = useId();
  const [all, setAll] = useState(false);
  const points = summary.model === 'points';
  const answered = summary.results.met + summary.results.not_met + summary.results.na;
  const shown = all ? summary.items : summary.items.slice(0, FIRST_ROWS);
  const chapterTitle = new Map(summary.chapters.map((chapter) => [chapter.id, chapter.title]));
  return (
    <section aria-labelledby={headingId} style={section}>
      <Heading size="small" as="h3" id={headingId}>
        {`Preview: ${name || 'your checklist'}`}
      </Heading>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', margin: 0, padding: 0 }}>
        <dt style={term}>Items</dt>
        <dd style={{ margin: 0 }}>{plural(summary.items.length, 'item')} in {plural(summary.chapters.length, 'chapter')}</dd>
        <dt style={term}>Mandatory</dt>
        <dd style={{ margin: 0 }}>{plural(summary.mandatory, 'mandatory item')}</dd>
        {points && (
          <>
            <dt style={term}>Points</dt>
            <dd style={{ margin: 0 }}>{plural(summary.points ?? 0, 'point')} in all</dd>
          </>
        )}
        {summary.penalty && (
          <>
            <dt style={term}>Penalty</dt>
            <dd style={{ margin: 0 }}>{penaltyWords(summary.penalty)}</dd>
          </>
        )}
        <dt style={term}>N/A answers</dt>
        <dd style={{ margin: 0 }}>
          {NA_RULE_WORDS[summary.naRule]}
          {summary.waivers.length > 0 && ` Exemptions: ${summary.waivers.join('; ')}.`}
        </dd>
        <dt style={term}>Initial results</dt>
        <dd style={{ margin: 0 }}>
          {answered === 0
            ? 'none in the file: every item starts from its issue status'
            : `${summary.results.met} met, ${summary.results.not_met} not met, ${summary.results.na} N/A — set on each new issue when imported`}
        </dd>
      </dl>
      <table style={{ borderCollapse: 'collapse', width: 'auto' }} aria-label="Chapters in the file">
        <thead>
          <tr>
            <th scope="col" style={cell}>Chapter</th>
            <th scope="col" style={{ ...cell, textAlign: 'right' }}>Items</th>
          </tr>
        </thead>
        <tbody>
          {summary.chapters.map((chapter) => (
            <tr key={chapter.id}>
              <td style={cell}>{chapter.title}</td>
              <td style={{ ...cell, textAlign: 'right' }}>{chapter.items}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-label="Items in the file">
          <thead>
            <tr>
              <th scope="col" style={cell}>Id</th>
              <th scope="col" style={cell}>Title</th>
              <th scope="col" style={cell}>Chapter</th>
              {points && <th scope="col" style={{ ...cell, textAlign: 'right' }}>Points</th>}
              <th scope="col" style={cell}>Mandatory</th>
              <th scope="col" style={cell}>Initial result</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <tr key={item.id}>
                <td style={{ ...cell, whiteSpace: 'nowrap' }}>{item.id}</td>
                <td style={cell}>{item.title}</td>
                <td style={cell}>{chapterTitle.get(item.chapterId) ?? item.chapterId}</td>
                {points && <td style={{ ...cell, textAlign: 'right' }}>{item.points ?? 0}</td>}
                <td style={cell}>{item.mandatory ? 'Mandatory' : '—'}</td>
                <td style={cell}>{item.result ? RESULT_WORDS[item.result] : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {summary.items.length > FIRST_ROWS && (
        <div>
          <Button appearance="subtle" onClick={() => setAll((shownAll) => !shownAll)}>
            {all ? `Show the first ${FIRST_ROWS} items` : `Show all ${summary.items.length} items`}
          </Button>
        </div>
      )}
    </section>
  );
}
