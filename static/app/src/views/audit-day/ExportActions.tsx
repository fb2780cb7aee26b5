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
import { errorMessage } from '../../api/errors';
import type { AuditDayApi } from '../../api/audit-day-api';
import type { TrailApi } from '../../api/trail-api';
import { Notice } from '../../components/Notice';
import { blobUrl, startDownload } from './download';
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

const XLSX_LABELS: Record<XlsxKind, { idle: string; busy: string }> = {
  pack: { idle: 'Audit pack (.xlsx)', busy: 'Building the audit pack…' },
  aws: { idle: 'AWS self-assessment (.xlsx)', busy: 'Building the AWS workbook…' },
};

export function ExportActions({ api, checklistId, onPrint, trail }: ExportActionsProps) {
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
    setError(errorMessage(failure));
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
    setProgress({ step: 'Loading the spreadsheet writer…', fraction: 0 });
    import('./xlsx-export')
      .then(({ buildXlsxExport }) => buildXlsxExport(kind, { exportPack, ...(trail ? { trail } : {}) }, checklistId, (next) => mounted.current && setProgress(next)))
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
        Audit pack
      </Heading>
      <p style={{ margin: 0 }}>Every item with its result and why, owner, evidence, chapter dry run and waiver.</p>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button appearance="primary" onClick={download} isDisabled={working !== null}>
          {working === 'csv' ? 'Preparing the CSV…' : 'Download CSV'}
        </Button>
        {exportPack &&
          (['pack', 'aws'] as const).map((kind) => (
            <Button key={kind} onClick={() => downloadXlsx(kind)} isDisabled={working !== null}>
              {working === kind ? XLSX_LABELS[kind].busy : XLSX_LABELS[kind].idle}
            </Button>
          ))}
        <Button onClick={onPrint}>Print view</Button>
      </div>
      {exportPack && (
        <p style={{ margin: 0, color: token('color.text.subtle', '#44546F') }}>
          The .xlsx pack has Summary, Items, Evidence, Waivers and N/A sheets and the decision trail. The AWS self-assessment (AWS MSP checklists only) is the workbook AWS asks for, with Met? filled in; it imports again with Bring your own checklist.
        </p>
      )}
      {progress && (
        <div style={{ display: 'grid', gap: 4 }}>
          <ProgressBar ariaLabel="Building the workbook" value={progress.fraction} />
          <p role="status" style={{ margin: 0 }}>
            {progress.step}
          </p>
        </div>
      )}
      {saved && (
        <p role="status" style={{ margin: 0 }}>
          {saved.rowCount} {saved.rowCount === 1 ? 'item' : 'items'} exported. If the download did not start,{' '}
          <a href={saved.url} download={saved.fileName}>
            save {saved.fileName}
          </a>
          .
        </p>
      )}
      {saved?.hiddenItems && saved.hiddenItems.length > 0 && (
        <Notice appearance="warning" title={`${saved.hiddenItems.length} ${saved.hiddenItems.length === 1 ? 'item is' : 'items are'} in the file without their issue`}>
          You cannot see the issues of {saved.hiddenItems.join(', ')} (issue security), so the file has their catalogue entry only, as not assessed (No in the AWS workbook). Ask someone who can see them to export the pack.
        </Notice>
      )}
      {error && (
        <Notice appearance="error" title="Could not export the audit pack">
          {error}
        </Notice>
      )}
    </section>
  );
}
