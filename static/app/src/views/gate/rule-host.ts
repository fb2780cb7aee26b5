/**
 * The Jira workflow editor around the Done gate's configuration pages (module `audit-done-gate`,
 * entries create / edit / view): which page Jira opened, the configuration it holds, and
 * `workflowRules.onConfigure`, through which Jira asks the page for the configuration when the admin
 * clicks Add or Update. Views take it from AppServices, so tests hand them a fake (no bridge).
 */
import { view } from '@forge/bridge';
import { ruleContextOf, type ConfigureCallback, type RuleContext } from './rule-context';

export type { ConfigureCallback, RuleContext, RuleEntry } from './rule-context';

export interface WorkflowRuleHost {
  ruleContext(): Promise<RuleContext>;
  /** Registers the callback Jira calls on Add (create) or Update (edit). */
  onConfigure(callback: ConfigureCallback): Promise<void>;
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
