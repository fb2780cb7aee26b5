/**
 * The manifest's `jira:workflowValidator` modules with a `function`, run for the Jira emulator's
 * transitions (local/jira/workflow-validators.ts). Forge calls the function synchronously inside the
 * transition with `(argument, context)` and reads `{ result, errorMessage? }` from its return value;
 * anything else (a throw, a timeout, a value of another shape) counts as a failed validation, as
 * it does in Jira.
 */
import type { JiraEmulatorApi } from '../jira/types';
import type { ValidatorArgument, ValidatorOutcome } from '../jira/workflow-validators';
import type { TriggerHost } from './triggers';

/** Forge gives a validator function the synchronous limit of an invocation. */
const VALIDATOR_TIMEOUT_MS = 25_000;

export function bridgeValidators(host: TriggerHost, emulator: JiraEmulatorApi): () => void {
  emulator.setValidatorRunner(async (moduleKey: string, argument: ValidatorArgument): Promise<ValidatorOutcome> => {
    if (host.isClosed()) return { result: false };
    const module = host.manifest.uiModules.find((m) => m.type === 'jira:workflowValidator' && m.key === moduleKey);
    const functionKey = typeof module?.raw.function === 'string' ? module.raw.function : undefined;
    if (!functionKey) throw new Error(`manifest.yml has no jira:workflowValidator "${moduleKey}" with a function`);
    const fn = host.fn(functionKey);
    const run = await host.run({
      kind: 'validator',
      fn,
      moduleKey,
      timeoutMs: VALIDATOR_TIMEOUT_MS,
      args: [structuredClone(argument), { installContext: host.installContext, cloudId: host.cloudId, moduleKey }],
    });
    if (run.outcome !== 'ok') throw new Error(run.error ?? run.outcome);
    const value = run.value as { result?: unknown; errorMessage?: unknown } | undefined;
    if (typeof value?.result !== 'boolean') throw new Error(`validator ${moduleKey} returned no boolean result`);
    return { result: value.result, ...(typeof value.errorMessage === 'string' ? { errorMessage: value.errorMessage } : {}) };
  });
  return () => emulator.setValidatorRunner(undefined);
}
