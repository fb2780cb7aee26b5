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

/** The version's validity in words, or undefined when its publisher states none. */
export function validityWords(checklist: Pick<ChecklistView, 'validity'>): string | undefined {
  const validity = checklist.validity;
  if (!validity) return undefined;
  if (validity.historical) return 'Historical: a superseded version, kept for teams still working from it. Prepare against the current version instead.';
  const window = [validity.validFrom && `from ${validity.validFrom}`, validity.validUntil && `until ${validity.validUntil}`].filter(Boolean).join(' ');
  const parts = [window && `Valid ${window}`, validity.usableUntil && `accepted until ${validity.usableUntil}`].filter(Boolean);
  if (parts.length === 0) return undefined;
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What an unmet mandatory item costs under points, in words; undefined under met. */
export function checklistPenaltyWords(checklist: Pick<ChecklistView, 'model' | 'items'>): string | undefined {
  if (checklist.model !== 'points') return undefined;
  const penalties = checklist.items.filter((item) => item.mandatory).map((item) => item.penalty);
  if (penalties.length === 0) return undefined;
  const min = Math.min(...penalties);
  const max = Math.max(...penalties);
  if (max === 0) return 'An unmet mandatory item costs no points: it only shows as open.';
  return min === max ? `Each unmet mandatory item costs ${max} points off the score.` : `Each unmet mandatory item costs ${min} to ${max} points off the score.`;
}

const NA_WORDS = {
  exemptions: 'Only through the checklist’s named exemptions (applied as waivers); otherwise met or not met.',
  justified: 'Allowed with a written justification of why the item does not apply.',
  free: 'Allowed without a justification.',
} as const;

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
  const penalty = checklistPenaltyWords(checklist);
  const validity = validityWords(checklist);

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
        {penalty && (
          <>
            <dt style={term}>Penalty</dt>
            <dd style={{ margin: 0 }}>{penalty}</dd>
          </>
        )}
        <dt style={term}>N/A answers</dt>
        <dd style={{ margin: 0 }}>{NA_WORDS[checklist.naRule ?? 'justified']}</dd>
        {validity && (
          <>
            <dt style={term}>Validity</dt>
            <dd style={{ margin: 0 }} data-testid="checklist-validity">
              {validity}
            </dd>
          </>
        )}
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
