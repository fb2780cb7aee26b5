/**
 * What an import will create, before it does: the checklist's figures, its chapters with item
 * counts, and (on request) every item.
 */
import { useId, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { ChecklistView } from '../../../../../../common/contract';
import { plural } from '../format';

export function passRuleWords(checklist: ChecklistView): string {
  const rule = checklist.passRule;
  if (rule.kind === 'points') {
    const max = checklist.maxScore ?? checklist.items.reduce((sum, item) => sum + item.points, 0);
    return `Points: max ${max}, pass mark ${rule.passMark}`;
  }
  // 0 % is how some files say "no share required"; printing it would read as a rule.
  const rest = rule.minOptionalPercent ? `, and at least ${rule.minOptionalPercent} % of the other items` : '';
  return `Met / not met: every mandatory item met, N/A or waived${rest}`;
}

const subtle = { color: token('color.text.subtle', '#44546F') };
// The CSS reset indents a <dl> and pushes each <dt> after a <dd> down by 4 px; the grid lays them out.
const term = { ...subtle, margin: 0 };

export function ChecklistPreview({ checklist }: { checklist: ChecklistView }) {
  const [showItems, setShowItems] = useState(false);
  const listId = useId();
  const headingId = useId();
  const chapters = useMemo(() => {
    const counts = new Map<string, number>();
    for (const item of checklist.items) counts.set(item.chapterId, (counts.get(item.chapterId) ?? 0) + 1);
    return [...checklist.chapters]
      .sort((a, b) => a.order - b.order)
      .map((chapter) => ({ ...chapter, items: counts.get(chapter.id) ?? 0 }));
  }, [checklist]);
  const mandatory = checklist.items.filter((item) => item.mandatory).length;

  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.150', '12px') }}>
      <Heading size="medium" as="h2" id={headingId}>
        {`Preview: ${checklist.name} ${checklist.version}`}
      </Heading>
      {checklist.description && <p style={{ margin: 0 }}>{checklist.description}</p>}
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', margin: 0, padding: 0 }}>
        <dt style={term}>Items</dt>
        <dd style={{ margin: 0 }}>{plural(checklist.items.length, 'item')} in {plural(chapters.length, 'chapter')}</dd>
        <dt style={term}>Mandatory</dt>
        <dd style={{ margin: 0 }}>{plural(mandatory, 'mandatory item')}</dd>
        <dt style={term}>Scoring</dt>
        <dd style={{ margin: 0 }}>{passRuleWords(checklist)}</dd>
      </dl>
      <table style={{ borderCollapse: 'collapse', width: 'auto' }} aria-label="Chapters in this checklist">
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: 'left', paddingRight: 16 }}>Chapter</th>
            <th scope="col" style={{ textAlign: 'right' }}>Items</th>
          </tr>
        </thead>
        <tbody>
          {chapters.map((chapter) => (
            <tr key={chapter.id}>
              <td style={{ paddingRight: 16 }}>{chapter.title}</td>
              <td style={{ textAlign: 'right' }}>{chapter.items}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <Button appearance="subtle" aria-expanded={showItems} aria-controls={listId} onClick={() => setShowItems((shown) => !shown)}>
          {showItems ? 'Hide the items' : `Show all ${checklist.items.length} items`}
        </Button>
        {showItems && (
          <ul id={listId} aria-label="Checklist items" style={{ margin: `${token('space.100', '8px')} 0 0`, paddingLeft: 20 }}>
            {checklist.items.map((item) => (
              <li key={item.id}>
                <strong>{item.id}</strong> {item.title}
                <span style={subtle}>
                  {checklist.model === 'points' ? ` · ${plural(item.points, 'point')}` : ''}
                  {item.mandatory ? ' · mandatory' : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
