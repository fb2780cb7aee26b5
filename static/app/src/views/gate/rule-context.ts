/**
 * What the Done gate's configuration pages need from Jira's workflow editor, without the bridge:
 * types, and which page Jira opened (pure, so tests import it without a host).
 */
export type RuleEntry = 'create' | 'edit' | 'view';

export interface RuleContext {
  entry: RuleEntry;
  /** The saved configuration (`extension.validatorConfig`): an object, JSON text, or undefined on create. */
  config: unknown;
}

/** What the page answers when Jira asks: the configuration as JSON text, or undefined to save nothing. */
export type ConfigureCallback = () => Promise<string | undefined> | string | undefined;

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
