/**
 * The audit pack: a CSV of every item to download, the printable report (a view of its own, which
 * the browser can print or save as PDF), and two workbooks built here in the browser: the audit
 * pack as .xlsx and, for an AWS MSP checklist, the AWS self-assessment workbook (xlsx-export.ts).
 */
import { useEffect, useId, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import ProgressBar from '@atlaskit/progress-bar';
import { token } from '@atlaskit/tokens';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import type { AuditDayApi } from '../../api/audit-day-api';
import type { TrailApi } from '../../api/trail-api';
import { Notice } from '../../components/Notice';
import { useT } from '../../i18n';
import { blobUrl, startDownload } from './download';
import { auditDayMessages } from './messages';
import type { XlsxKind, XlsxProgress } from './xlsx-export';

interface ExportActionsProps {
  api: AuditDayApi;
  checklistId: string;
  onPrint: () => void;
  /** The decision trail, put in the .xlsx pack when the project has one. */
  trail?: TrailApi;
}

type Saved = { url: string; fileName: string; rowCount: number; hiddenItems?: string[] };
type Working = 'csv' | XlsxKind | null;

export function ExportActions({ api, checklistId, onPrint, trail }: ExportActionsProps) {
  const t = useT(auditDayMessages).exports;
  const describe = useErrorMessage();
  const headingId = useId();
  const [working, setWorking] = useState<Working>(null);
  const [progress, setProgress] = useState<XlsxProgress | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // The Blob URL lives while its link is offered: revoked when replaced or when the view goes.
  useEffect(() => () => {
    if (saved) URL.revokeObjectURL(saved.url);
  }, [saved]);

  const fail = (failure: unknown) => {
    if (!mounted.current) return;
    setError(describe(failure));
    setWorking(null);
    setProgress(null);
  };

  const download = () => {
    setWorking('csv');
    setError(undefined);
    api.exportCsv(checklistId).then((result) => {
      if (!mounted.current) return;
      const url = blobUrl(result.csv);
      startDownload(url, result.fileName);
      setSaved({ url, fileName: result.fileName, rowCount: result.rowCount });
      setWorking(null);
    }, fail);
  };

  const exportPack = api.exportPack?.bind(api);
  const downloadXlsx = (kind: XlsxKind) => {
    if (!exportPack) return;
    setWorking(kind);
    setError(undefined);
    setProgress({ step: t.loadingWriter, fraction: 0 });
    import('./xlsx-export')
      .then(({ buildXlsxExport }) => buildXlsxExport(kind, { exportPack, ...(trail ? { trail } : {}) }, checklistId, (next) => mounted.current && setProgress(next), t.progress))
      .then((result) => {
        if (!mounted.current) return;
        const url = URL.createObjectURL(result.blob);
        startDownload(url, result.fileName);
        setSaved({ url, fileName: result.fileName, rowCount: result.itemCount, hiddenItems: result.hiddenItems });
        setWorking(null);
        setProgress(null);
      }, fail);
  };

  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <Heading size="small" as="h3" id={headingId}>
        {t.title}
      </Heading>
      <p style={{ margin: 0 }}>{t.body}</p>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button appearance="primary" onClick={download} isDisabled={working !== null}>
          {working === 'csv' ? t.preparingCsv : t.downloadCsv}
        </Button>
        {exportPack &&
          (['pack', 'aws'] as const).map((kind) => (
            <Button key={kind} onClick={() => downloadXlsx(kind)} isDisabled={working !== null}>
              {working === kind ? t.xlsx[kind].busy : t.xlsx[kind].idle}
            </Button>
          ))}
        <Button onClick={onPrint}>{t.printView}</Button>
      </div>
      {exportPack && (
        <p style={{ margin: 0, color: token('color.text.subtle', '#44546F') }}>
          {t.xlsxHint}
        </p>
      )}
      {progress && (
        <div style={{ display: 'grid', gap: 4 }}>
          <ProgressBar ariaLabel={t.building} value={progress.fraction} />
          <p role="status" style={{ margin: 0 }}>
            {progress.step}
          </p>
        </div>
      )}
      {saved && (
        <p role="status" style={{ margin: 0 }}>
          {t.exported(saved.rowCount)}{' '}
          <a href={saved.url} download={saved.fileName}>
            {t.saveFile(saved.fileName)}
          </a>
          .
        </p>
      )}
      {saved?.hiddenItems && saved.hiddenItems.length > 0 && (
        <Notice appearance="warning" title={t.hiddenTitle(saved.hiddenItems.length)}>
          {t.hiddenBody(saved.hiddenItems.join(', '))}
        </Notice>
      )}
      {error && (
        <Notice appearance="error" title={t.failed}>
          {error}
        </Notice>
      )}
    </section>
  );
}
