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

const CrosswalkUpload = lazy(() => import('./CrosswalkUpload'));

export function CrosswalkSection({ api, onSaved }: { api: CrosswalkApi; onSaved: () => void }) {
  const headingId = useId();
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.150', '12px'), marginTop: token('space.300', '24px') }}>
      <Heading size="small" as="h2" id={headingId}>
        Crosswalk between checklists
      </Heading>
      <p style={{ margin: 0 }}>
        A crosswalk says which item of one checklist covers an item of another, so evidence collected once shows on every audit it serves. It applies to every
        project of the site; items can also be linked one by one from an item&rsquo;s issue.
      </p>
      {open ? (
        <Suspense fallback={<Loading label="Loading the crosswalk upload" />}>
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
          <Button onClick={() => setOpen(true)}>Upload a crosswalk</Button>
        </div>
      )}
    </section>
  );
}
