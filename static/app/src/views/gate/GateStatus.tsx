/**
 * The Done gate on the Audit page (issue 23), loaded lazily: whether the validator "Audit item: Done
 * needs accepted evidence" is on for the project's workflow (a project admin's confirmation: the
 * app's scopes cannot read workflows), how a Jira admin adds it in three steps, and the items
 * already in Done without what the gate asks for.
 */
import { useEffect, useId, useRef, useState } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { DoneGateConfig } from '../../../../../common/gate-config';
import type { GateStatus } from '../../../../../common/gate-status';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { useResource } from '../../hooks/useResource';
import { useT } from '../../i18n';
import { ConfirmGate } from './ConfirmGate';
import { DoneBacklog } from './DoneBacklog';
import type { GateApi } from './gate-api';
import { GateSteps } from './GateSteps';
import { gateMessages } from './messages';

export interface GateStatusSectionProps {
  api: GateApi;
  checklistId: string;
}

function StatusLine({ status }: { status: GateStatus }) {
  const t = useT(gateMessages);
  const c = status.confirmation;
  if (c === null) {
    return (
      <Notice appearance="warning" title={t.notConfirmed}>
        {t.notConfirmedBody}
      </Notice>
    );
  }
  if (!c.on) {
    return (
      <Notice appearance="warning" title={t.off}>
        {t.offBody(c.confirmedBy, t.when(c.confirmedAt))}
      </Notice>
    );
  }
  return (
    <Notice appearance="success" title={t.onTitle}>
      {t.confirmedBy(c.confirmedBy, t.when(c.confirmedAt))} {t.describeConfig(c.config)}
    </Notice>
  );
}

export default function GateStatusSection({ api, checklistId }: GateStatusSectionProps) {
  const t = useT(gateMessages);
  const describe = useErrorMessage();
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
        setSaveError(describe(error));
      },
    );
  };

  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.150', '12px') }}>
      <Heading size="medium" as="h2" id={headingId}>
        {t.doneGate}
      </Heading>
      <p style={{ margin: 0 }}>
        {t.sectionIntro}
      </p>
      {state.status === 'loading' && !status && <Loading label={t.loading} />}
      {state.status === 'error' && !status && (
        <Notice appearance="error" title={t.loadFailed}>
          {state.message} <button type="button" onClick={reload}>{t.tryAgain}</button>
        </Notice>
      )}
      {status && (
        <>
          <StatusLine status={status} />
          <GateSteps />
          {status.canConfirm ? (
            <ConfirmGate key={status.confirmation?.revision ?? 0} status={status} busy={busy} onConfirm={(on, config) => confirm(status, on, config)} />
          ) : (
            status.confirmation === null && <p style={{ margin: 0 }}>{t.adminCanConfirm}</p>
          )}
          {saveError && (
            <Notice appearance="error" title={t.notSaved}>
              {saveError}
            </Notice>
          )}
          <Heading size="small" as="h3">
            {t.inDoneWithout}
          </Heading>
          <DoneBacklog status={status} />
        </>
      )}
    </section>
  );
}
