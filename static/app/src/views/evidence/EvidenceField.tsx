/**
 * Module `audit-evidence` (the evidence custom field): read-only in Jira (`readOnly: true`; only the
 * app writes it, after checking the user may edit the issue), so it is only ever shown. Changes are
 * made in the Audit item panel.
 */
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { useResource } from '../../hooks/useResource';
import { EvidenceFieldView } from './EvidenceFieldView';
import { useFieldHost } from './use-issue-services';

export default function EvidenceField() {
  const field = useFieldHost();
  const { state } = useResource(() => field.fieldContext(), [field]);

  if (state.status === 'loading' || state.status === 'idle') return <Loading label="Loading the evidence" />;
  if (state.status === 'error') {
    return (
      <Notice appearance="error" title="Could not read the evidence field">
        {state.message}
      </Notice>
    );
  }
  return <EvidenceFieldView value={state.value.value} />;
}
