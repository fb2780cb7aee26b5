/**
 * The evidence of one issue with add, edit, review and remove. Every change goes to a resolver,
 * which validates it, writes it to Jira as the user and answers with the new panel; the editor only
 * ever shows what the server answered. This is the container: the calls and the open form; the
 * drawing is EvidenceEditorView's.
 */
import { useState } from 'react';
import type { ItemPanel } from '../../../../../common/contract';
import { useAction } from '../../hooks/useAction';
import { EvidenceEditorView, type EditorMode } from './EvidenceEditorView';
import { toInput, toPatch } from './form-values';
import { useEvidenceApi } from './use-issue-services';

interface EvidenceEditorProps {
  panel: ItemPanel;
  onPanel: (panel: ItemPanel) => void;
}

export function EvidenceEditor({ panel, onPanel }: EvidenceEditorProps) {
  const { evidence: api } = useEvidenceApi();
  const [mode, setMode] = useState<EditorMode>({ kind: 'idle' });
  const change = useAction((call: () => Promise<ItemPanel>) => call(), {
    onSuccess: (next) => {
      setMode({ kind: 'idle' });
      onPanel(next);
    },
  });
  const run = (call: () => Promise<ItemPanel>) => void change.run(call);

  return (
    <EvidenceEditorView
      panel={panel}
      mode={mode}
      onMode={setMode}
      busy={change.busy}
      error={change.error}
      onAdd={(values) => run(() => api.addEvidence(toInput(values)))}
      onEdit={(entry, values) => run(() => api.editEvidence(entry.id, toPatch(entry, values)))}
      onReview={(entry, state, note) => run(() => api.reviewEvidence({ id: entry.id, state, ...(note.trim() ? { note } : {}) }))}
      onRemove={(entry) => run(() => api.removeEvidence(entry.id))}
    />
  );
}
