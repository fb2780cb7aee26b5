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
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { StatusPill } from '../../components/StatusPill';
import { useResource } from '../../hooks/useResource';
import type { GadgetView as GadgetData } from '../../../../../common/contract-findings';
import type { GadgetConfig, GadgetHost } from './gadget-config';
import { useT } from '../../i18n';
import { gadgetEnglish, gadgetMessages } from './messages';
import type { GadgetMessages } from './messages.en';

export function Gadget({ host }: { host: GadgetHost }) {
  const t = useT(gadgetMessages);
  const describe = useErrorMessage();
  const [context, setContext] = useState<{ config: GadgetConfig | null; editing: boolean } | null>(null);
  const [failed, setFailed] = useState<string | undefined>(undefined);
  useEffect(() => {
    host.context().then(setContext, (error: unknown) => setFailed(describe(error)));
  }, [host, describe]);
  if (failed) return <Notice appearance="error" title={t.startFailed}>{failed}</Notice>;
  if (!context) return <Loading label={t.loadingGadget} />;
  if (context.editing || !context.config) return <GadgetEdit host={host} config={context.config} editing={context.editing} />;
  return <GadgetDisplay host={host} config={context.config} />;
}

/** "850 of 1000 points (pass mark 900)" or "34 of 61 items met". */
export function scoreWords(data: Pick<GadgetData, 'model' | 'score' | 'maxScore' | 'passMark'>, t: GadgetMessages = gadgetEnglish()): string {
  if (data.model === 'points') return t.pointsScore(data.score, data.maxScore, data.passMark);
  return t.metScore(data.score, data.maxScore);
}

function daysToAuditWords(data: Pick<GadgetData, 'daysToAudit' | 'validationDate'>, t: GadgetMessages): string {
  if (data.daysToAudit === null || data.validationDate === null) return t.noValidationDate;
  if (data.daysToAudit > 0) return t.daysToAudit(data.daysToAudit, data.validationDate);
  if (data.daysToAudit === 0) return t.auditToday(data.validationDate);
  return t.auditAgo(-data.daysToAudit, data.validationDate);
}

function GadgetDisplay({ host, config }: { host: GadgetHost; config: GadgetConfig }) {
  const t = useT(gadgetMessages);
  const key = `${config.projectKey}|${config.checklistId ?? ''}`;
  const { state, reload } = useResource<GadgetData>(() => host.getGadget(config), [host, key]);
  if (state.status === 'error') {
    return (
      <Notice appearance="error" title={t.couldNotShow(config.projectKey)} actions={<Button onClick={reload}>{t.tryAgain}</Button>}>
        {state.message}
      </Notice>
    );
  }
  if (state.status !== 'ready') return <Loading label={t.loadingScore} />;
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
        <StatusPill tone={data.passing ? 'success' : 'danger'}>{data.passing ? t.wouldPass : t.wouldNotPass}</StatusPill> <span data-testid="gadget-verdict">{data.verdict}</span>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.300', '24px') }}>
        <div style={figure}>
          <span style={number} data-testid="gadget-score">{data.score}</span>
          <span style={subtle}>{scoreWords(data, t)}</span>
        </div>
        <div style={figure}>
          <span style={number} data-testid="gadget-days">{data.daysToAudit ?? '—'}</span>
          <span style={subtle}>{daysToAuditWords(data, t)}</span>
        </div>
        <div style={figure}>
          <span style={number} data-testid="gadget-mandatory">{data.openMandatory}</span>
          <span style={subtle}>{t.openMandatory(data.openMandatory)}</span>
        </div>
        <div style={figure}>
          <span style={number}>{data.openFindings}</span>
          <span style={subtle}>{t.openFindings(data.openFindings)}</span>
        </div>
      </div>
      <div>
        <Button onClick={() => void host.openAuditPage(data.projectKey, data.auditPageModuleKey).catch((error: unknown) => console.warn('Could not open the Audit page', error))}>
          {t.openAuditPage(data.projectKey)}
        </Button>
      </div>
    </main>
  );
}

function GadgetEdit({ host, config, editing }: { host: GadgetHost; config: GadgetConfig | null; editing: boolean }) {
  const t = useT(gadgetMessages);
  const describe = useErrorMessage();
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
      .catch((failure: unknown) => setError(describe(failure)))
      .finally(() => setBusy(false));
  };
  const checklistChoices = [
    { label: t.lastImported, value: '' },
    ...checklists.map((checklist) => ({ label: `${checklist.name} ${checklist.version}`, value: checklist.id })),
    ...(checklistId !== '' && !checklists.some((checklist) => checklist.id === checklistId) ? [{ label: checklistId, value: checklistId }] : []),
  ];
  return (
    <main style={{ padding: token('space.100', '8px') }}>
      {!editing && <p style={{ marginTop: 0 }}>{t.choose}</p>}
      <form
        aria-label={t.settings}
        style={{ display: 'grid', gap: token('space.100', '8px'), maxWidth: 420 }}
        onSubmit={(event) => {
          event.preventDefault();
          // Checked on the server first: an unknown project or checklist is never saved.
          check(async (data) => host.submit({ projectKey: data.projectKey, checklistId: data.checklistId }));
        }}
      >
        <div style={field}>
          <label htmlFor={ids.project}>{t.projectKey}</label>
          <Textfield id={ids.project} value={projectKey} maxLength={255} onChange={(event) => setProjectKey(event.currentTarget.value)} onBlur={() => projectKey.trim() !== '' && check(() => undefined)} isRequired />
        </div>
        <div style={field}>
          <label htmlFor={ids.checklist}>{t.checklist}</label>
          <Select
            inputId={ids.checklist}
            options={checklistChoices}
            value={checklistChoices.find((choice) => choice.value === checklistId) ?? null}
            onChange={(choice) => setChecklistId(choice?.value ?? '')}
          />
        </div>
        {error && (
          <Notice appearance="error" title={t.notSaved}>
            {error}
          </Notice>
        )}
        <div>
          <Button type="submit" appearance="primary" isDisabled={busy || projectKey.trim() === ''}>
            {t.save}
          </Button>
        </div>
      </form>
    </main>
  );
}
