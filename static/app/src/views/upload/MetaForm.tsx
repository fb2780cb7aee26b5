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

interface Choice<V extends string> {
  label: string;
  value: V;
}

/** An Atlaskit Select of plain choices, labelled by the Field's <label> through its input id. */
function Choose<V extends string>({ id, choices, value, onChange }: { id: string; choices: Choice<V>[]; value: V; onChange: (value: V) => void }) {
  return <Select<Choice<V>> inputId={id} options={choices} value={choices.find((choice) => choice.value === value) ?? null} onChange={(choice) => choice && onChange(choice.value)} />;
}

const MODELS: Choice<MetaDraft['model']>[] = [
  { label: 'Met / not met (every mandatory item must be met)', value: 'met' },
  { label: 'Points against a pass mark', value: 'points' },
];
const NA_RULES: Choice<MetaDraft['naRule']>[] = [
  { label: 'Allowed with a written justification', value: 'justified' },
  { label: 'Allowed freely', value: 'free' },
  { label: 'Only through named exemptions (met or not met otherwise)', value: 'exemptions' },
];

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
function frameworks(existing: readonly ChecklistSummary[]): { framework: string; label: string }[] {
  const builtin = new Set(existing.filter((summary) => summary.source === 'builtin').map((summary) => summary.framework));
  const byFramework = new Map<string, ChecklistSummary[]>();
  for (const summary of existing.filter((entry) => !builtin.has(entry.framework))) byFramework.set(summary.framework, [...(byFramework.get(summary.framework) ?? []), summary]);
  return [...byFramework.entries()].map(([framework, versions]) => ({
    framework,
    label: `${versions[versions.length - 1]?.name ?? framework} (saved: ${versions.map((summary) => summary.version).join(', ')})`,
  }));
}

export function MetaForm({ draft, existing, onChange, onBasedOn, aws = false }: MetaFormProps) {
  const headingId = useId();
  const text = (key: 'name' | 'framework' | 'version' | 'id' | 'passMark' | 'maxScore' | 'penalty') => ({
    value: draft[key],
    onChange: (event: { currentTarget: { value: string } }) => onChange({ [key]: event.currentTarget.value }),
  });
  const bases: Choice<string>[] = [{ label: 'a new checklist', value: '' }, ...frameworks(existing).map(({ framework, label }) => ({ label: `a new version of ${label}`, value: framework }))];
  return (
    <section aria-labelledby={headingId} style={section}>
      <Heading size="small" as="h3" id={headingId}>
        Settings
      </Heading>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: token('space.200', '16px') }}>
        <Field label="This file is" hint="A new version keeps the framework, so projects can move to it with “Update to version”.">
          {(id) => <Choose id={id} choices={bases} value={draft.basedOn ?? ''} onChange={(framework) => onBasedOn(framework || undefined)} />}
        </Field>
        <Field label="Name">{(id) => <Textfield id={id} {...text('name')} />}</Field>
        <Field label="Version" hint="One word, e.g. 1, 4.2 or 2025-08.">{(id) => <Textfield id={id} {...text('version')} />}</Field>
        <Field label="Framework" hint="The same for every version of this checklist.">{(id) => <Textfield id={id} {...text('framework')} />}</Field>
        <Field label="Checklist id" hint="Made from the framework and version; unique on this site.">{(id) => <Textfield id={id} {...text('id')} />}</Field>
        <Field label="Scoring">
          {(id) => <Choose id={id} choices={MODELS} value={draft.model} onChange={(model) => onChange({ model })} />}
        </Field>
        {draft.model === 'points' && (
          <>
            <Field label="Pass mark" hint="The score needed to pass, e.g. 900.">{(id) => <Textfield id={id} inputMode="numeric" {...text('passMark')} />}</Field>
            <Field
              label="Penalty for an unmet mandatory item"
              hint="Points taken off the score for each mandatory item not met; empty means 0. A row's own Penalty cell wins."
            >
              {(id) => <Textfield id={id} inputMode="numeric" placeholder="0" {...text('penalty')} />}
            </Field>
            <Field label="Maximum score" hint="Leave empty to use the sum of the item points.">{(id) => <Textfield id={id} inputMode="numeric" {...text('maxScore')} />}</Field>
          </>
        )}
        {aws ? (
          <Field label="N/A answers" hint="The AWS workbook’s Met? is Yes or No: an item is out of scope only through a published exemption.">
            {(id) => <output id={id}>Only through AWS’s exemptions</output>}
          </Field>
        ) : (
          <Field label="N/A answers" hint="What the item panel lets people answer when an item does not apply.">
            {(id) => <Choose id={id} choices={NA_RULES} value={draft.naRule} onChange={(naRule) => onChange({ naRule })} />}
          </Field>
        )}
      </div>
    </section>
  );
}
