/** A list of trail entries, newest first: who, when, what, before → after, and why. */
import { token } from '@atlaskit/tokens';
import type { TrailEntryView } from '../../../../../common/contract';
import { actionWords, valueWords, whenWords, whoWords } from './words';
import { useT } from '../../i18n';
import { trailMessages } from './messages';

const subtle = { color: token('color.text.subtle', '#44546F') };

export function TrailEntries({ entries, showItem = true, people }: { entries: TrailEntryView[]; showItem?: boolean; people?: Record<string, string | null> }) {
  const t = useT(trailMessages);
  return (
    <ol style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: token('space.100', '8px') }}>
      {entries.map((entry) => (
        <li key={entry.seq} data-testid="trail-entry" style={{ borderTop: `1px solid ${token('color.border', '#091E4224')}`, paddingTop: token('space.100', '8px') }}>
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'baseline' }}>
            <strong>{actionWords(entry.action, t)}</strong>
            {showItem && (entry.itemId || entry.issueKey) && <span>{[entry.itemId, entry.issueKey].filter(Boolean).join(' · ')}</span>}
            <span style={subtle}>
              #{entry.seq} · {whenWords(entry.at, t)} · {t.by} {whoWords(entry.actor, people, t)}
            </span>
            {entry.recordedAt && (
              <span data-testid="trail-recorded-late" style={subtle}>
                ({t.recordedLate(whenWords(entry.recordedAt, t))})
              </span>
            )}
          </div>
          {(entry.before !== undefined || entry.after !== undefined) && (
            <div>
              {valueWords(entry.before, t)} → {valueWords(entry.after, t)}
            </div>
          )}
          {entry.reason && <div style={{ ...subtle, whiteSpace: 'pre-wrap' }}>{t.why} {entry.reason}</div>}
        </li>
      ))}
    </ol>
  );
}
