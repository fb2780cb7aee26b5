/**
 * The Done gate's configuration pages (module audit-done-gate) against a fake workflow editor: the
 * page registers its onConfigure callback, and "Add"/"Update" (the fake's press) calls it as Jira
 * does. A valid form saves its JSON; text that is not JSON or names an unknown option shows what to
 * fix and saves nothing. Also the Audit page's Done gate section against a fake GateApi.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { AppServices } from '../../static/app/src/api/audit-api';
import { ServicesProvider } from '../../static/app/src/api/services';
import GateConfigPage from '../../static/app/src/views/gate/GateConfigPage';
import GateStatusSection from '../../static/app/src/views/gate/GateStatus';
import type { GateApi } from '../../static/app/src/views/gate/gate-api';
import { ruleContextOf, type ConfigureCallback, type RuleContext } from '../../static/app/src/views/gate/rule-context';
import type { WorkflowRuleHost } from '../../static/app/src/views/gate/rule-host';
import type { GateStatus, SetGateConfirmationPayload } from '../../common/gate-status';
import { FakeAuditApi } from './fake-services';

/** Jira's workflow editor around the page: it keeps the callback and calls it on Add/Update. */
class FakeWorkflowEditor implements WorkflowRuleHost {
  callback: ConfigureCallback | undefined;
  saved: string[] = [];
  constructor(private readonly context: RuleContext) {}
  async ruleContext() {
    return this.context;
  }
  async onConfigure(callback: ConfigureCallback) {
    this.callback = callback;
  }
  /** Add / Update: what Jira would save (nothing when the page answers undefined). */
  async press(): Promise<string | undefined> {
    if (!this.callback) throw new Error('the page registered no onConfigure callback');
    let answer: string | undefined;
    await act(async () => {
      answer = await this.callback?.();
    });
    if (answer !== undefined) this.saved.push(answer);
    return answer;
  }
}

function renderWith(ui: ReactElement, extra: Partial<AppServices>) {
  const services: AppServices = { api: new FakeAuditApi(), host: { open: async () => undefined }, now: () => new Date('2026-12-07T10:00:00Z'), ...extra };
  return render(<ServicesProvider services={services}>{ui}</ServicesProvider>);
}

async function openPage(context: RuleContext): Promise<FakeWorkflowEditor> {
  const editor = new FakeWorkflowEditor(context);
  renderWith(<GateConfigPage />, { workflowRule: editor });
  if (context.entry !== 'view') await waitFor(() => expect(editor.callback).toBeDefined());
  return editor;
}

const jsonBox = () => screen.getByRole('textbox', { name: 'Configuration (JSON)' });

