/**
 * The printable audit report (a view of its own inside the app): the summary, then chapter by
 * chapter, item by item with evidence and every evidence note (what it is, where the auditor finds it); a
 * waived item reads "Waived: <waiver>, by <who>, on <day>" and an N/A one "N/A: <justification>",
 * never "Met" (the CSV's words). It opens the browser's print dialog once loaded, from which
 * the report can be saved as PDF; print.css lays it out for paper.
 */
import { useEffect, useRef } from 'react';
import Button from '@atlaskit/button/new';
import type { AuditDayApi } from '../../api/audit-day-api';
import { HostLink, issuePath } from '../../components/HostLink';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { useResource } from '../../hooks/useResource';
import type { AuditExportReport, AuditReport, AuditReportChapter, AuditReportItem, WaiverView } from '../../../../../common/contract';
import './print.css';

export interface PrintViewProps {
  api: AuditDayApi;
  checklistId: string;
  onBack: () => void;
  /** Open the print dialog as soon as the report is on screen (default true). */
  autoPrint?: boolean;
}

export default function PrintView({ api, checklistId, onBack, autoPrint = true }: PrintViewProps) {
  const { state, reload } = useResource<AuditExportReport>(() => api.exportReport(checklistId), [api, checklistId]);
  const printed = useRef(false);
  const ready = state.status === 'ready';
  useEffect(() => {
    if (!ready || !autoPrint || printed.current) return;
    printed.current = true;
    // After the paint, so the dialog shows the report rather than the loading spinner.
    const timer = setTimeout(() => window.print(), 0);
    return () => clearTimeout(timer);
  }, [ready, autoPrint]);

  return (
    <div>
      <div className="audit-report-toolbar">
        <Button onClick={onBack}>Back to the Audit page</Button>
        <Button appearance="primary" isDisabled={!ready} onClick={() => window.print()}>
          Print or save as PDF
        </Button>
      </div>
      {state.status === 'loading' && <Loading label="Preparing the audit report" />}
      {state.status === 'error' && (
        <div style={{ padding: 24 }}>
          <Notice appearance="error" title="Could not prepare the audit report" actions={<Button onClick={reload}>Try again</Button>}>
            {state.message}
          </Notice>
        </div>
      )}
      {state.status === 'ready' && <Report report={state.value.report} />}
    </div>
  );
}

function Report({ report }: { report: AuditReport }) {
  const points = report.model === 'points';
  const score = points
    ? `${report.score} / ${report.maxScore}${report.passMark !== null ? ` (pass mark ${report.passMark})` : ''}`
    : `${report.score} of ${report.maxScore} items met, N/A or waived`;
  return (
    <article className="audit-report" aria-label="Audit report">
      <h1>
        Audit report: {report.checklistName} {report.version}
      </h1>
      <p className="meta">
        Project {report.projectKey} · generated {report.generatedAt.slice(0, 16).replace('T', ' ')} UTC
      </p>
      <dl className="summary" data-testid="report-summary">
        <dt>Score</dt>
        <dd>{score}</dd>
        <dt>Verdict</dt>
        <dd>{report.passed ? 'Would pass if the audit were today' : 'Would not pass yet'}</dd>
        <dd>Readiness against the checklist, judged from the project’s issues: not the program’s own decision.</dd>
        {report.validityMessage && (
          <>
            <dt>Checklist version</dt>
            <dd>{report.validityMessage}</dd>
          </>
        )}
        {report.naRefused && report.naRefused.length > 0 && (
          <>
            <dt>N/A not allowed</dt>
            <dd>{report.naRefused.join(', ')}: answered N/A where the checklist does not allow it, counted as not met</dd>
          </>
        )}
        <dt>Items</dt>
        <dd>
          {report.counts.waived === undefined ? `${report.counts.met} met or waived` : `${report.counts.met} met · ${report.counts.waived} waived`} ·{' '}
          {report.counts.na} N/A · {report.counts.notMet} not met · {report.counts.notAssessed} not assessed · {report.counts.total} in all
        </dd>
        <dt>Open mandatory items</dt>
        <dd>{report.mandatoryOpen.length > 0 ? report.mandatoryOpen.join(', ') : 'None'}</dd>
        <dt>Chapter dry runs</dt>
        <dd>
          {report.reviewCounts.reviewed} reviewed · {report.reviewCounts.stale} stale · {report.reviewCounts.notReviewed} not yet
        </dd>
        <dt>Waivers in force</dt>
        <dd>
          {report.waivers.length > 0
            ? report.waivers.map((waiver) => `${waiver.name}: ${waiver.reason} (applied by ${waiver.appliedBy} on ${waiver.appliedAt.slice(0, 10)})${proofWords(waiver)}`).join(' · ')
            : 'None'}
        </dd>
        {!report.evidenceAvailable && (
          <>
            <dt>Evidence</dt>
            <dd>The evidence field is not installed in this Jira site, so no evidence is listed.</dd>
          </>
        )}
      </dl>
      {report.chapters.map((chapter) => (
        <ChapterSection key={chapter.id} chapter={chapter} points={points} />
      ))}
    </article>
  );
}

