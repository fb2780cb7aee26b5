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
import { useT } from '../../i18n';
import type { AuditExportReport, AuditReport, AuditReportChapter, AuditReportItem, WaiverView } from '../../../../../common/contract';
import { auditDayMessages } from './messages';
import type { AuditDayMessages } from './messages.en';
import './print.css';

type PrintWords = AuditDayMessages['print'];

export interface PrintViewProps {
  api: AuditDayApi;
  checklistId: string;
  onBack: () => void;
  /** Open the print dialog as soon as the report is on screen (default true). */
  autoPrint?: boolean;
}

export default function PrintView({ api, checklistId, onBack, autoPrint = true }: PrintViewProps) {
  const words = useT(auditDayMessages);
  const t = words.print;
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
        <Button onClick={onBack}>{t.back}</Button>
        <Button appearance="primary" isDisabled={!ready} onClick={() => window.print()}>
          {t.printButton}
        </Button>
      </div>
      {state.status === 'loading' && <Loading label={t.preparing} />}
      {state.status === 'error' && (
        <div style={{ padding: 24 }}>
          <Notice appearance="error" title={t.prepareFailed} actions={<Button onClick={reload}>{words.tryAgain}</Button>}>
            {state.message}
          </Notice>
        </div>
      )}
      {state.status === 'ready' && <Report report={state.value.report} people={state.value.people ?? {}} />}
    </div>
  );
}

function Report({ report, people }: { report: AuditReport; people: Record<string, string | null> }) {
  const t = useT(auditDayMessages).print;
  const points = report.model === 'points';
  const score = points ? t.pointsScore(report.score, report.maxScore, report.passMark) : t.metScore(report.score, report.maxScore);
  return (
    <article className="audit-report" aria-label={t.report}>
      <h1>{t.heading(report.checklistName, report.version)}</h1>
      <p className="meta">{t.meta(report.projectKey, report.generatedAt)}</p>
      <dl className="summary" data-testid="report-summary">
        <dt>{t.score}</dt>
        <dd>{score}</dd>
        <dt>{t.verdict}</dt>
        <dd>{report.passed ? t.wouldPass : t.wouldNotPass}</dd>
        <dd>{t.readiness}</dd>
        {report.validityMessage && (
          <>
            <dt>{t.checklistVersion}</dt>
            <dd>{report.validityMessage}</dd>
          </>
        )}
        {report.naRefused && report.naRefused.length > 0 && (
          <>
            <dt>{t.naNotAllowed}</dt>
            <dd>{t.naRefused(report.naRefused.join(', '))}</dd>
          </>
        )}
        <dt>{t.items}</dt>
        <dd>
          {report.counts.waived === undefined ? t.metOrWaived(report.counts.met) : t.metAndWaived(report.counts.met, report.counts.waived)} ·{' '}
          {t.counts(report.counts.na, report.counts.notMet, report.counts.notAssessed, report.counts.total)}
        </dd>
        <dt>{t.openMandatory}</dt>
        <dd>{report.mandatoryOpen.length > 0 ? report.mandatoryOpen.join(', ') : t.none}</dd>
        <dt>{t.dryRuns}</dt>
        <dd>{t.dryRunCounts(report.reviewCounts.reviewed, report.reviewCounts.stale, report.reviewCounts.notReviewed)}</dd>
        <dt>{t.waiversInForce}</dt>
        <dd data-testid="report-waivers">
          {report.waivers.length > 0
            ? report.waivers
                .map((waiver) => `${t.waiverLine(waiver.name, waiver.reason, people[waiver.appliedBy] ?? waiver.appliedBy, waiver.appliedAt)}${proofWords(t, waiver)}`)
                .join(' · ')
            : t.none}
        </dd>
        {!report.evidenceAvailable && (
          <>
            <dt>{t.evidence}</dt>
            <dd>{t.noEvidenceField}</dd>
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
  const t = useT(auditDayMessages).print;
  return (
    <section className="chapter" aria-label={chapter.title}>
      <h2>{chapter.title}</h2>
      <p className="meta">
        {points ? t.chapterPoints(chapter.earned, chapter.max) : ''}
        {t.chapterMet(chapter.met, chapter.total, chapter.review)}
        {chapter.waiver ? t.chapterWaived(chapter.waiver) : ''}
      </p>
      {chapter.reviewNote && <p className="meta">{t.dryRunNote(chapter.reviewNote)}</p>}
      {chapter.items.map((item) => (
        <ItemBlock key={item.id} item={item} />
      ))}
    </section>
  );
}

function ItemBlock({ item }: { item: AuditReportItem }) {
  const t = useT(auditDayMessages).print;
  return (
    <div className="item" data-item={item.id}>
      <h3>
        {item.id} {item.title}
        {item.mandatory ? t.mandatory : ''}
        {item.points !== null ? t.itemPoints(item.points) : ''}
      </h3>
      <dl>
        <dt>{t.result}</dt>
        <dd>
          <span className={`result-${item.waived ? 'waived' : item.result}`}>{item.resultWords}</span> — {item.why}
        </dd>
        <dt>{t.issue}</dt>
        <dd>
          {item.issueKey ? (
            <>
              <HostLink path={issuePath(item.issueKey)}>{item.issueKey}</HostLink> · {item.status}
            </>
          ) : (
            item.status
          )}
        </dd>
        <dt>{t.owner}</dt>
        <dd>{item.owner || '—'}</dd>
        {item.waiver && (
          <>
            <dt>{t.waiver}</dt>
            <dd>{item.waiver}</dd>
          </>
        )}
        <dt>{t.evidence}</dt>
        <dd>
          {item.evidence.length === 0 ? (
            t.noneRecorded
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
                  {entry.expiryDate ? t.expires(entry.expiryDate) : ''})
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
function proofWords(t: PrintWords, waiver: WaiverView): string {
  const { proof } = waiver;
  if (!proof) return waiver.source === 'named' ? t.noProof : '';
  const where = proof.url ?? proof.note;
  const lapse = waiver.lapsed ? t.lapsed(waiver.lapsesOn ?? '') : t.lapses(waiver.lapsesOn ?? '');
  return t.proof(proof.title, where, proof.expiryDate, lapse);
}