describe('Done gate configuration page', () => {
  it('create: saves the defaults, then the options picked, as JSON through onConfigure', async () => {
    const editor = await openPage({ entry: 'create', config: undefined });
    expect(screen.getByRole('radio', { name: /Mandatory items only/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /justified N\/A counts/ })).toBeChecked();
    expect(await editor.press()).toBe('{"scope":"mandatory","naCounts":true}');

    fireEvent.click(screen.getByRole('radio', { name: /Every item/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /justified N\/A counts/ }));
    expect(jsonBox()).toHaveValue('{"scope":"all","naCounts":false}');
    await editor.press();
    expect(editor.saved).toEqual(['{"scope":"mandatory","naCounts":true}', '{"scope":"all","naCounts":false}']);
  });

  it('edit: shows the saved configuration (object or text) and saves it back unchanged', async () => {
    const editor = await openPage({ entry: 'edit', config: { scope: 'all', naCounts: false } });
    expect(screen.getByRole('radio', { name: /Every item/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /justified N\/A counts/ })).not.toBeChecked();
    expect(await editor.press()).toBe('{"scope":"all","naCounts":false}');
  });

  it('text that is not JSON: says so, and Update saves nothing', async () => {
    const editor = await openPage({ entry: 'edit', config: '{"scope":"all"}' });
    fireEvent.change(jsonBox(), { target: { value: '{"scope": "all",' } });
    expect(screen.getByRole('status')).toHaveTextContent('not valid JSON');
    expect(await editor.press()).toBeUndefined();
    expect(editor.saved).toEqual([]);
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing was saved');
    expect(screen.getByRole('alert')).toHaveTextContent('not valid JSON');
    // Picking an option replaces the broken text with a valid configuration.
    fireEvent.click(screen.getByRole('radio', { name: /Every item/ }));
    expect(jsonBox()).toHaveValue('{"scope":"all","naCounts":true}');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await editor.press()).toBe('{"scope":"all","naCounts":true}');
  });

  it('an unknown option or a wrong value: names it, saves nothing; fixing it saves', async () => {
    const editor = await openPage({ entry: 'create', config: undefined });
    fireEvent.change(jsonBox(), { target: { value: '{"scope":"optional","colour":"red"}' } });
    expect(await editor.press()).toBeUndefined();
    expect(screen.getByRole('alert')).toHaveTextContent('unknown option "colour"');
    expect(screen.getByRole('alert')).toHaveTextContent('"scope" must be "mandatory" or "all"');
    fireEvent.change(jsonBox(), { target: { value: '{"scope":"all"}' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await editor.press()).toBe('{"scope":"all","naCounts":true}');
    expect(editor.saved).toEqual(['{"scope":"all","naCounts":true}']);
  });

  it('view: the configuration in words; a stored one that is not valid says the gate refuses until fixed', async () => {
    await openPage({ entry: 'view', config: { scope: 'all', naCounts: false } });
    expect(await screen.findByTestId('gate-config-summary')).toHaveTextContent('Every item; N/A does not count');
  });

  it('view of an invalid stored configuration', async () => {
    await openPage({ entry: 'view', config: 'not json' });
    expect(await screen.findByRole('alert')).toHaveTextContent('refuses every move of an audit item to Done');
  });

  it('outside the workflow editor (no host): says where to open it', () => {
    renderWith(<GateConfigPage />, {});
    expect(screen.getByRole('alert')).toHaveTextContent("only in Jira's workflow editor");
  });
});

describe('ruleContextOf', () => {
  it('takes the entry Jira names, else infers it from a saved configuration', () => {
    expect(ruleContextOf({ extension: { entryPoint: 'view', validatorConfig: { scope: 'all' } } })).toEqual({ entry: 'view', config: { scope: 'all' } });
    expect(ruleContextOf({ extension: {} })).toEqual({ entry: 'create', config: undefined });
    expect(ruleContextOf({ extension: { validatorConfig: '{"scope":"all"}' } })).toEqual({ entry: 'edit', config: '{"scope":"all"}' });
    expect(ruleContextOf(null)).toEqual({ entry: 'create', config: undefined });
  });
});

const STATUS: GateStatus = {
  checklistId: 'aws-msp-7.1',
  checklistName: 'AWS MSP Validation Checklist',
  version: '7.1',
  source: 'confirmation',
  confirmation: null,
  config: { scope: 'mandatory', naCounts: true },
  doneWithoutEvidence: [{ itemId: 'OPS-001', title: 'Patching', issueKey: 'MSP-9', mandatory: true, statusName: 'Done', missing: 'it has no evidence. It needs accepted evidence in force, a justified N/A or a waiver.' }],
  hiddenItems: 1,
  canConfirm: true,
};

class FakeGateApi implements GateApi {
  confirmed: SetGateConfirmationPayload[] = [];
  constructor(private status: GateStatus) {}
  async getGateStatus() {
    return this.status;
  }
  async setGateConfirmation(payload: SetGateConfirmationPayload) {
    this.confirmed.push(payload);
    this.status = { ...this.status, confirmation: { on: payload.on, config: { scope: payload.scope ?? 'mandatory', naCounts: payload.naCounts ?? true }, confirmedBy: 'admin', confirmedAt: '2026-12-07T10:00:00.000Z', revision: 1 } };
    return this.status;
  }
}

describe('Done gate section of the Audit page', () => {
  it('not confirmed: three steps, the Done items without evidence, and a project admin confirms with the options', async () => {
    const api = new FakeGateApi(STATUS);
    renderWith(<GateStatusSection api={api} checklistId="aws-msp-7.1" />, {});
    expect(await screen.findByText('Not confirmed yet')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'How to add the Done gate' }).querySelectorAll('li')).toHaveLength(3);
    expect(screen.getByTestId('gate-backlog')).toHaveTextContent('MSP-9 OPS-001 Patching (mandatory): it has no evidence.');
    expect(screen.getByText(/1 more item whose issue you cannot see/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: 'Every item' }));
    fireEvent.click(screen.getByRole('button', { name: 'The gate is on for our Done transition' }));
    expect(await screen.findByText('On for this project’s workflow')).toBeInTheDocument();
    expect(api.confirmed).toEqual([{ on: true, scope: 'all', naCounts: true, revision: 0, checklistId: 'aws-msp-7.1' }]);
    expect(screen.getByText(/Confirmed by admin on 2026-12-07 10:00 UTC\. Every item/)).toBeInTheDocument();
  });

  it('a viewer sees the status and the list but no confirmation form', async () => {
    renderWith(<GateStatusSection api={new FakeGateApi({ ...STATUS, canConfirm: false, doneWithoutEvidence: [], hiddenItems: 0 })} checklistId="aws-msp-7.1" />, {});
    expect(await screen.findByText('A project admin of this project can confirm it here.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /The gate is on/ })).toBeNull();
    expect(screen.getByTestId('gate-backlog-empty')).toBeInTheDocument();
  });
});
