/**
 * "Decision trail" on the Audit page, loaded lazily: the latest decisions (who, when, what,
 * before → after, why), older ones on demand, "Verify the trail", and the whole trail as CSV.
 */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { TrailApi } from '../../api/trail-api';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { useAction } from '../../hooks/useAction';
import { useResource } from '../../hooks/useResource';
import type { TrailEntryView, TrailPage } from '../../../../../common/contract';
import { blobUrl, startDownload } from '../audit-day/download';
import { trailCsv } from './export';
import { TrailEntries } from './TrailEntries';
import { VerifyTrail } from './VerifyTrail';
import { useT } from '../../i18n';
import { trailMessages } from './messages';

const PAGE = 25;

export default function TrailSection({ api }: { api: TrailApi }) {
  const t = useT(trailMessages);
  const headingId = useId();
  const { state, reload } = useResource<TrailPage>(() => api.getTrail({ limit: PAGE }), [api]);
  const [older, setOlder] = useState<{ entries: TrailEntryView[]; nextCursor?: string; people?: Record<string, string | null> } | null>(null);
  const [saved, setSaved] = useState<{ url: string; fileName: string; rows: number } | null>(null);
  const olderPage = useAction((cursor: string) => api.getTrail({ cursor, limit: PAGE }), {
    onSuccess: (page) => setOlder((current) => ({ entries: [...(current?.entries ?? []), ...page.entries], people: { ...(current?.people ?? {}), ...(page.people ?? {}) }, ...(page.nextCursor !== undefined ? { nextCursor: page.nextCursor } : {}) })),
  });
  const exporting = useAction(() => trailCsv(api, t), {
    onSuccess: ({ csv, rows, fileName }) => {
      if (saved) URL.revokeObjectURL(saved.url);
      const url = blobUrl(csv);
      setSaved({ url, fileName, rows });
      startDownload(url, fileName);
    },
  });
  const busy = olderPage.busy ? 'older' : exporting.busy ? 'export' : null;
  const problem = olderPage.error ?? exporting.error;

  const first = state.status === 'ready' ? state.value : null;
  const entries = [...(first?.entries ?? []), ...(older?.entries ?? [])];
  const nextCursor = older ? older.nextCursor : first?.nextCursor;
  const people = { ...(first?.people ?? {}), ...(older?.people ?? {}) };

  // One problem line for both: starting either forgets the other's failure.
  const showOlder = () => {
    if (nextCursor === undefined) return;
    exporting.clearError();
    void olderPage.run(nextCursor);
  };
  const download = () => {
    olderPage.clearError();
    void exporting.run();
  };

  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.200', '16px') }}>
      <Heading size="medium" as="h2" id={headingId}>
        {t.title}
      </Heading>
      <p style={{ margin: 0 }}>
        {t.intro}
      </p>
      <VerifyTrail api={api}>
        <Button onClick={download} isDisabled={busy === 'export' || first?.total === 0}>
          {busy === 'export' ? t.preparingCsv : t.downloadCsv}
        </Button>
      </VerifyTrail>
      {saved && (
        <div>
          {t.exported(saved.rows)}{' '}
          <a href={saved.url} download={saved.fileName}>
            {t.save(saved.fileName)}
          </a>
          .
        </div>
      )}
      {problem && (
        <Notice appearance="error" title={t.failed}>
          {problem}
        </Notice>
      )}
      {state.status === 'loading' && <Loading label={t.loadingTrail} />}
      {state.status === 'error' && (
        <Notice appearance="error" title={t.trailFailed} actions={<Button onClick={reload}>{t.tryAgain}</Button>}>
          {state.message}
        </Notice>
      )}
      {first && first.total === 0 && <div>{t.noDecisions}</div>}
      {entries.length > 0 && (
        <>
          <div>
            {t.showingLatest(entries.length, first?.total ?? entries.length)}
          </div>
          <TrailEntries entries={entries} people={people} />
        </>
      )}
      {nextCursor !== undefined && (
        <div>
          <Button onClick={showOlder} isDisabled={busy === 'older'}>
            {busy === 'older' ? t.loading : t.showOlder}
          </Button>
        </div>
      )}
    </section>
  );
}
