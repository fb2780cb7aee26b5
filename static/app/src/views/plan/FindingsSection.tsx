/**
 * The auditor's findings on the Audit page: open findings with the days left (AWS: 10 business days
 * after the validation date), each linked to its Jira issue and item, a small form to record one,
 * and the closed ones folded away. A finding closes when its Jira issue is done.
 *
 * One submission keeps one request id across retries, so sending it again (after a timeout or a lost
 * answer) never makes a second issue; a new id is drawn once the finding is recorded.
 */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Select from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { HostLink, issuePath, searchPath } from '../../components/HostLink';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { StatusPill } from '../../components/StatusPill';
import { useResource } from '../../hooks/useResource';
import type { FindingView, FindingsView } from '../../../../../common/contract-findings';
import type { FindingsApi } from './plan-api';
import { useT } from '../../i18n';
import { planMessages, planEnglish } from './messages';
import type { PlanMessages } from './messages.en';
import { daysWords, personName } from './words';

const cell = { padding: `${token('space.075', '6px')} ${token('space.100', '8px')}`, borderBottom: `1px solid ${token('color.border', '#091E4224')}`, verticalAlign: 'top' as const, textAlign: 'left' as const };

const newRequestId = (): string => `f-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export function FindingsSection({ api, checklistId }: { api: FindingsApi; checklistId: string }) {
  const t = useT(planMessages);
  const w = t.findings;
  const headingId = useId();
  const { state, reload } = useResource<FindingsView>(() => api.listFindings(checklistId), [api, checklistId]);
  const [fresh, setFresh] = useState<FindingsView | null>(null);
  const loaded = state.status === 'ready' ? state.value : null;
  const view = fresh && fresh.checklistId === checklistId ? fresh : loaded;
  const [showClosed, setShowClosed] = useState(false);
  if (!view) {
    return (
      <section aria-labelledby={headingId}>
        <Heading size="small" as="h3" id={headingId}>
          {w.title}
        </Heading>
        {state.status === 'error' ? (
          <Notice appearance="error" title={w.loadFailed} actions={<Button onClick={reload}>{t.tryAgain}</Button>}>
            {state.message}
          </Notice>
        ) : (
          <Loading label={w.loading} />
        )}
      </section>
    );
  }
  const open = view.findings.filter((finding) => finding.state !== 'closed');
  const closed = view.findings.filter((finding) => finding.state === 'closed');
  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.100', '8px') }} data-testid="findings">
      <Heading size="small" as="h3" id={headingId}>
        {w.title}
      </Heading>
      <p style={{ margin: 0, color: token('color.text.subtle', '#44546F') }}>
        {open.length === 0 ? w.noneOpen : w.open(open.length)}
        {view.dueDate ? w.dueBy(view.dueDate) : view.aws ? w.setDate : w.end}{' '}
        {view.findings.length > 0 && <HostLink path={searchPath(view.jql)}>{w.allInJira}</HostLink>}
      </p>
      {open.length > 0 && <FindingsTable findings={open} people={view.people} label={w.openTable} />}
      {closed.length > 0 && (
        <div>
          <Button appearance="subtle" onClick={() => setShowClosed((value) => !value)}>
            {w.toggleClosed(showClosed, closed.length)}
          </Button>
          {showClosed && <FindingsTable findings={closed} people={view.people} label={w.closedTable} />}
        </div>
      )}
      {view.canRecord ? (
        <RecordFindingForm key={view.checklistId} view={view} api={api} onRecorded={setFresh} />
      ) : (
        <p style={{ margin: 0, color: token('color.text.subtle', '#44546F') }}>{w.needsEdit}</p>
      )}
    </section>
  );
}

function FindingsTable({ findings, people, label }: { findings: FindingView[]; people: Record<string, string | null>; label: string }) {
  const t = useT(planMessages);
  const w = t.findings;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-label={label}>
        <thead>
          <tr>
            <th scope="col" style={cell}>{w.colDue}</th>
            <th scope="col" style={cell}>{w.colFinding}</th>
            <th scope="col" style={cell}>{w.colItem}</th>
            <th scope="col" style={cell}>{w.colRecorded}</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((finding) => (
            <tr key={finding.id} data-state={finding.state}>
              <td style={{ ...cell, whiteSpace: 'nowrap', color: finding.state !== 'closed' && finding.daysLeft !== null && finding.daysLeft < 0 ? token('color.text.danger', '#AE2E24') : undefined }}>
                {finding.dueDate ? w.date(finding.dueDate) : w.noDueDate}
                {finding.daysLeft !== null && finding.state !== 'closed' && <div style={{ color: token('color.text.subtle', '#44546F') }}>{dueWords(finding.daysLeft, t)}</div>}
              </td>
              <td style={cell}>
                <StatusPill tone={finding.state === 'closed' ? 'success' : finding.state === 'recording' ? 'warning' : 'danger'}>{w.state[finding.state] ?? finding.state}</StatusPill>{' '}
                {finding.issueKey !== undefined ? <HostLink path={issuePath(finding.issueKey)}>{`${finding.issueKey} ${finding.summary}`}</HostLink> : finding.summary}
              </td>
              <td style={cell}>
                <HostLink path={issuePath(finding.itemIssueKey)}>{`${finding.itemId} ${finding.itemTitle}`}</HostLink>
              </td>
              <td style={cell}>
                {personName(people, finding.recordedBy, t)}, {w.date(finding.recordedAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "3 days left", "due today", "2 days overdue". */
export function dueWords(daysLeft: number, t: PlanMessages = planEnglish()): string {
  if (daysLeft === 0) return t.findings.dueToday;
  if (daysLeft > 0) return t.findings.daysLeft(daysLeft);
  return t.findings.overdue(-daysLeft, daysWords(daysLeft, t));
}

function RecordFindingForm({ view, api, onRecorded }: { view: FindingsView; api: FindingsApi; onRecorded: (view: FindingsView) => void }) {
  const w = useT(planMessages).findings;
  const describe = useErrorMessage();
  const ids = { item: useId(), summary: useId(), detail: useId() };
  const [itemId, setItemId] = useState('');
  const [summary, setSummary] = useState('');
  const [detail, setDetail] = useState('');
  const [requestId, setRequestId] = useState(newRequestId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  const field = { display: 'grid', gap: 2 } as const;
  const itemChoices = view.items.map((item) => ({ label: `${item.itemId} ${item.title}`, value: item.itemId }));
  return (
    <form
      aria-label={w.recordForm}
      style={{ display: 'grid', gap: token('space.100', '8px'), maxWidth: 640 }}
      onSubmit={(event) => {
        event.preventDefault();
        if (itemId === '' || summary.trim() === '') return;
        setBusy(true);
        setError(undefined);
        setDone(undefined);
        api.recordFinding({ checklistId: view.checklistId, itemId, summary, ...(detail.trim() !== '' ? { detail } : {}), requestId }).then(
          (result) => {
            setBusy(false);
            setDone(w.recordedAs(result.finding.issueKey, result.finding.dueDate));
            setSummary('');
            setDetail('');
            setRequestId(newRequestId());
            onRecorded(result.list);
          },
          (failure: unknown) => {
            setBusy(false);
            setError(describe(failure));
          },
        );
      }}
    >
      <div style={field}>
        <label htmlFor={ids.item}>{w.item}</label>
        <Select
          inputId={ids.item}
          options={itemChoices}
          value={itemChoices.find((choice) => choice.value === itemId) ?? null}
          onChange={(choice) => setItemId(choice?.value ?? '')}
          placeholder={w.chooseItem}
        />
      </div>
      <div style={field}>
        <label htmlFor={ids.summary}>{w.found}</label>
        <Textfield id={ids.summary} maxLength={200} value={summary} onChange={(event) => setSummary(event.currentTarget.value)} isRequired />
      </div>
      <div style={field}>
        <label htmlFor={ids.detail}>{w.detail}</label>
        <TextArea id={ids.detail} minimumRows={2} maxLength={2000} value={detail} onChange={(event) => setDetail(event.currentTarget.value)} />
      </div>
      {error && (
        <Notice appearance="error" title={w.notRecorded}>
          {error} {w.sendAgain}
        </Notice>
      )}
      {done && <p style={{ margin: 0 }} role="status">{done}</p>}
      <div>
        <Button type="submit" appearance="primary" isDisabled={busy || itemId === '' || summary.trim() === ''}>
          {busy ? w.recording : w.record}
        </Button>
      </div>
    </form>
  );
}
