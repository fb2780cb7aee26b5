/**
 * "Crosswalk between checklists" on the Audit page's Evidence and risks tab, under what the
 * crosswalk does for this checklist: what a crosswalk is and the door to uploading one (the upload
 * itself loads only when opened). Everyone may preview a file; saving needs Administer Jira.
 */
import { lazy, Suspense, useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { CrosswalkApi } from '../../api/crosswalk-api';
import { Loading } from '../../components/Loading';
import { useT } from '../../i18n';
import { crosswalkMessages } from './messages';

const CrosswalkUpload = lazy(() => import('./CrosswalkUpload'));

export function CrosswalkSection({ api, onSaved }: { api: CrosswalkApi; onSaved: () => void }) {
  const t = useT(crosswalkMessages);
  const headingId = useId();
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.150', '12px'), marginTop: token('space.300', '24px') }}>
      <Heading size="small" as="h2" id={headingId}>
        {t.sectionTitle}
      </Heading>
      <p style={{ margin: 0 }}>{t.sectionBody}</p>
      {open ? (
        <Suspense fallback={<Loading label={t.loadingUpload} />}>
          <CrosswalkUpload
            api={api}
            onDone={(saved) => {
              setOpen(false);
              if (saved) onSaved();
            }}
          />
        </Suspense>
      ) : (
        <div>
          <Button onClick={() => setOpen(true)}>{t.upload}</Button>
        </div>
      )}
    </section>
  );
}
