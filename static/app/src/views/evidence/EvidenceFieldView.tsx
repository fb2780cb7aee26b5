/** The evidence field on the issue, read-only: the entries Jira holds, as text and safe links. */
import { useMemo } from 'react';
import { useServices } from '../../api/services';
import { EvidenceList } from './EvidenceList';
import { readFieldValue } from './read-value';

export function EvidenceFieldView({ value }: { value: unknown }) {
  const { now } = useServices();
  const { entries, skipped } = useMemo(() => readFieldValue(value), [value]);
  const today = now().toISOString().slice(0, 10);
  return (
    <div style={{ padding: 4, display: 'grid', gap: 4 }}>
      <EvidenceList entries={entries} today={today} empty="No evidence yet." />
      {skipped > 0 && <p style={{ margin: 0 }}>{skipped} stored entries could not be read and are not shown.</p>}
      <p style={{ margin: 0 }}>Add, change and review evidence in the Audit item panel of this issue.</p>
    </div>
  );
}
