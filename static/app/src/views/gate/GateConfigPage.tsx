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
import { DEFAULT_GATE_CONFIG, gateConfigJson, readGateConfig, type DoneGateConfig } from '../../../../../common/gate-config';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useServices } from '../../api/services';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { useT } from '../../i18n';
import { gateMessages } from './messages';
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
  const t = useT(gateMessages);
  const describe = useErrorMessage();
  const { workflowRule } = useServices();
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    if (!workflowRule) return;
    let current = true;
    workflowRule.ruleContext().then(
      (context) => current && setState({ status: 'ready', context }),
      (error: unknown) => current && setState({ status: 'error', message: describe(error) }),
    );
    return () => {
      current = false;
    };
  }, [workflowRule, describe]);

  if (!workflowRule) {
    return (
      <Notice appearance="error" title={t.onlyInEditor}>
        {t.onlyInEditorBody}
      </Notice>
    );
  }
  if (state.status === 'loading') return <Loading label={t.loadingConfig} />;
  if (state.status === 'error') {
    return (
      <Notice appearance="error" title={t.readFailed}>
        {state.message} {t.readFailedBody}
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
  const t = useT(gateMessages);
  const reading = readGateConfig(config);
  if (!reading.ok) {
    return (
      <Notice appearance="error" title={t.notValid}>
        {reading.message} {t.notValidBody}
      </Notice>
    );
  }
  return (
    <section aria-label={t.configLabel}>
      <Heading size="small" as="h2">
        {t.ruleTitle}
      </Heading>
      <p data-testid="gate-config-summary">{t.describeConfig(reading.config)}</p>
    </section>
  );
}

interface FormProps {
  host: WorkflowRuleHost;
  context: RuleContext;
}

export function GateConfigForm({ host, context }: FormProps) {
  const t = useT(gateMessages);
  const describe = useErrorMessage();
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
      .catch((error: unknown) => current && setRegisterError(describe(error)));
    return () => {
      current = false;
    };
  }, [host, describe]);

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
    <form aria-label={t.configLabel} onSubmit={(event) => event.preventDefault()} style={{ display: 'grid', gap: token('space.200', '16px') }}>
      <Heading size="small" as="h2">
        {t.ruleTitle}
      </Heading>
      <p style={{ margin: 0 }}>
        {t.ruleIntro}
      </p>
      {/* Options stay usable with invalid text: picking one replaces the text with a valid configuration. */}
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600 }}>{t.whichItems}</legend>
        <Radio
          name="scope"
          value="mandatory"
          isChecked={reading.ok && shown.scope === 'mandatory'}
          onChange={() => choose({ ...shown, scope: 'mandatory' })}
          label={t.mandatoryRecommended}
        />
        <Radio name="scope" value="all" isChecked={reading.ok && shown.scope === 'all'} onChange={() => choose({ ...shown, scope: 'all' })} label={t.everyItem} />
      </fieldset>
      <Checkbox isChecked={shown.naCounts} onChange={(event) => choose({ ...shown, naCounts: event.target.checked })} label={t.naCounts} />
      <div style={{ display: 'grid', gap: 4 }}>
        <label htmlFor={jsonId} style={{ fontWeight: 600 }}>
          {t.configJson}
        </label>
        <TextArea id={jsonId} value={text} onChange={edit} minimumRows={3} spellCheck={false} isInvalid={!reading.ok} isMonospaced />
      </div>
      {!reading.ok && (
        <Notice appearance={refused ? 'error' : 'warning'} title={refused ? t.nothingSaved : t.cannotSave}>
          {reading.message} {t.fixJson}
        </Notice>
      )}
      {registerError && (
        <Notice appearance="error" title={t.cannotConnect}>
          {registerError} {t.closeAndReopen}
        </Notice>
      )}
    </form>
  );
}
