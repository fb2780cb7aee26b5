/**
 * The Done gate's configuration (issue 23): what a Jira admin saves on the validator "Audit item:
 * Done needs accepted evidence" from its configuration page (`workflowRules.onConfigure`), and what
 * the validator function reads back from Jira. One reading for both sides, so the page refuses
 * exactly what the validator would refuse.
 */

export const GATE_SCOPES = ['mandatory', 'all'] as const;
export type GateScope = (typeof GATE_SCOPES)[number];

export interface DoneGateConfig {
  /** `mandatory`: only mandatory items are gated (others always pass). `all`: every item. */
  scope: GateScope;
  /** Whether an N/A answer with its justification lets the item be Done. */
  naCounts: boolean;
}

export const DEFAULT_GATE_CONFIG: DoneGateConfig = { scope: 'mandatory', naCounts: true };

const CONFIG_KEYS = ['scope', 'naCounts'] as const;

export type GateConfigReading = { ok: true; config: DoneGateConfig } | { ok: false; message: string };

/**
 * The validator's configuration as Jira passes it (an object, or the JSON text the configuration
 * page saved; nothing at all means the defaults). Unknown options and wrong types are refused with
 * what to fix, never guessed.
 */
export function readGateConfig(raw: unknown): GateConfigReading {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    if (raw.trim() === '') return { ok: true, config: DEFAULT_GATE_CONFIG };
    try {
      value = JSON.parse(raw);
    } catch {
      return { ok: false, message: 'The configuration is not valid JSON.' };
    }
  }
  if (value === undefined || value === null) return { ok: true, config: DEFAULT_GATE_CONFIG };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, message: 'The configuration must be an object with "scope" and "naCounts".' };
  }
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  const unknown = Object.keys(record).filter((key) => !(CONFIG_KEYS as readonly string[]).includes(key));
  if (unknown.length > 0) problems.push(`unknown option ${unknown.map((key) => `"${key}"`).join(', ')} (known: scope, naCounts)`);
  const scope = record.scope ?? DEFAULT_GATE_CONFIG.scope;
  if (typeof scope !== 'string' || !(GATE_SCOPES as readonly string[]).includes(scope)) problems.push('"scope" must be "mandatory" or "all"');
  const naCounts = record.naCounts ?? DEFAULT_GATE_CONFIG.naCounts;
  if (typeof naCounts !== 'boolean') problems.push('"naCounts" must be true or false');
  if (problems.length > 0) return { ok: false, message: `The configuration is not valid: ${problems.join('; ')}.` };
  return { ok: true, config: { scope: scope as GateScope, naCounts: naCounts as boolean } };
}

/** The configuration as the page saves it: complete, in a fixed key order. */
export function gateConfigJson(config: DoneGateConfig): string {
  return JSON.stringify({ scope: config.scope, naCounts: config.naCounts });
}

/** The configuration in words, for the view page and the Audit page. */
export function describeGateConfig(config: DoneGateConfig): string {
  const scope = config.scope === 'mandatory' ? 'Mandatory items only' : 'Every item';
  const na = config.naCounts ? 'a justified N/A counts as done' : 'N/A does not count (evidence or a waiver is needed)';
  return `${scope}; ${na}.`;
}
