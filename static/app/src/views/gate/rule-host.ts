/**
 * The Jira workflow editor around the Done gate's configuration pages (module `audit-done-gate`,
 * entries create / edit / view): which page Jira opened, the configuration it holds, and
 * `workflowRules.onConfigure`, through which Jira asks the page for the configuration when the admin
 * clicks Add or Update. Views take it from AppServices, so tests hand them a fake (no bridge).
 */
import { view } from '@forge/bridge';

export type RuleEntry = 'create' | 'edit' | 'view';

export interface RuleContext {
  entry: RuleEntry;
  /** The saved configuration (`extension.validatorConfig`): an object, JSON text, or undefined on create. */
  config: unknown;
}

/** What the page answers when Jira asks: the configuration as JSON text, or undefined to save nothing. */
export type ConfigureCallback = () => Promise<string | undefined> | string | undefined;

export interface WorkflowRuleHost {
  ruleContext(): Promise<RuleContext>;
  /** Registers the callback Jira calls on Add (create) or Update (edit). */
  onConfigure(callback: ConfigureCallback): Promise<void>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The entry Jira opened. Forge documents the saved configuration under `extension.validatorConfig`;
 * the entry is read from `extension.entryPoint` where the host gives it, and otherwise inferred (no
 * saved configuration: the create page; one: the edit page, which also shows it).
 */
export function ruleContextOf(context: unknown): RuleContext {
  const extension = isRecord(context) && isRecord(context.extension) ? context.extension : {};
  const config = extension.validatorConfig;
  const entry = extension.entryPoint;
  if (entry === 'create' || entry === 'edit' || entry === 'view') return { entry, config };
  return { entry: config === undefined || config === null ? 'create' : 'edit', config };
}

export function createBridgeRuleHost(): WorkflowRuleHost {
  return {
    ruleContext: async () => ruleContextOf(await view.getContext()),
    // Loaded on demand: only the workflow editor's pages need the Jira bridge. Its type says a string;
    // Forge's documentation says to return undefined to save nothing.
    onConfigure: async (callback) => {
      const { workflowRules } = await import('@forge/jira-bridge');
      await workflowRules.onConfigure(callback as () => Promise<string>);
    },
  };
}
