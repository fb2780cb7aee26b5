/**
 * The checklist's own settings: its name, which framework it versions and which version it is
 * (together they give the id), and how it is scored. A new version of a saved checklist is chosen
 * from the list so the framework matches and the Audit page can offer "Update to version".
 */
import { useId, type ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { ChecklistSummary } from '../../../../../common/contract';
import type { MetaDraft } from './upload-model';
import { control, section, subtle } from './styles';

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

function naRuleFrom(value: string): MetaDraft['naRule'] {
  return value === 'free' || value === 'exemptions' ? value : 'justified';
}

export function MetaForm({ draft, existing, onChange, onBasedOn, aws = false }: MetaFormProps) {
  const headingId = useId();
  const text = (key: 'name' | 'framework' | 'version' | 'id' | 'passMark' | 'maxScore' | 'penalty') => ({
    value: draft[key],
    onChange: (event: { target: { value: string } }) => onChange({ [key]: event.target.value }),
    style: { ...control, width: '100%' },
  });
  return (
    <section aria-labelledby={headingId} style={section}>
      <Heading size="small" as="h3" id={headingId}>
        Settings
      </Heading>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: token('space.200', '16px') }}>
        <Field label="This file is" hint="A new version keeps the framework, so projects can move to it with “Update to version”.">
          {(id) => (
            <select id={id} value={draft.basedOn ?? ''} onChange={(event) => onBasedOn(event.target.value || undefined)} style={control}>
              <option value="">a new checklist</option>
              {frameworks(existing).map(({ framework, label }) => (
                <option key={framework} value={framework}>
                  a new version of {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Name">{(id) => <input id={id} type="text" {...text('name')} />}</Field>
        <Field label="Version" hint="One word, e.g. 1, 4.2 or 2025-08.">{(id) => <input id={id} type="text" {...text('version')} />}</Field>
        <Field label="Framework" hint="The same for every version of this checklist.">{(id) => <input id={id} type="text" {...text('framework')} />}</Field>
        <Field label="Checklist id" hint="Made from the framework and version; unique on this site.">{(id) => <input id={id} type="text" {...text('id')} />}</Field>
        <Field label="Scoring">
          {(id) => (
            <select id={id} value={draft.model} onChange={(event) => onChange({ model: event.target.value === 'points' ? 'points' : 'met' })} style={control}>
              <option value="met">Met / not met (every mandatory item must be met)</option>
              <option value="points">Points against a pass mark</option>
            </select>
          )}
        </Field>
        {draft.model === 'points' && (
          <>
            <Field label="Pass mark" hint="The score needed to pass, e.g. 900.">{(id) => <input id={id} type="text" inputMode="numeric" {...text('passMark')} />}</Field>
            <Field
              label="Penalty for an unmet mandatory item"
              hint="Points taken off the score for each mandatory item not met; empty means 0. A row's own Penalty cell wins."
            >
              {(id) => <input id={id} type="text" inputMode="numeric" placeholder="0" {...text('penalty')} />}
            </Field>
            <Field label="Maximum score" hint="Leave empty to use the sum of the item points.">{(id) => <input id={id} type="text" inputMode="numeric" {...text('maxScore')} />}</Field>
          </>
        )}
        {aws ? (
          <Field label="N/A answers" hint="The AWS workbook’s Met? is Yes or No: an item is out of scope only through a published exemption.">
            {(id) => <output id={id}>Only through AWS’s exemptions</output>}
          </Field>
        ) : (
          <Field label="N/A answers" hint="What the item panel lets people answer when an item does not apply.">
            {(id) => (
              <select id={id} value={draft.naRule} onChange={(event) => onChange({ naRule: naRuleFrom(event.target.value) })} style={control}>
                <option value="justified">Allowed with a written justification</option>
                <option value="free">Allowed freely</option>
                <option value="exemptions">Only through named exemptions (met or not met otherwise)</option>
              </select>
            )}
          </Field>
        )}
      </div>
    </section>
  );
}
