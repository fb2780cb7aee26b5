/**
 * The Done gate on the Audit page (issue 23), loaded lazily: whether the validator "Audit item: Done
 * needs accepted evidence" is on for the project's workflow (a project admin's confirmation: the
 * app's scopes cannot read workflows), how a Jira admin adds it in three steps, and the items
 * already in Done without what the gate asks for.
 */
import { useEffect, useId, useRef, useState } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { describeGateConfig, type DoneGateConfig } from '../../../../../common/gate-config';
import type { GateStatus } from '../../../../../common/gate-status';
import { errorMessage } from '../../api/errors';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { useResource } from '../../hooks/useResource';
import { ConfirmGate } from './ConfirmGate';
import { DoneBacklog } from './DoneBacklog';
import type { GateApi } from './gate-api';
import { GateSteps } from './GateSteps';

export interface GateStatusSectionProps {
  api: GateApi;
  checklistId: string;
}

function when(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

function StatusLine({ status }: { status: GateStatus }) {
  const c = status.confirmation;
  if (c === null) {
    return (
      <Notice appearance="warning" title="Not confirmed yet">
        MSP Audit Ready cannot read this project’s workflow (Jira’s workflow API needs a permission the app does not ask for), so a
        project admin confirms once whether the gate is on.
      </Notice>
    );
  }
  if (!c.on) {
    return (
      <Notice appearance="warning" title="Off">
        {c.confirmedBy} said on {when(c.confirmedAt)} that the gate is not on the Done transition: items can reach Done without evidence.
      </Notice>
    );
  }
  return (
    <Notice appearance="success" title="On for this project’s workflow">
      Confirmed by {c.confirmedBy} on {when(c.confirmedAt)}. {describeGateConfig(c.config)}
    </Notice>
  );
}

export default function GateStatusSection({ api, checklistId }: GateStatusSectionProps) {
  const headingId = useId();
  const { state, reload } = useResource<GateStatus>(() => api.getGateStatus(checklistId), [api, checklistId]);
  const [saved, setSaved] = useState<GateStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<string | undefined>(undefined);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const loaded = state.status === 'ready' ? state.value : null;
  const status = saved && saved.checklistId === checklistId ? saved : loaded;

  const confirm = (current: GateStatus, on: boolean, config: DoneGateConfig) => {
    setBusy(true);
    setSaveError(undefined);
    api.setGateConfirmation({ on, scope: config.scope, naCounts: config.naCounts, revision: current.confirmation?.revision ?? 0, checklistId }).then(
      (fresh) => {
        if (!mounted.current) return;
        setSaved(fresh);
        setBusy(false);
      },
      (error: unknown) => {
        if (!mounted.current) return;
        setBusy(false);
        setSaveError(errorMessage(error));
      },
    );
  };

  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.150', '12px') }}>
      <Heading size="medium" as="h2" id={headingId}>
        Done gate
      </Heading>
      <p style={{ margin: 0 }}>
        With the workflow validator “Audit item: Done needs accepted evidence” on the Done transition, Jira refuses to move a checklist
        item to Done until it has accepted evidence in force, a waiver or a justified N/A, so boards and JQL count only evidenced items.
      </p>
      {state.status === 'loading' && !status && <Loading label="Loading the Done gate" />}
      {state.status === 'error' && !status && (
        <Notice appearance="error" title="Could not load the Done gate">
          {state.message} <button type="button" onClick={reload}>Try again</button>
        </Notice>
      )}
      {status && (
        <>
          <StatusLine status={status} />
          <GateSteps />
          {status.canConfirm ? (
            <ConfirmGate key={status.confirmation?.revision ?? 0} status={status} busy={busy} onConfirm={(on, config) => confirm(status, on, config)} />
          ) : (
            status.confirmation === null && <p style={{ margin: 0 }}>A project admin of this project can confirm it here.</p>
          )}
          {saveError && (
            <Notice appearance="error" title="Not saved">
              {saveError}
            </Notice>
          )}
          <Heading size="small" as="h3">
            In Done without evidence
          </Heading>
          <DoneBacklog status={status} />
        </>
      )}
    </section>
  );
}
