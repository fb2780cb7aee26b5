/**
 * Module `audit-evidence` (the evidence custom field): Jira shows it read-only on the issue
 * (`view`) and opens it to edit it (`edit`); which one comes from the field's context.
 */
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/errors';
import type { CustomFieldContext } from '../../api/evidence-api';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { EvidenceFieldEdit } from './EvidenceFieldEdit';
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
  return state.context.entryPoint === 'edit' ? <EvidenceFieldEdit /> : <EvidenceFieldView value={state.context.value} />;
}
