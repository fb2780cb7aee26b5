/**
 * Module `audit-evidence` (the evidence custom field): read-only in Jira (`readOnly: true`; only the
 * app writes it, after checking the user may edit the issue), so it is only ever shown. Changes are
 * made in the Audit item panel.
 */
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/errors';
import type { CustomFieldContext } from '../../api/evidence-api';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { EvidenceFieldView } from './EvidenceFieldView';
import { useFieldHost } from './use-issue-services';

type State = { status: 'loading' } | { status: 'ready'; context: CustomFieldContext } | { status: 'error'; message: string };

export default function EvidenceField() {
  const field = useFieldHost();
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    field.fieldContext().then(
      (context) => current && setState({ status: 'ready', context }),
      (error: unknown) => current && setState({ status: 'error', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [field]);

  if (state.status === 'loading') return <Loading label="Loading the evidence" />;
  if (state.status === 'error') {
    return (
      <Notice appearance="error" title="Could not read the evidence field">
        {state.message}
      </Notice>
    );
  }
  return <EvidenceFieldView value={state.context.value} />;
}
