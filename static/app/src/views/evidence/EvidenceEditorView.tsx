/**
 * The evidence of one issue, drawn from props only: the summary, the warnings, the list with each
 * entry's actions, and the add form. The container (EvidenceEditor) owns the calls.
 */
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { Notice } from '../../components/Notice';
import type { EvidenceEntryView, ItemPanel, ReviewEvidencePayload } from '../../../../../common/contract';
import { EvidenceForm } from './EvidenceForm';
import { EvidenceList } from './EvidenceList';
import { formOf, type FormValues } from './form-values';
import { ReviewBox } from './ReviewBox';
import { useT } from '../../i18n';
import { evidenceMessages } from './messages';

export type EditorMode = { kind: 'idle' } | { kind: 'add' } | { kind: 'edit'; id: string } | { kind: 'review'; id: string } | { kind: 'remove'; id: string };

export interface EvidenceEditorViewProps {
  panel: ItemPanel;
  mode: EditorMode;
  onMode: (mode: EditorMode) => void;
  busy: boolean;
  /** Why the last change was not saved. */
  error?: string;
  onAdd: (values: FormValues) => void;
  onEdit: (entry: EvidenceEntryView, values: FormValues) => void;
  onReview: (entry: EvidenceEntryView, state: ReviewEvidencePayload['state'], note: string) => void;
  onRemove: (entry: EvidenceEntryView) => void;
}

export function EvidenceEditorView({ panel, mode, onMode, busy, error, onAdd, onEdit, onReview, onRemove }: EvidenceEditorViewProps) {
  const t = useT(evidenceMessages);
  const setMode = onMode;
  const actions = (entry: EvidenceEntryView) => {
    if (!panel.canEdit) return null;
    const open = mode.kind !== 'idle' && mode.kind !== 'add' && mode.id === entry.id ? mode.kind : undefined;
    if (open === 'edit') {
      return (
        <EvidenceForm
          initial={formOf(entry)}
          submitLabel={t.saveChanges}
          busy={busy}
          onSubmit={(values) => onEdit(entry, values)}
          onCancel={() => setMode({ kind: 'idle' })}
        />
      );
    }
    if (open === 'review') {
      return (
        <ReviewBox
          entry={entry}
          busy={busy}
          ownUnderFourEyes={panel.fourEyes && entry.addedBy === panel.viewer}
          onReview={(state, note) => onReview(entry, state, note)}
          onCancel={() => setMode({ kind: 'idle' })}
        />
      );
    }
    if (open === 'remove') {
      return (
        <>
          <span>{t.removeQuestion(entry.title)}</span>
          <Button appearance="danger" isDisabled={busy} onClick={() => onRemove(entry)}>
            {t.remove}
          </Button>
          <Button appearance="subtle" isDisabled={busy} onClick={() => setMode({ kind: 'idle' })}>
            {t.keepIt}
          </Button>
        </>
      );
    }
    const label = (verb: string) => t.actionOn(verb, entry.title);
    return (
      <>
        <Button appearance="subtle" spacing="compact" aria-label={label(t.edit)} onClick={() => setMode({ kind: 'edit', id: entry.id })}>
          {t.edit}
        </Button>
        <Button appearance="subtle" spacing="compact" aria-label={label(t.reviewAction)} onClick={() => setMode({ kind: 'review', id: entry.id })}>
          {t.reviewAction}
        </Button>
        <Button appearance="subtle" spacing="compact" aria-label={label(t.remove)} onClick={() => setMode({ kind: 'remove', id: entry.id })}>
          {t.remove}
        </Button>
      </>
    );
  };

  return (
    <div style={{ display: 'grid', gap: token('space.150', '12px') }}>
      <p data-testid="evidence-summary" style={{ margin: 0, fontWeight: 600 }}>
        {panel.summaryText}
      </p>
      {!panel.fieldInstalled && (
        <Notice appearance="warning" title={t.fieldMissing}>
          {t.fieldMissingBody}
        </Notice>
      )}
      {panel.ignored.length > 0 && (
        <Notice appearance="warning" title={t.ignoredTitle}>
          {t.ignoredBody}
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {panel.ignored.map((problem) => (
              <li key={`${problem.field}:${problem.message}`}>
                {problem.field}: {problem.message}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {panel.risks.length > 0 && (
        <Notice appearance="warning" title={t.auditorWouldAsk}>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {panel.risks.map((risk) => (
              <li key={`${risk.kind}:${risk.detail}`}>{risk.detail}</li>
            ))}
          </ul>
        </Notice>
      )}
      {error && (
        <Notice appearance="error" title={t.notSaved}>
          {error}
        </Notice>
      )}
      {/* The summary above already says "No evidence" when there is none: no second empty line. */}
      {panel.evidence.entries.length > 0 && (
        <EvidenceList entries={panel.evidence.entries} today={panel.today} actions={panel.canEdit ? actions : undefined} people={panel.people} />
      )}
      {panel.canEdit ? (
        mode.kind === 'add' ? (
          <EvidenceForm
            submitLabel={t.saveEvidence}
            busy={busy}
            onSubmit={onAdd}
            onCancel={() => setMode({ kind: 'idle' })}
          />
        ) : (
          <div>
            <Button onClick={() => setMode({ kind: 'add' })} isDisabled={busy || !panel.fieldInstalled}>
              {t.addEvidence}
            </Button>
          </div>
        )
      ) : (
        <p style={{ margin: 0, color: token('color.text.subtle', '#44546F') }}>
          {t.readOnly(panel.issueKey)}
        </p>
      )}
    </div>
  );
}
