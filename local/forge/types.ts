/**
 * Public types of the local Forge runtime (local/forge). Tests, the local server and the host use
 * these; the app itself never sees them (it only talks to the real @forge/* packages).
 */
import type { JiraEmulatorApi } from '../jira/types';
import type { AppManifest } from './manifest';

export type InvocationKind = 'resolver' | 'consumer' | 'trigger' | 'scheduled' | 'validator';

/** How an invocation ended. `timeout` and `killed` invocations were abandoned by the runtime. */
export type InvocationOutcome = 'ok' | 'error' | 'timeout' | 'killed';

export interface InvocationRecord {
  id: string;
  kind: InvocationKind;
  /** The manifest function key (e.g. `resolver`, `import-worker`). */
  function: string;
  /** The manifest handler (e.g. `index.resolverHandler`). */
  handler: string;
  /** The resolver definition called (`invoke(functionKey)`), for resolver invocations. */
  functionKey?: string;
  /** The module that caused the invocation (UI module, consumer, trigger, scheduled trigger). */
  moduleKey: string;
  accountId?: string;
  startedAt: string;
  durationMs: number;
  ok: boolean;
  outcome: InvocationOutcome;
  error?: string;
  /** Jira product calls the invocation made (asApp and asUser). */
  productCalls: number;
  /** Duration × the function's memory, as Forge bills it (meter.ts). */
  gbSeconds?: number;
  /** For consumers: the queue event and how many times it was retried before this attempt. */
  eventId?: string;
  retryCount?: number;
}

/** What `POST /api/invoke` and the host send: the UI module's context. */
export interface InvokeContext {
  moduleKey: string;
  accountId: string;
  projectKey?: string;
  issueKey?: string;
  /** Optional: ids the host already knows; looked up in the emulator when absent. */
  projectId?: string;
  projectType?: string;
  issueId?: string;
  issueType?: string;
  localId?: string;
  /** Extra fields merged into `context.extension` (e.g. custom field `fieldId`, `fieldValue`). */
  extension?: Record<string, unknown>;
}

export interface InvokeRequest {
  functionKey: string;
  payload?: unknown;
  context: InvokeContext;
}

export interface KillPlan {
  /** The consumer may make this many Jira product calls; the next one kills it. */
  afterProductCalls: number;
  /**
   * true: the fatal call still reaches Jira (the write happens) but the consumer dies before it
   * sees the answer, the nastiest case for idempotency. false (default): it dies before the call.
   */
  duringCall?: boolean;
}

export interface RuntimeLimits {
  /** Resolver time limit; Forge: 25 s. */
  resolverTimeoutMs: number;
  /** Consumer / trigger default when the function sets no `timeoutSeconds`; Forge: 55 s. */
  defaultAsyncTimeoutMs: number;
  /** Platform retries of a queue event after a timeout or a kill; Forge documents 4. */
  maxEventRetries: number;
  /** Delay before a platform retry (ms, before `timeScale`). */
  retryDelayMs: number;
  /** Forge's per-installation rate limits (rate-limits.ts): events and KVS units a window, KVS requests a second. */
  asyncEventsPerMinute: number;
  kvsReadUnitsPerMinute: number;
  kvsWriteUnitsPerMinute: number;
  kvsRequestsPerSecond: number;
  /** The window the per-minute limits count in (60,000 ms; tests shorten it). */
  rateWindowMs: number;
}

export interface ForgeRuntimeOptions {
  /** Directory holding `manifest.yml` and `src/index.ts`. */
  appDir: string;
  emulator: JiraEmulatorApi;
  /** JSON file that keeps KVS contents across restarts. */
  kvsStateFile?: string;
  /** Site URL the app sees (`context.siteUrl`). */
  siteUrl?: string;
  limits?: Partial<RuntimeLimits>;
  /**
   * Multiplies platform delays (push `delayInSeconds`, retry back-off). 1 = real time; tests use 0.
   * Time limits are not scaled.
   */
  timeScale?: number;
  /** Maximum consumer invocations running at once (Forge runs events in parallel). */
  consumerConcurrency?: number;
  /** Where runtime diagnostics go (a timed-out consumer, a failed event). Default: console.warn. */
  log?: (message: string) => void;
}

export interface QueueJobStats {
  success: number;
  inProgress: number;
  failed: number;
}

export interface ForgeRuntime {
  readonly appDir: string;
  readonly appId: string;
  readonly cloudId: string;
  /** The parsed manifest.yml the runtime acts on. */
  readonly manifest: AppManifest;
  /** Call a UI module's resolver as `@forge/bridge` `invoke` would; resolves to its return value. */
  invoke(request: InvokeRequest): Promise<unknown>;
  /**
   * The context Forge gives a UI module (what `view.getContext()` returns in the frontend and what
   * its resolver receives), for the host.
   */
  uiContext(context: InvokeContext): Promise<Record<string, unknown>>;
  /** Run a scheduled trigger now (tests; there is no clock-driven schedule locally). */
  runScheduled(moduleKey: string): Promise<unknown>;
  /** Resolves when no queue event, retry or trigger is pending or running. */
  idle(): Promise<void>;
  /** Every invocation so far, oldest first. */
  invocations(): InvocationRecord[];
  clearInvocations(): void;
  /** What the app used since the last reset: GB-s, KVS reads/writes, async events, Jira calls (meter.ts). */
  usage(): import('./meter').UsageTotals;
  resetUsage(): void;
  /** Make the NEXT consumer invocation die after N product calls; Forge then re-delivers its event. */
  killNextConsumer(plan: KillPlan): void;
  /** Queue job statistics as `Queue.getStats` reports them. */
  jobStats(jobId: string): QueueJobStats | undefined;
  /** The local KVS (for tests and the host): clear, inspect. */
  kvs: {
    clear(): void;
    keys(): string[];
    get(key: string): unknown;
    /** Writes one value as `kvs.set` would (tests, benches), without metering it. */
    put(key: string, value: unknown): void;
    delete(key: string): void;
  };
  /** Stop delivering events and triggers; flush the KVS state file. */
  close(): Promise<void>;
}
