/**
 * What an import will create, before it does: the checklist's figures, its chapters with item
 * counts, and (on request) every item.
 */
import { useId, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { ChecklistView } from '../../../../../../common/contract';
import { useT } from '../../../i18n';
import { versionEnglish, versionMessages } from '../sync/messages';
import type { VersionMessages } from '../sync/messages.en';

export function passRuleWords(checklist: ChecklistView, tv: VersionMessages = versionEnglish()): string {
  const t = tv.preview;
  const rule = checklist.passRule;
  if (rule.kind === 'points') {
    const max = checklist.maxScore ?? checklist.items.reduce((sum, item) => sum + item.points, 0);
    return t.points(max, rule.passMark);
  }
  // 0 % is how some files say "no share required"; printing it would read as a rule.
  const rest = rule.minOptionalPercent ? t.optionalShare(rule.minOptionalPercent) : '';
  return t.met(rest);
}

/** The version's validity in words, or undefined when its publisher states none. */
export function validityWords(checklist: Pick<ChecklistView, 'validity'>, tv: VersionMessages = versionEnglish()): string | undefined {
  const t = tv.preview;
  const validity = checklist.validity;
  if (!validity) return undefined;
  if (validity.historical) return t.historical;
  const window = [validity.validFrom && t.from(validity.validFrom), validity.validUntil && t.until(validity.validUntil)].filter(Boolean).join(' ');
  const parts = [window && t.valid(window), validity.usableUntil && t.acceptedUntil(validity.usableUntil)].filter(Boolean);
  if (parts.length === 0) return undefined;
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What an unmet mandatory item costs under points, in words; undefined under met. */
export function checklistPenaltyWords(checklist: Pick<ChecklistView, 'model' | 'items'>, tv: VersionMessages = versionEnglish()): string | undefined {
  const t = tv.preview;
  if (checklist.model !== 'points') return undefined;
  const penalties = checklist.items.filter((item) => item.mandatory).map((item) => item.penalty);
  if (penalties.length === 0) return undefined;
  const min = Math.min(...penalties);
  const max = Math.max(...penalties);
  if (max === 0) return t.noPenalty;
  return min === max ? t.penalty(max) : t.penaltyRange(min, max);
}

const subtle = { color: token('color.text.subtle', '#44546F') };
// The CSS reset indents a <dl> and pushes each <dt> after a <dd> down by 4 px; the grid lays them out.
const term = { ...subtle, margin: 0 };

export function ChecklistPreview({ checklist }: { checklist: ChecklistView }) {
  const tv = useT(versionMessages);
  const t = tv.preview;
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
  const penalty = checklistPenaltyWords(checklist, tv);
  const validity = validityWords(checklist, tv);

  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.150', '12px') }}>
      <Heading size="medium" as="h2" id={headingId}>
        {t.title(checklist.name, checklist.version)}
      </Heading>
      {checklist.description && <p style={{ margin: 0 }}>{checklist.description}</p>}
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', margin: 0, padding: 0 }}>
        <dt style={term}>{t.items}</dt>
        <dd style={{ margin: 0 }}>{t.itemsIn(checklist.items.length, chapters.length)}</dd>
        <dt style={term}>{t.mandatory}</dt>
        <dd style={{ margin: 0 }}>{t.mandatoryItems(mandatory)}</dd>
        <dt style={term}>{t.scoring}</dt>
        <dd style={{ margin: 0 }}>{passRuleWords(checklist, tv)}</dd>
        {penalty && (
          <>
            <dt style={term}>{t.penaltyTerm}</dt>
            <dd style={{ margin: 0 }}>{penalty}</dd>
          </>
        )}
        <dt style={term}>{t.naAnswers}</dt>
        <dd style={{ margin: 0 }}>{t.na[checklist.naRule ?? 'justified']}</dd>
        {validity && (
          <>
            <dt style={term}>{t.validity}</dt>
            <dd style={{ margin: 0 }} data-testid="checklist-validity">
              {validity}
            </dd>
          </>
        )}
      </dl>
      <table style={{ borderCollapse: 'collapse', width: 'auto' }} aria-label={t.chaptersLabel}>
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: 'left', paddingRight: 16 }}>{t.chapter}</th>
            <th scope="col" style={{ textAlign: 'right' }}>{t.items}</th>
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
          {showItems ? t.hideItems : t.showItems(checklist.items.length)}
        </Button>
        {showItems && (
          <ul id={listId} aria-label={t.itemsLabel} style={{ margin: `${token('space.100', '8px')} 0 0`, paddingLeft: 20 }}>
            {checklist.items.map((item) => (
              <li key={item.id}>
                <strong>{item.id}</strong> {item.title}
                <span style={subtle}>
                  {checklist.model === 'points' ? t.itemPoints(item.points) : ''}
                  {item.mandatory ? t.itemMandatory : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
