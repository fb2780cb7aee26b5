/**
 * The checklist's own settings: its name, which framework it versions and which version it is
 * (together they give the id), and how it is scored. A new version of a saved checklist is chosen
 * from the list so the framework matches and the Audit page can offer "Update to version".
 */
import { useId, type ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { ChecklistSummary } from '../../../../../common/contract';
import type { MetaDraft } from './upload-model';
import { section, subtle } from './styles';
import { useT } from '../../i18n';
import { uploadMessages } from './messages';
import type { UploadMessages } from './messages.en';

interface Choice<V extends string> {
  label: string;
  value: V;
}

/** An Atlaskit Select of plain choices, labelled by the Field's <label> through its input id. */
function Choose<V extends string>({ id, choices, value, onChange }: { id: string; choices: Choice<V>[]; value: V; onChange: (value: V) => void }) {
  return <Select<Choice<V>> inputId={id} options={choices} value={choices.find((choice) => choice.value === value) ?? null} onChange={(choice) => choice && onChange(choice.value)} />;
}

const MODELS: MetaDraft['model'][] = ['met', 'points'];
const NA_RULES: MetaDraft['naRule'][] = ['justified', 'free', 'exemptions'];

interface MetaFormProps {
  draft: MetaDraft;
  /** The AWS workbook: N/A only through its published exemptions, not a team's choice. */
  aws?: boolean;
  existing: readonly ChecklistSummary[];
  onChange: (change: Partial<Omit<MetaDraft, 'edited'>>) => void;
  onBasedOn: (framework: string | undefined) => void;
}

function Field({ label, hint, children }: { label: string; hint?: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div style={{ display: 'grid', gap: token('space.050', '4px'), alignContent: 'start' }}>
      <label htmlFor={id} style={{ fontWeight: 600 }}>
        {label}
      </label>
      {children(id)}
      {hint && <span style={{ ...subtle, fontSize: '0.9em' }}>{hint}</span>}
    </div>
  );
}

/** One entry per framework a team saved, named by its newest version (built-in frameworks are not a team's to extend). */
function frameworks(t: UploadMessages, existing: readonly ChecklistSummary[]): { framework: string; label: string }[] {
  const builtin = new Set(existing.filter((summary) => summary.source === 'builtin').map((summary) => summary.framework));
  const byFramework = new Map<string, ChecklistSummary[]>();
  for (const summary of existing.filter((entry) => !builtin.has(entry.framework))) byFramework.set(summary.framework, [...(byFramework.get(summary.framework) ?? []), summary]);
  return [...byFramework.entries()].map(([framework, versions]) => ({
    framework,
    label: t.savedVersions(versions[versions.length - 1]?.name ?? framework, versions.map((summary) => summary.version).join(', ')),
  }));
}

export function MetaForm({ draft, existing, onChange, onBasedOn, aws = false }: MetaFormProps) {
  const t = useT(uploadMessages);
  const models: Choice<MetaDraft['model']>[] = MODELS.map((value) => ({ label: t.models[value], value }));
  const naRules: Choice<MetaDraft['naRule']>[] = NA_RULES.map((value) => ({ label: t.naRules[value], value }));
  const headingId = useId();
  const text = (key: 'name' | 'framework' | 'version' | 'id' | 'passMark' | 'maxScore' | 'penalty') => ({
    value: draft[key],
    onChange: (event: { currentTarget: { value: string } }) => onChange({ [key]: event.currentTarget.value }),
  });
  const bases: Choice<string>[] = [{ label: t.newChecklist, value: '' }, ...frameworks(t, existing).map(({ framework, label }) => ({ label: t.newVersionOf(label), value: framework }))];
  return (
    <section aria-labelledby={headingId} style={section}>
      <Heading size="small" as="h3" id={headingId}>
        {t.settings}
      </Heading>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: token('space.200', '16px') }}>
        <Field label={t.thisFileIs} hint={t.thisFileHint}>
          {(id) => <Choose id={id} choices={bases} value={draft.basedOn ?? ''} onChange={(framework) => onBasedOn(framework || undefined)} />}
        </Field>
        <Field label={t.name}>{(id) => <Textfield id={id} {...text('name')} />}</Field>
        <Field label={t.version} hint={t.versionHint}>{(id) => <Textfield id={id} {...text('version')} />}</Field>
        <Field label={t.framework} hint={t.frameworkHint}>{(id) => <Textfield id={id} {...text('framework')} />}</Field>
        <Field label={t.checklistId} hint={t.checklistIdHint}>{(id) => <Textfield id={id} {...text('id')} />}</Field>
        <Field label={t.scoring}>
          {(id) => <Choose id={id} choices={models} value={draft.model} onChange={(model) => onChange({ model })} />}
        </Field>
        {draft.model === 'points' && (
          <>
            <Field label={t.passMark} hint={t.passMarkHint}>{(id) => <Textfield id={id} inputMode="numeric" {...text('passMark')} />}</Field>
            <Field
              label={t.penaltyLabel}
              hint={t.penaltyHint}
            >
              {(id) => <Textfield id={id} inputMode="numeric" placeholder="0" {...text('penalty')} />}
            </Field>
            <Field label={t.maxScore} hint={t.maxScoreHint}>{(id) => <Textfield id={id} inputMode="numeric" {...text('maxScore')} />}</Field>
          </>
        )}
        {aws ? (
          <Field label={t.naAnswers} hint={t.awsNaHint}>
            {(id) => <output id={id}>{t.awsNa}</output>}
          </Field>
        ) : (
          <Field label={t.naAnswers} hint={t.naHint}>
            {(id) => <Choose id={id} choices={naRules} value={draft.naRule} onChange={(naRule) => onChange({ naRule })} />}
          </Field>
        )}
      </div>
    </section>
  );
}
