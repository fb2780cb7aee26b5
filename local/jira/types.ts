/**
 * The seam between the Jira emulator (local/jira) and its two callers: the HTTP server (requests
 * from outside, under /jira) and the Forge runtime (the app's own product calls, in-process).
 */
import type { NotificationRecord } from './state/model';
import type { ValidatorRunner, ValidatorSpec } from './workflow-validators';

/** Who sends a request: a user account id (`admin`, `viewer`, …) or the app itself. */
export const APP_ACTOR = 'app' as const;

export interface EmulatorRequest {
  method: string;
  /** Path under the Jira base URL, e.g. `/rest/api/3/issue/MSP-1`. No query string. */
  path: string;
  /** Query parameters; a repeated parameter is an array. */
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined. */
  body: unknown;
  /** Account id of the acting user, or APP_ACTOR for `asApp()` calls. */
  actor: string;
  /** `app` for calls the app makes through the Forge runtime, `outside` for everything else. */
  origin: 'app' | 'outside';
}

export interface EmulatorResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON-serialisable body, or undefined for 204. */
  body: unknown;
}

export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  body: unknown;
  status: number;
  actor: string;
  origin: 'app' | 'outside';
  durationMs: number;
}

export interface Faults {
  /** Fraction of requests (0..1) answered 429 with Retry-After. */
  rate429?: number;
  /** Fraction of requests answered 500. */
  rate500?: number;
  /** Added latency per request, in ms. */
  latencyMs?: number;
  /** Retry-After seconds on a 429. */
  retryAfterS?: number;
  /**
   * Fraction of issue creates (POST /issue, /issue/bulk) answered 500 AFTER the issues were
   * created: a gateway failure after Jira committed, so a blind resend would duplicate them.
   */
  rate500AfterCommit?: number;
  /** Search index lag: issues created while this is set are missing from search results for this many ms. */
  searchLagMs?: number;
}

/** One changelog item, as Jira puts it in `avi:jira:updated:issue` payloads. */
export interface ChangelogItem {
  field: string;
  fieldtype: string;
  /** Field id (`status`, `labels`, `customfield_10050`); Jira sends it beside the display name. */
  fieldId?: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

/** A change to an issue, for the Forge runtime to turn into `avi:jira:*:issue` trigger events. */
export interface IssueChangeEvent {
  kind: 'created' | 'updated';
  /** The issue as `GET /rest/api/3/issue/{key}` would return it (id, key, fields). */
  issue: { id: string; key: string; fields: Record<string, unknown> };
  changelog?: { id: string; items: ChangelogItem[] };
  actor: string;
  origin: 'app' | 'outside';
  /** False when the app asked not to generate app events (e.g. app field value writes with generateAppEvents=false). */
  generateEvents: boolean;
}

export interface JiraEmulatorApi {
  handle(req: EmulatorRequest): Promise<EmulatorResponse>;
  /** Back to the seed: project MSP, users admin and viewer, the manifest's fields. Clears the log and faults. */
  reset(): void;
  setFaults(faults: Faults): void;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  /** What the issue notify API received since reset: issue, recipients, subject, text. */
  notifications(): NotificationRecord[];
  /** Subscribe to issue changes; returns an unsubscribe function. */
  onIssueChange(listener: (event: IssueChangeEvent) => void): () => void;
  /**
   * Adds a company-managed project, e.g. one without an Epic type (`issueTypes: ['Task', 'Sub-task']`)
   * or without a standard type (`['Epic', 'Sub-task']`). Kept until the next reset.
   */
  addProject(spec: ProjectSpec): { id: string; key: string };
  /**
   * Issue security, minimally: hides the issue from these accounts everywhere (search, GET issue),
   * as an issue security level they are not in would; `[]` shows it to everyone again.
   */
  setIssueSecurity(issueKey: string, hiddenFrom: readonly string[]): void;
  /**
   * Sets when an issue last changed, as a change made at `at` would have, without an event or a
   * changelog entry now: a project worked on for months, for benches and tests of time-based reads.
   */
  setIssueUpdated(issueKey: string, at: Date): void;
  /** Attaches a file (metadata only) to an issue, as a person uploading it would; returns its id. */
  addAttachment(issueKey: string, file: { filename: string; size?: number; mimeType?: string; authorId?: string }): { id: string };
  /** Puts an app's `jira:workflowValidator` on a transition (see workflow-validators.ts); cleared by reset. */
  addWorkflowValidator(spec: ValidatorSpec): void;
  /** Adds or replaces the module's validator on the transition (what the host's configuration page saves). */
  putWorkflowValidator(spec: ValidatorSpec): void;
  clearWorkflowValidators(): void;
  workflowValidators(): ValidatorSpec[];
  /** How validators run: the Forge runtime registers the app's functions here. */
  setValidatorRunner(runner: ValidatorRunner | undefined): void;
  /**
   * Test hook: the project permissions `accountId` holds in project `projectKey` from now on (until
   * reset), replacing their defaults there; `null` returns them to their defaults. Throws on an
   * unknown user, project or permission key.
   */
  setProjectPermissions(accountId: string, projectKey: string, permissions: readonly string[] | null): void;
  /**
   * Test hook for Jira's issue move (no REST route emulated): the issue gets the next key of
   * `targetProjectKey` and keeps its id, fields, properties and status; its old key still resolves
   * to it. Returns the new key. Throws on an unknown issue/project or a sub-task.
   */
  moveIssue(issueKey: string, targetProjectKey: string): string;
  /** Writes pending state to the state file now (a no-op without one). */
  flush(): void;
}

export interface ProjectSpec {
  key: string;
  name?: string;
  /** Issue type names from the site catalog: Epic, Task, Story, Bug, Sub-task. Default Task, Sub-task, Epic. */
  issueTypes?: string[];
  leadAccountId?: string;
}

export interface JiraEmulatorOptions {
  /** The app manifest whose custom fields and entity property indexes are installed. Default: manifest.yml in the working directory. */
  manifestPath?: string;
  /** JSON file the state is written to after each change and read from on start. */
  stateFile?: string;
  /** Overrides the app id read from the manifest's `app.id`. */
  appId?: string;
  /** Forge environment id used in custom field ARIs. Default: a fixed local uuid. */
  envId?: string;
  /** Absolute base URL for `self` links. Default `http://localhost:${PORT ?? 8080}/jira`. */
  baseUrl?: string;
  /** Seed of the fault PRNG. Default 1. */
  faultSeed?: number;
  /** Clock for created/updated timestamps (tests freeze it). */
  now?: () => Date;
}
