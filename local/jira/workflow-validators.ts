/**
 * Workflow validators on the emulator's transitions (issue 23): `POST /jira/__admin/workflow/validators
 * { transitionId, moduleKey, configuration? }` puts an app's `jira:workflowValidator` on a transition
 * (one workflow for every project, as the seed has), `DELETE` clears them. On
 * `POST /rest/api/3/issue/{key}/transitions` each validator of the transition runs before the move,
 * through the runner the Forge runtime registers, with Forge's documented argument
 * `{ issue: { key }, configuration, transition: { from: { id }, to: { id }, modifiedFields } }`.
 *
 * A result other than `true` refuses the transition as Jira's REST API does: 400 with an error
 * collection whose `errorMessages` holds the validator's message (Jira's default message when it
 * gave none). The OpenAPI lists 400 for "the request is invalid for any other reason", and Jira
 * answers every transition refusal with an ErrorCollection. A runner that fails (timeout, throw) or
 * no runner at all (the app is not installed) refuses too: Forge evaluates a validator it cannot run
 * as false.
 */
import type { EmulatorRequest, EmulatorResponse } from './types';
import { STATUSES } from './state/catalog';
import type { Store } from './state/store';
import { errorCollection, jsonResponse } from './http/errors';

export interface ValidatorSpec {
  transitionId: string;
  moduleKey: string;
  configuration?: unknown;
}

export interface ValidatorArgument {
  issue: { key: string };
  configuration: unknown;
  transition: { from: { id: string }; to: { id: string }; modifiedFields: Record<string, unknown> };
}

export interface ValidatorOutcome {
  result: boolean;
  errorMessage?: string;
}

/** Runs the app's validator function; the Forge runtime provides it. */
export type ValidatorRunner = (moduleKey: string, argument: ValidatorArgument) => Promise<ValidatorOutcome>;

export const DEFAULT_VALIDATOR_MESSAGE = 'The transition could not be completed because a workflow validator failed.';
const TRANSITION_PATH = /^\/rest\/api\/3\/issue\/([^/]+)\/transitions$/;

export class ValidatorSpecError extends Error {}

export function parseValidatorSpec(body: unknown): ValidatorSpec {
  const record = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const transitionId = typeof record.transitionId === 'number' ? String(record.transitionId) : record.transitionId;
  if (typeof transitionId !== 'string' || transitionId === '' || typeof record.moduleKey !== 'string' || record.moduleKey === '') {
    throw new ValidatorSpecError('Send {"transitionId": "31", "moduleKey": "<jira:workflowValidator key>", "configuration"?: {…}}.');
  }
  if (!STATUSES.some((s) => s.transitionId === transitionId)) {
    throw new ValidatorSpecError(`There is no transition ${transitionId}; the workflow has ${STATUSES.map((s) => `${s.transitionId} (to ${s.name})`).join(', ')}.`);
  }
  return { transitionId, moduleKey: record.moduleKey, ...(record.configuration !== undefined ? { configuration: record.configuration } : {}) };
}

export class WorkflowValidators {
  private specs: ValidatorSpec[] = [];
  private runner: ValidatorRunner | undefined;

  add(spec: ValidatorSpec): void {
    this.specs.push(structuredClone(spec));
  }

  /** Adds or replaces the module's validator on the transition (the workflow editor's Add / Update). */
  put(spec: ValidatorSpec): void {
    const at = this.specs.findIndex((s) => s.transitionId === spec.transitionId && s.moduleKey === spec.moduleKey);
    if (at === -1) this.specs.push(structuredClone(spec));
    else this.specs[at] = structuredClone(spec);
  }

  clear(): void {
    this.specs = [];
  }

  list(): ValidatorSpec[] {
    return structuredClone(this.specs);
  }

  setRunner(runner: ValidatorRunner | undefined): void {
    this.runner = runner;
  }

  /**
   * The refusal for a transition request its validators fail, or undefined to let the route handle
   * it (no validator, or a request the route refuses anyway: unknown issue, invalid transition).
   */
  async check(store: Store, req: EmulatorRequest, path: string): Promise<EmulatorResponse | undefined> {
    if (req.method.toUpperCase() !== 'POST' || this.specs.length === 0) return undefined;
    const match = TRANSITION_PATH.exec(path);
    const actor = store.user(req.actor);
    if (!match?.[1] || !actor) return undefined;
    const issue = store.visibleIssue(actor, decodeURIComponent(match[1]));
    const body = typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};
    const transition = typeof body.transition === 'object' && body.transition !== null ? (body.transition as Record<string, unknown>) : {};
    const id = typeof transition.id === 'string' || typeof transition.id === 'number' ? String(transition.id) : '';
    const target = STATUSES.find((s) => s.transitionId === id);
    if (!issue || !target || target.id === issue.statusId) return undefined;
    const modifiedFields = typeof body.fields === 'object' && body.fields !== null ? structuredClone(body.fields as Record<string, unknown>) : {};
    for (const spec of this.specs.filter((s) => s.transitionId === id)) {
      const argument: ValidatorArgument = {
        issue: { key: issue.key },
        configuration: spec.configuration === undefined ? {} : structuredClone(spec.configuration),
        transition: { from: { id: issue.statusId }, to: { id: target.id }, modifiedFields },
      };
      const outcome = await this.run(spec.moduleKey, argument);
      if (outcome.result !== true) return jsonResponse(400, errorCollection([outcome.errorMessage || DEFAULT_VALIDATOR_MESSAGE]));
    }
    return undefined;
  }

  private async run(moduleKey: string, argument: ValidatorArgument): Promise<ValidatorOutcome> {
    if (!this.runner) return { result: false };
    try {
      return await this.runner(moduleKey, argument);
    } catch (err) {
      console.error(`jira emulator: validator ${moduleKey} on ${argument.issue.key} failed: ${(err as Error).message}`);
      return { result: false };
    }
  }
}
