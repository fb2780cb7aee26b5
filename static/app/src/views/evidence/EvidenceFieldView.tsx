/** The evidence field on the issue, read-only: the entries Jira holds, as text and safe links. */
import { useMemo } from 'react';
import { useServices } from '../../api/services';
import { EvidenceList } from './EvidenceList';
import { readFieldValue } from './read-value';
import { useT } from '../../i18n';
import { evidenceMessages } from './messages';

export function EvidenceFieldView({ value }: { value: unknown }) {
  const t = useT(evidenceMessages);
  const { now } = useServices();
  const { entries, skipped } = useMemo(() => readFieldValue(value), [value]);
  const today = now().toISOString().slice(0, 10);
  return (
    <div style={{ padding: 4, display: 'grid', gap: 4 }}>
      <EvidenceList entries={entries} today={today} empty={t.noEvidence} />
      {skipped > 0 && <p style={{ margin: 0 }}>{t.skipped(skipped)}</p>}
      <p style={{ margin: 0 }}>{t.editInPanel}</p>
    </div>
  );
}
