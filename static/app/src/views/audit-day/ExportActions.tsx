/**
 * The audit pack: a CSV of every item to download, and the printable report (a view of its own,
 * which the browser can print or save as PDF).
 */
import { useEffect, useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { errorMessage } from '../../api/errors';
import type { AuditDayApi } from '../../api/audit-day-api';
import { Notice } from '../../components/Notice';
import { blobUrl, startDownload } from './download';

interface ExportActionsProps {
  api: AuditDayApi;
  checklistId: string;
  onPrint: () => void;
}

type Saved = { url: string; fileName: string; rowCount: number };

export function ExportActions({ api, checklistId, onPrint }: ExportActionsProps) {
  const headingId = useId();
  const [working, setWorking] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);

  // The Blob URL lives while its link is offered: revoked when replaced or when the view goes.
  useEffect(() => () => {
    if (saved) URL.revokeObjectURL(saved.url);
  }, [saved]);

  const download = () => {
    setWorking(true);
    setError(undefined);
    api.exportCsv(checklistId).then(
      (result) => {
        const url = blobUrl(result.csv);
        startDownload(url, result.fileName);
        setSaved({ url, fileName: result.fileName, rowCount: result.rowCount });
        setWorking(false);
      },
      (failure: unknown) => {
        setError(errorMessage(failure));
        setWorking(false);
      },
    );
  };

  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <Heading size="small" as="h3" id={headingId}>
        Audit pack
      </Heading>
      <p style={{ margin: 0 }}>Every item with its result and why, owner, evidence, chapter dry run and waiver.</p>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button appearance="primary" onClick={download} isDisabled={working}>
          {working ? 'Preparing the CSV…' : 'Download CSV'}
        </Button>
        <Button onClick={onPrint}>Print view</Button>
      </div>
      {saved && (
        <p role="status" style={{ margin: 0 }}>
          {saved.rowCount} {saved.rowCount === 1 ? 'item' : 'items'} exported. If the download did not start,{' '}
          <a href={saved.url} download={saved.fileName}>
            save {saved.fileName}
          </a>
          .
        </p>
      )}
      {error && (
        <Notice appearance="error" title="Could not export the audit pack">
          {error}
        </Notice>
      )}
    </section>
  );
}
