/**
 * The item panel's "Other checklists" section: the item's mappings in the site's crosswalk, both
 * ways ("covers UCS 03.01 (full)", "covered by AWS SEC-002 (partial)"), each with a link to the
 * other item's issue where the project holds it and the caller can see it, "evidence from A X"
 * where accepted evidence on an item that fully covers this one is in force, and linking by hand
 * (add or remove one mapping; the server checks Edit issues on both issues).
 */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { ItemCrosswalk, ItemMappingEntry, LinkItemPayload } from '../../../../../common/crosswalk';
import type { CrosswalkApi } from '../../api/crosswalk-api';
import { HostLink, issuePath } from '../../components/HostLink';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { useAction } from '../../hooks/useAction';
import { useResource } from '../../hooks/useResource';
import { english, useT } from '../../i18n';
import { LinkForm } from './LinkForm';
import { crosswalkMessages } from './messages';
import type { CrosswalkMessages } from './messages.en';

const subtle = { color: token('color.text.subtle', '#44546F') };
const section = { display: 'grid', gap: token('space.100', '8px') } as const;

export function mappingLine(entry: ItemMappingEntry, t: CrosswalkMessages = english(crosswalkMessages)): string {
  return t.mappingLine(entry);
}

export function ItemMappings({ api, refreshKey }: { api: CrosswalkApi; refreshKey?: unknown }) {
  const t = useT(crosswalkMessages);
  const { state, reload } = useResource(() => api.getItemCrosswalk(), [api, refreshKey]);
  const [latest, setLatest] = useState<ItemCrosswalk | null>(null);
  const link = useAction((payload: LinkItemPayload) => api.linkItemCrosswalk(payload), { onSuccess: setLatest });

  if (state.status === 'loading' || state.status === 'idle') return <Loading label={t.loadingMappings} />;
  if (state.status === 'error') {
    return (
      <Notice appearance="warning" title={t.mappingsFailed} actions={<Button onClick={reload}>{t.tryAgain}</Button>}>
        {state.message}
      </Notice>
    );
  }
  const view = latest ?? state.value;
  if (view.checklistId === null) return null;
  const linkable = view.linkable ?? [];
  if (view.mappings.length === 0 && linkable.length === 0) return null;
  const remove = (entry: ItemMappingEntry) =>
    void link.run({ checklistId: entry.checklistId, itemId: entry.itemId, direction: entry.direction, coverage: entry.coverage, remove: true });

  return (
    <section aria-label={t.otherChecklists} style={section}>
      <Heading size="xsmall" as="h3">
        {t.otherChecklists}
      </Heading>
      {view.mappings.length === 0 ? (
        <div style={subtle}>{t.noMappings}</div>
      ) : (
        <ul aria-label={t.mappingsLabel} style={{ margin: 0, paddingLeft: 20, display: 'grid', gap: token('space.050', '4px') }}>
          {view.mappings.map((entry) => (
            <li key={`${entry.direction}:${entry.checklistId}:${entry.itemId}`}>
              <MappingEntry entry={entry} />
              {/* A mapping named by an earlier version is changed by uploading the crosswalk again: it names the old ids. */}
              {view.canEdit && entry.state === 'held' && entry.renamedFrom === undefined && entry.earlierVersion === undefined && (
                <>
                  {' '}
                  <Button appearance="subtle" spacing="compact" isDisabled={link.busy} onClick={() => remove(entry)} aria-label={t.removeLabel(mappingLine(entry, t))}>
                    {t.remove}
                  </Button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {link.error && (
        <Notice appearance="error" title={t.notChanged}>
          {link.error}
        </Notice>
      )}
      {view.canEdit && linkable.length > 0 && <LinkForm checklists={linkable} busy={link.busy} onLink={(payload) => link.run(payload)} />}
    </section>
  );
}

function MappingEntry({ entry }: { entry: ItemMappingEntry }) {
  const t = useT(crosswalkMessages);
  const line = mappingLine(entry, t);
  return (
    <span>
      {entry.issueKey ? <HostLink path={issuePath(entry.issueKey)}>{line}</HostLink> : line}
      {entry.title ? ` ${entry.title}` : ''}
      {t.stateWords[entry.state]}
      {entry.renamedFrom !== undefined && <span style={subtle}>{t.renamedFrom(entry.renamedFrom)}</span>}
      {entry.renamedFrom === undefined && entry.earlierVersion && <span style={subtle}>{t.earlierVersion}</span>}
      {entry.note !== undefined && <span style={subtle}> — {entry.note}</span>}
      {entry.evidence && entry.evidence.titles.length > 0 && (
        <div data-testid="evidence-from">
          {t.evidenceFrom(entry.checklistName, entry.itemId, entry.evidence.titles.join(', '))}
        </div>
      )}
    </span>
  );
}
