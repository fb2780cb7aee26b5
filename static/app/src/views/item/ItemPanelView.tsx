/**
 * Module `audit-item-panel` (issue panel): the checklist item this issue stands for — id, chapter,
 * requirement, points, mandatory — its current result and why, the team's assessment and
 * complexity (N/A as the checklist allows it), verdict data changed outside the app (shown, never
 * counted), its evidence with add, edit, review and remove, and its mappings to other checklists.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { StatusPill } from '../../components/StatusPill';
import { useAction } from '../../hooks/useAction';
import { useResource } from '../../hooks/useResource';
import type { ItemPanel, SetAssessmentPayload } from '../../../../../common/contract';
import { RESULT_TONES } from '../audit/format';
import { EvidenceEditor } from '../evidence/EvidenceEditor';
import { useEvidenceApi } from '../evidence/use-issue-services';
import { useEvidenceSync } from '../evidence/use-evidence-sync';
import { evidenceMessages } from '../evidence/messages';
import { ItemHistory } from '../trail/ItemHistory';
import { AssessmentForm } from './AssessmentForm';
import { useServices } from '../../api/services';
import { ItemMappings } from '../crosswalk/ItemMappings';
import { useT } from '../../i18n';
import { itemMessages } from './messages';

const subtle = { color: token('color.text.subtle', '#44546F') };
const section = { display: 'grid', gap: token('space.100', '8px') } as const;

export default function ItemPanelView() {
  const t = useT(itemMessages);
  const ev = useT(evidenceMessages);
  const { evidence: api } = useEvidenceApi();
  const { crosswalk } = useServices();
  const { state, reload } = useResource(() => api.getItemPanel(), [api]);
  // The panel a change answered with (an assessment here, evidence below); it also reloads the history.
  const [latest, setLatest] = useState<ItemPanel | null>(null);
  // The evidence field of this issue shows the same evidence: tell it of each change, and read
  // again (quietly, the panel stays) when it or another frame changed this issue.
  const issueKey = latest?.issueKey ?? (state.status === 'ready' ? state.value.issueKey : undefined);
  const announce = useEvidenceSync(issueKey, () => {
    api.getItemPanel().then(setLatest, (error: unknown) => console.warn('Could not read the item again after a change elsewhere', error));
  });
  const changed = (next: ItemPanel) => {
    setLatest(next);
    announce(next.issueKey);
  };
  const saveAction = useAction((payload: SetAssessmentPayload) => api.setAssessment(payload), { onSuccess: changed });
  const { busy: saving, error: saveError } = saveAction;

  if (state.status === 'loading' || state.status === 'idle') return <Loading label={t.loadingItem} />;
  if (state.status === 'error') {
    return (
      <Notice appearance="error" title={t.loadFailed} actions={<Button onClick={reload}>{t.tryAgain}</Button>}>
        {state.message}
      </Notice>
    );
  }
  const panel = latest ?? state.value;
  const { item, result } = panel;
  const saveAssessment = (payload: SetAssessmentPayload) => void saveAction.run(payload);

  return (
    <main style={{ padding: token('space.100', '8px'), display: 'grid', gap: token('space.200', '16px') }}>
      {item ? (
        <section aria-label={t.checklistItem} style={section}>
          <Heading size="small" as="h2">
            {item.id} {item.title}
          </Heading>
          <div style={subtle}>
            {[
              `${item.checklistName} ${item.version}`,
              // The chapter's title only: its id is internal ("prereq"), and says nothing to a reader.
              item.chapterTitle || item.chapterId,
              item.model === 'points' ? t.points(item.points) : '',
              item.mandatory ? (item.model === 'points' ? t.mandatoryPoints(item.penalty) : t.mandatory) : t.notMandatory,
            ]
              .filter(Boolean)
              .join(' · ')}
          </div>
          {item.requirement && <p style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{item.requirement}</p>}
          {item.expectedEvidence.length > 0 && (
            <div style={subtle}>
              {t.expectedEvidence} {item.expectedEvidence.map((kind) => ev.kinds[kind]).join(', ')}
            </div>
          )}
          {result && (
            <div data-testid="item-result" style={{ display: 'flex', gap: 8, alignItems: 'baseline', flexWrap: 'wrap' }}>
              <StatusPill tone={RESULT_TONES[result.result]}>{t.results[result.result]}</StatusPill>
              <span>{result.reason}</span>
            </div>
          )}
          {panel.strictMode && <div style={subtle}>{t.strictOn}</div>}
        </section>
      ) : (
        <Notice appearance="information" title={t.notAnItem}>
          {t.notAnItemBody}
        </Notice>
      )}
      {panel.outsideChanges.length > 0 && (
        <Notice appearance="warning" title={t.changedOutside}>
          <ul aria-label={t.changedOutside} style={{ margin: 0, paddingLeft: 20 }}>
            {panel.outsideChanges.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </Notice>
      )}
      {item && (
        <section aria-label={t.assessmentRegion} style={section}>
          <AssessmentForm
            key={`${panel.assessment.result}:${panel.assessment.complexity}:${panel.assessment.justification ?? ''}`}
            assessment={panel.assessment}
            na={panel.na}
            canEdit={panel.canEdit}
            busy={saving}
            onSave={saveAssessment}
          />
          {panel.assessment.assessedBy && (
            <div style={subtle}>
              {t.assessedBy(panel.people?.[panel.assessment.assessedBy] ?? panel.assessment.assessedBy)}
              {panel.assessment.assessedAt ? t.assessedOn(panel.assessment.assessedAt) : ''}
            </div>
          )}
          {saveError && (
            <Notice appearance="error" title={t.notSaved}>
              {saveError}
            </Notice>
          )}
        </section>
      )}
      <section aria-label={t.evidence} style={section}>
        <Heading size="xsmall" as="h3">
          {t.evidence}
        </Heading>
        <EvidenceEditor panel={panel} onPanel={changed} />
      </section>
      {item && crosswalk && <ItemMappings api={crosswalk} />}
      <ItemHistory refreshKey={latest} />
    </main>
  );
}
