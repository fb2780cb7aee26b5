/**
 * The evidence field's editor. It does not build a value itself: each change goes through the
 * app's resolvers (validated, permission-checked, written as the user). "Done" then hands Jira the
 * value the server wrote, unchanged, so Jira closes the editor and refreshes the field's text; with
 * no change it just closes.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { errorMessage } from '../../api/errors';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { useLoad } from '../../hooks/useLoad';
import type { ItemPanel } from '../../../../../common/contract';
import { EvidenceEditor } from './EvidenceEditor';
import { useEvidenceApi, useFieldHost } from './use-issue-services';

export function EvidenceFieldEdit() {
  const { evidence: api } = useEvidenceApi();
  const field = useFieldHost();
  const { state, reload } = useLoad('panel', () => api.getItemPanel());
  const [changed, setChanged] = useState<ItemPanel | null>(null);
  const [closing, setClosing] = useState(false);
  const [closeError, setCloseError] = useState<string | undefined>(undefined);

  if (state.status === 'loading' || state.status === 'idle') return <Loading label="Loading the evidence" />;
  if (state.status === 'error') {
    return (
      <Notice appearance="error" title="Could not load the evidence" actions={<Button onClick={reload}>Try again</Button>}>
        {state.message}
      </Notice>
    );
  }
  const panel = changed ?? state.value;
  const done = () => {
    setClosing(true);
    setCloseError(undefined);
    (changed ? field.submit(changed.evidence) : field.close()).catch((error: unknown) => {
      setClosing(false);
      setCloseError(errorMessage(error));
    });
  };
  return (
    <div style={{ padding: token('space.100', '8px'), display: 'grid', gap: token('space.150', '12px') }}>
      <EvidenceEditor panel={panel} onPanel={setChanged} />
      {closeError && (
        <Notice appearance="error" title="Jira did not take the field’s value">
          {closeError} Your changes are saved; reload the issue to see them.
        </Notice>
      )}
      <div>
        <Button appearance="primary" onClick={done} isDisabled={closing}>
          Done
        </Button>
      </div>
    </div>
  );
}
