/**
 * The dashboard gadget (`jira:dashboardGadget`): one project's audit checklist at a glance: the
 * score against the pass mark and the verdict, days to the audit, open mandatory items and open
 * findings, and the way to the project's Audit page. Its edit view chooses the project and the
 * checklist; the server checks both (as the viewer) before the configuration is saved.
 */
import { useEffect, useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { errorMessage } from '../../api/errors';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { StatusPill } from '../../components/StatusPill';
import { useResource } from '../../hooks/useResource';
import type { GadgetView as GadgetData } from '../../../../../common/contract-findings';
import type { GadgetConfig, GadgetHost } from './gadget-config';

export function Gadget({ host }: { host: GadgetHost }) {
  const [context, setContext] = useState<{ config: GadgetConfig | null; editing: boolean } | null>(null);
  const [failed, setFailed] = useState<string | undefined>(undefined);
  useEffect(() => {
    host.context().then(setContext, (error: unknown) => setFailed(errorMessage(error)));
  }, [host]);
  if (failed) return <Notice appearance="error" title="The gadget could not start">{failed}</Notice>;
  if (!context) return <Loading label="Loading the gadget" />;
  if (context.editing || !context.config) return <GadgetEdit host={host} config={context.config} editing={context.editing} />;
  return <GadgetDisplay host={host} config={context.config} />;
}

/** "850 of 1000 points (pass mark 900)" or "34 of 61 items met". */
export function scoreWords(data: Pick<GadgetData, 'model' | 'score' | 'maxScore' | 'passMark'>): string {
  if (data.model === 'points') return `${data.score} of ${data.maxScore} points${data.passMark !== null ? ` (pass mark ${data.passMark})` : ''}`;
  return `${data.score} of ${data.maxScore} items met`;
}

function daysToAuditWords(data: Pick<GadgetData, 'daysToAudit' | 'validationDate'>): string {
  if (data.daysToAudit === null || data.validationDate === null) return 'No validation date set';
  if (data.daysToAudit > 0) return `${data.daysToAudit} day${data.daysToAudit === 1 ? '' : 's'} to the audit (${data.validationDate})`;
  if (data.daysToAudit === 0) return `The audit is today (${data.validationDate})`;
  return `The audit was ${-data.daysToAudit} day${data.daysToAudit === -1 ? '' : 's'} ago (${data.validationDate})`;
}

function GadgetDisplay({ host, config }: { host: GadgetHost; config: GadgetConfig }) {
  const key = `${config.projectKey}|${config.checklistId ?? ''}`;
  const { state, reload } = useResource<GadgetData>(() => host.getGadget(config), [host, key]);
  if (state.status === 'error') {
    return (
      <Notice appearance="error" title={`Could not show ${config.projectKey}`} actions={<Button onClick={reload}>Try again</Button>}>
        {state.message}
      </Notice>
    );
  }
  if (state.status !== 'ready') return <Loading label="Loading the audit score" />;
  const data = state.value;
  const figure = { display: 'grid', gap: 2 } as const;
  const number = { fontSize: 24, fontWeight: 600 } as const;
  const subtle = { color: token('color.text.subtle', '#44546F') } as const;
  return (
    <main style={{ display: 'grid', gap: token('space.150', '12px'), padding: token('space.100', '8px') }} data-testid="gadget">
      <div>
        <strong>{data.projectName}</strong> <span style={subtle}>({data.projectKey})</span>
        <div style={subtle}>{`${data.checklistName} ${data.checklistVersion}`}</div>
      </div>
      <div>
        <StatusPill tone={data.passing ? 'success' : 'danger'}>{data.passing ? 'Would pass' : 'Would not pass'}</StatusPill> <span data-testid="gadget-verdict">{data.verdict}</span>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.300', '24px') }}>
        <div style={figure}>
          <span style={number} data-testid="gadget-score">{data.score}</span>
          <span style={subtle}>{scoreWords(data)}</span>
        </div>
        <div style={figure}>
          <span style={number} data-testid="gadget-days">{data.daysToAudit ?? '—'}</span>
          <span style={subtle}>{daysToAuditWords(data)}</span>
        </div>
        <div style={figure}>
          <span style={number} data-testid="gadget-mandatory">{data.openMandatory}</span>
          <span style={subtle}>open mandatory item{data.openMandatory === 1 ? '' : 's'}</span>
        </div>
        <div style={figure}>
          <span style={number}>{data.openFindings}</span>
          <span style={subtle}>open finding{data.openFindings === 1 ? '' : 's'}</span>
        </div>
      </div>
      <div>
        <Button onClick={() => void host.openAuditPage(data.projectKey, data.auditPageModuleKey).catch((error: unknown) => console.warn('Could not open the Audit page', error))}>
          Open the Audit page of {data.projectKey}
        </Button>
      </div>
    </main>
  );
}

function GadgetEdit({ host, config, editing }: { host: GadgetHost; config: GadgetConfig | null; editing: boolean }) {
  const ids = { project: useId(), checklist: useId() };
  const [projectKey, setProjectKey] = useState(config?.projectKey ?? '');
  const [checklistId, setChecklistId] = useState(config?.checklistId ?? '');
  const [checklists, setChecklists] = useState<GadgetData['checklists']>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const field = { display: 'grid', gap: 2 } as const;
  const wanted = (): GadgetConfig => ({ projectKey: projectKey.trim().toUpperCase(), ...(checklistId !== '' ? { checklistId } : {}) });
  const check = (then: (data: GadgetData) => Promise<void> | void) => {
    setBusy(true);
    setError(undefined);
    host
      .getGadget(wanted())
      .then(async (data) => {
        setChecklists(data.checklists);
        await then(data);
      })
      .catch((failure: unknown) => setError(errorMessage(failure)))
      .finally(() => setBusy(false));
  };
  const checklistChoices = [
    { label: 'The one the project imported last', value: '' },
    ...checklists.map((checklist) => ({ label: `${checklist.name} ${checklist.version}`, value: checklist.id })),
    ...(checklistId !== '' && !checklists.some((checklist) => checklist.id === checklistId) ? [{ label: checklistId, value: checklistId }] : []),
  ];
  return (
    <main style={{ padding: token('space.100', '8px') }}>
      {!editing && <p style={{ marginTop: 0 }}>Choose the project (and its checklist) this gadget shows.</p>}
      <form
        aria-label="Gadget settings"
        style={{ display: 'grid', gap: token('space.100', '8px'), maxWidth: 420 }}
        onSubmit={(event) => {
          event.preventDefault();
          // Checked on the server first: an unknown project or checklist is never saved.
          check(async (data) => host.submit({ projectKey: data.projectKey, checklistId: data.checklistId }));
        }}
      >
        <div style={field}>
          <label htmlFor={ids.project}>Project key</label>
          <Textfield id={ids.project} value={projectKey} maxLength={255} onChange={(event) => setProjectKey(event.currentTarget.value)} onBlur={() => projectKey.trim() !== '' && check(() => undefined)} isRequired />
        </div>
        <div style={field}>
          <label htmlFor={ids.checklist}>Checklist</label>
          <Select
            inputId={ids.checklist}
            options={checklistChoices}
            value={checklistChoices.find((choice) => choice.value === checklistId) ?? null}
            onChange={(choice) => setChecklistId(choice?.value ?? '')}
          />
        </div>
        {error && (
          <Notice appearance="error" title="Not saved">
            {error}
          </Notice>
        )}
        <div>
          <Button type="submit" appearance="primary" isDisabled={busy || projectKey.trim() === ''}>
            Save
          </Button>
        </div>
      </form>
    </main>
  );
}
