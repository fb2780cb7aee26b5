/**
 * Module `audit-done-gate` (the workflow validator "Audit item: Done needs accepted evidence"): the
 * configuration pages Jira's workflow editor shows when an admin adds the validator to a transition
 * (create), changes it (edit) or looks at it (view). Two options: which items the gate covers
 * (mandatory only, the default, or every item) and whether a justified N/A counts. The JSON text is
 * editable too (pasting a configuration from another workflow); text that is not valid JSON or names
 * an unknown option is shown as a problem and nothing is saved: the page answers Jira's Add/Update
 * with no configuration, which Jira treats as "do not save".
 */
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import Checkbox from '@atlaskit/checkbox';
import Heading from '@atlaskit/heading';
import { Radio } from '@atlaskit/radio';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import { DEFAULT_GATE_CONFIG, describeGateConfig, gateConfigJson, readGateConfig, type DoneGateConfig } from '../../../../../common/gate-config';
import { errorMessage } from '../../api/errors';
import { useServices } from '../../api/services';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import type { RuleContext } from './rule-context';
import type { WorkflowRuleHost } from './rule-host';

type State = { status: 'loading' } | { status: 'ready'; context: RuleContext } | { status: 'error'; message: string };

/** The saved configuration as the page's JSON text (Jira may hand an object or the text saved). */
function initialText(config: unknown): string {
  if (config === undefined || config === null) return gateConfigJson(DEFAULT_GATE_CONFIG);
  if (typeof config === 'string') return config;
  return JSON.stringify(config);
}

export default function GateConfigPage() {
  const { workflowRule } = useServices();
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    if (!workflowRule) return;
    let current = true;
    workflowRule.ruleContext().then(
      (context) => current && setState({ status: 'ready', context }),
      (error: unknown) => current && setState({ status: 'error', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [workflowRule]);

  if (!workflowRule) {
    return (
      <Notice appearance="error" title="This page works only in Jira's workflow editor">
        Open it from the validator “Audit item: Done needs accepted evidence” on a transition of the workflow.
      </Notice>
    );
  }
  if (state.status === 'loading') return <Loading label="Loading the validator's configuration" />;
  if (state.status === 'error') {
    return (
      <Notice appearance="error" title="Could not read the validator's configuration">
        {state.message} Close this dialog and open it again from the workflow editor.
      </Notice>
    );
  }
  return (
    <main style={{ padding: token('space.200', '16px'), display: 'grid', gap: token('space.200', '16px'), maxWidth: 640 }}>
      {state.context.entry === 'view' ? <GateConfigView config={state.context.config} /> : <GateConfigForm host={workflowRule} context={state.context} />}
    </main>
  );
}

/** The read-only summary Jira shows on the transition. */
export function GateConfigView({ config }: { config: unknown }) {
  const reading = readGateConfig(config);
  if (!reading.ok) {
    return (
      <Notice appearance="error" title="This validator's configuration is not valid">
        {reading.message} Until it is fixed, the validator refuses every move of an audit item to Done. Edit the validator to fix it.
      </Notice>
    );
  }
  return (
    <section aria-label="Done gate configuration">
      <Heading size="small" as="h2">
        Audit item: Done needs accepted evidence
      </Heading>
      <p data-testid="gate-config-summary">{describeGateConfig(reading.config)}</p>
    </section>
  );
}

interface FormProps {
  host: WorkflowRuleHost;
  context: RuleContext;
}

export function GateConfigForm({ host, context }: FormProps) {
  const jsonId = useId();
  const [text, setText] = useState(() => initialText(context.config));
  const [refused, setRefused] = useState(false);
  const [registerError, setRegisterError] = useState<string | undefined>(undefined);
  // Jira calls the callback long after it was registered: it reads the text the admin sees now.
  const latest = useRef(text);
  latest.current = text;

  useEffect(() => {
    let current = true;
    host
      .onConfigure(() => {
        const reading = readGateConfig(latest.current);
        if (!reading.ok) {
          setRefused(true);
          return undefined;
        }
        setRefused(false);
        return gateConfigJson(reading.config);
      })
      .catch((error: unknown) => current && setRegisterError(errorMessage(error)));
    return () => {
      current = false;
    };
  }, [host]);

  const reading = readGateConfig(text);
  const shown: DoneGateConfig = reading.ok ? reading.config : DEFAULT_GATE_CONFIG;
  const choose = (config: DoneGateConfig) => {
    setText(gateConfigJson(config));
    setRefused(false);
  };
  const edit = (event: ChangeEvent<HTMLTextAreaElement>) => {
    setText(event.target.value);
    setRefused(false);
  };

  return (
    <form aria-label="Done gate configuration" onSubmit={(event) => event.preventDefault()} style={{ display: 'grid', gap: token('space.200', '16px') }}>
      <Heading size="small" as="h2">
        Audit item: Done needs accepted evidence
      </Heading>
      <p style={{ margin: 0 }}>
        An MSP Audit Ready checklist item moves to a status of the Done category only with accepted evidence in force, a waiver or
        (if you allow it) a justified N/A. Other issues are not affected.
      </p>
      {/* Options stay usable with invalid text: picking one replaces the text with a valid configuration. */}
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600 }}>Which items</legend>
        <Radio
          name="scope"
          value="mandatory"
          isChecked={reading.ok && shown.scope === 'mandatory'}
          onChange={() => choose({ ...shown, scope: 'mandatory' })}
          label="Mandatory items only (recommended)"
        />
        <Radio name="scope" value="all" isChecked={reading.ok && shown.scope === 'all'} onChange={() => choose({ ...shown, scope: 'all' })} label="Every item" />
      </fieldset>
      <Checkbox isChecked={shown.naCounts} onChange={(event) => choose({ ...shown, naCounts: event.target.checked })} label="A justified N/A counts as done" />
      <div style={{ display: 'grid', gap: 4 }}>
        <label htmlFor={jsonId} style={{ fontWeight: 600 }}>
          Configuration (JSON)
        </label>
        <TextArea id={jsonId} value={text} onChange={edit} minimumRows={3} spellCheck={false} isInvalid={!reading.ok} isMonospaced />
      </div>
      {!reading.ok && (
        <Notice appearance={refused ? 'error' : 'warning'} title={refused ? 'Nothing was saved' : 'This configuration cannot be saved'}>
          {reading.message} Fix the JSON above, or pick the options again.
        </Notice>
      )}
      {registerError && (
        <Notice appearance="error" title="Jira could not connect this page to its Add/Update button">
          {registerError} Close the dialog and open it again.
        </Notice>
      )}
    </form>
  );
}