function ChapterSection({ chapter, points }: { chapter: AuditReportChapter; points: boolean }) {
  return (
    <section className="chapter" aria-label={chapter.title}>
      <h2>{chapter.title}</h2>
      <p className="meta">
        {points ? `${chapter.earned} of ${chapter.max} points · ` : ''}
        {chapter.met} of {chapter.total} met, N/A or waived · dry run: {chapter.review}
        {chapter.waiver ? ` · waived: ${chapter.waiver}` : ''}
      </p>
      {chapter.reviewNote && <p className="meta">Dry-run note: “{chapter.reviewNote}”</p>}
      {chapter.items.map((item) => (
        <ItemBlock key={item.id} item={item} />
      ))}
    </section>
  );
}

function ItemBlock({ item }: { item: AuditReportItem }) {
  return (
    <div className="item" data-item={item.id}>
      <h3>
        {item.id} {item.title}
        {item.mandatory ? ' (mandatory)' : ''}
        {item.points !== null ? ` · ${item.points} points` : ''}
      </h3>
      <dl>
        <dt>Result</dt>
        <dd>
          <span className={`result-${item.waived ? 'waived' : item.result}`}>{item.resultWords}</span> — {item.why}
        </dd>
        <dt>Issue</dt>
        <dd>
          {item.issueKey ? (
            <>
              <HostLink path={issuePath(item.issueKey)}>{item.issueKey}</HostLink> · {item.status}
            </>
          ) : (
            item.status
          )}
        </dd>
        <dt>Owner</dt>
        <dd>{item.owner || '—'}</dd>
        {item.waiver && (
          <>
            <dt>Waiver</dt>
            <dd>{item.waiver}</dd>
          </>
        )}
        <dt>Evidence</dt>
        <dd>
          {item.evidence.length === 0 ? (
            'None recorded'
          ) : (
            <ul className="evidence">
              {item.evidence.map((entry, index) => (
                <li key={`${entry.title}-${index}`}>
                  {entry.url ? (
                    // Through the host: the sandboxed iframe may neither open a window nor leave the app.
                    <HostLink path={entry.url}>{entry.title}</HostLink>
                  ) : (
                    entry.title
                  )}{' '}
                  ({entry.kind}, {entry.reviewState}
                  {entry.expiryDate ? `, expires ${entry.expiryDate}` : ''})
                  {entry.note && <div className="evidence-note">{entry.note}</div>}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </div>
  );
}

/** "; proof: ISO 27001 certificate (https://…), valid until 2028-05-31, lapses on 2028-06-01", lapsed, or "no proof on record". */
function proofWords(waiver: WaiverView): string {
  const { proof } = waiver;
  if (!proof) return waiver.source === 'named' ? '; no proof on record' : '';
  const where = proof.url ?? proof.note;
  const lapse = waiver.lapsed ? `lapsed on ${waiver.lapsesOn ?? ''}: its proof expired` : `lapses on ${waiver.lapsesOn ?? ''}`;
  return `; proof: ${proof.title}${where !== undefined ? ` (${where})` : ''}, valid until ${proof.expiryDate}, ${lapse}`;
}
