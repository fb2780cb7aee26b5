/**
 * Module `audit-evidence` (the evidence custom field): read-only in Jira (`readOnly: true`; only the
 * app writes it, after checking the user may edit the issue), so it is only ever shown. Changes are
 * made in the Audit item panel.
 */
import { useState } from 'react';
import { useServices } from '../../api/services';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { useResource } from '../../hooks/useResource';
import { EvidenceFieldView } from './EvidenceFieldView';
import { useEvidenceSync } from './use-evidence-sync';
import { useFieldHost } from './use-issue-services';
import { useT } from '../../i18n';
import { evidenceMessages } from './messages';

export default function EvidenceField() {
  const t = useT(evidenceMessages);
  const field = useFieldHost();
  const { evidence } = useServices();
  const { state } = useResource(() => field.fieldContext(), [field]);
  // Jira hands the value once, when the field is drawn: after the item panel changes the evidence,
  // the server's evidence replaces it here, so the issue never shows two answers.
  const [fresh, setFresh] = useState<unknown>(undefined);
  useEvidenceSync(state.status === 'ready' ? state.value.issueKey : undefined, () => {
    evidence?.getItemPanel().then(
      (panel) => setFresh(panel.evidence),
      (error: unknown) => console.warn('Could not read the evidence again after a change in the item panel', error),
    );
  });

  if (state.status === 'loading' || state.status === 'idle') return <Loading label={t.loadingEvidence} />;
  if (state.status === 'error') {
    return (
      <Notice appearance="error" title={t.fieldReadFailed}>
        {state.message}
      </Notice>
    );
  }
  return <EvidenceFieldView value={fresh !== undefined ? fresh : state.value.value} />;
}
