/**
 * Evidence entries as a list. Everything stored is rendered as text (React escapes it); a link
 * becomes an `href` only when it is an absolute http(s) URL (safe-url.ts), and opens through the
 * host, because a Custom UI iframe cannot navigate the page itself.
 */
import type { MouseEvent, ReactNode } from 'react';
import { token } from '@atlaskit/tokens';
import { useServices } from '../../api/services';
import { StatusPill } from '../../components/StatusPill';
import type { EvidenceEntryView } from '../../../../../common/contract';
import { safeHref } from './safe-url';
import { REVIEW_TONES, validityLine } from './words';
import { useT } from '../../i18n';
import { evidenceMessages } from './messages';
import type { EvidenceMessages } from './messages.en';

const DAY_MS = 86_400_000;
const subtle = { color: token('color.text.subtle', '#44546F') };

function expiryWords(expiryDate: string | undefined, today: string, t: EvidenceMessages): { text: string; tone: 'danger' | 'warning' } | undefined {
  if (!expiryDate) return undefined;
  const days = Math.round((Date.parse(`${expiryDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
  if (Number.isNaN(days) || days > 30) return undefined;
  if (days < 0) return { text: t.expired, tone: 'danger' };
  return { text: days === 0 ? t.expiresToday : days === 1 ? t.expiresTomorrow : t.expiresIn(days), tone: 'warning' };
}

export function EvidenceLink({ url, children }: { url: string | undefined; children: ReactNode }) {
  const { host } = useServices();
  const href = safeHref(url);
  if (!href) return <span>{children}</span>;
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    void host.open(href).catch((error: unknown) => console.warn('Could not open the evidence link', error));
  };
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" onClick={onClick}>
      {children}
    </a>
  );
}

interface EvidenceListProps {
  entries: EvidenceEntryView[];
  /** YYYY-MM-DD, for "expires in 12 days". */
  today: string;
  /** Buttons for one entry (edit, review, remove), when the viewer may change it. */
  actions?: (entry: EvidenceEntryView) => ReactNode;
  /** Shown when there are no entries. */
  empty?: string;
  /** Display names by account id (reviewers, owners); an id without a name shows as itself. */
  people?: Record<string, string | null>;
}

export function EvidenceList({ entries, today, actions, empty, people = {} }: EvidenceListProps) {
  const t = useT(evidenceMessages);
  const name = (accountId: string): string => people[accountId] ?? accountId;
  if (entries.length === 0) return <p style={{ margin: 0, ...subtle }}>{empty ?? t.noEvidence}</p>;
  return (
    <ul aria-label={t.evidence} style={{ margin: 0, padding: 0, listStyle: 'none', display: 'grid', gap: token('space.100', '8px') }}>
      {entries.map((entry) => {
        const expiry = entry.reviewState === 'rejected' ? undefined : expiryWords(entry.expiryDate, today, t);
        const validity = validityLine(entry.effectiveDate, entry.expiryDate, t);
        return (
          <li
            key={entry.id}
            data-evidence-id={entry.id}
            style={{ borderLeft: `3px solid ${token('color.border', '#091E4224')}`, paddingLeft: token('space.100', '8px'), display: 'grid', gap: 2 }}
          >
            <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'baseline' }}>
              <strong className="evidence-title">
                <EvidenceLink url={entry.url}>{entry.title}</EvidenceLink>
              </strong>
              <span style={subtle}>{t.kinds[entry.kind]}</span>
              <StatusPill tone={REVIEW_TONES[entry.reviewState]}>{t.review[entry.reviewState]}</StatusPill>
              {expiry && <StatusPill tone={expiry.tone}>{expiry.text}</StatusPill>}
            </div>
            {entry.url && !safeHref(entry.url) && <div style={subtle}>{t.linkNotOpened(entry.url)}</div>}
            {entry.attachmentId && <div style={subtle}>{t.attachmentOnIssue(entry.attachmentId)}</div>}
            {(validity || entry.owner) && (
              <div style={subtle}>
                {[validity, entry.owner ? t.owner(name(entry.owner)) : ''].filter(Boolean).join(' · ')}
              </div>
            )}
            {entry.note && <div style={{ whiteSpace: 'pre-wrap' }}>{entry.note}</div>}
            {entry.reviewState !== 'pending' && entry.reviewer && (
              <div style={subtle}>
                {t.reviewedBy(t.review[entry.reviewState], name(entry.reviewer))}
                {entry.selfReviewed ? t.selfReview : ''}
                {entry.reviewNote ? `: ${entry.reviewNote}` : ''}
              </div>
            )}
            {actions && <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>{actions(entry)}</div>}
          </li>
        );
      })}
    </ul>
  );
}
