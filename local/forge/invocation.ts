/**
 * Per-invocation state and the two globals the real @forge/* packages read:
 * `global.__forge_fetch__(target, path, init)` and `global.__forge_runtime__`.
 *
 * Forge runs each invocation in its own sandbox; here many invocations share one process, so the
 * acting user, the deadline and the kill switch live in an AsyncLocalStorage scope. The globals are
 * installed once per JS realm and dispatch to the runtime that owns the current scope, so several
 * runtimes (e.g. in tests) can coexist.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';
import { randomUUID } from 'node:crypto';
import type { InvocationRecord, KillPlan } from './types';

/** `target` as @forge/api, @forge/kvs and @forge/events pass it to `__forge_fetch__`. */
export interface ForgeFetchTarget {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
  contextAri?: string;
}

export interface ForgeFetchInit {
  method?: string;
  headers?: unknown;
  body?: unknown;
  signal?: unknown;
}

/** The part of a runtime that answers `__forge_fetch__` calls. */
export interface FetchHandler {
  forgeFetch(scope: InvocationScope | undefined, target: ForgeFetchTarget, path: string, init: ForgeFetchInit): Promise<Response>;
  /** `__forge_runtime__` outside any invocation (module load time). */
  idleRuntimeGlobal(): ForgeRuntimeGlobal;
  /** A line the function wrote to the console: Forge ingests it as a log (bytes, newline included). */
  logged?(bytes: number): void;
}

/** What `global.__forge_runtime__` holds (fields read by @forge/api 8 and @forge/kvs 1.6). */
export interface ForgeRuntimeGlobal {
  proxy: { token: string; url: string };
  metrics: {
    counter(name: string, tags?: unknown): { incr(): void; decr(): void };
    timing(name: string, tags?: unknown): { measure(): { stop(tags?: unknown): void } };
    gauge(name: string, tags?: unknown): { set(v: number): void };
  };
  appContext: {
    appId: string;
    appVersion: string;
    environmentId: string;
    environmentType: string;
    invocationId: string;
    installationId: string;
    moduleKey: string;
    license?: unknown;
    installation?: unknown;
    permissions: { scopes: string[]; external: Record<string, unknown> };
  };
  lambdaContext: { functionName: string; awsRequestId: string; getRemainingTimeInMillis(): number };
  tracing: { traceId: string; spanId: string };
  /** Account id of the invoking user, read by `authorize()`. */
  aaid?: string;
  externalAuth: unknown[];
}

export interface InvocationScope {
  handler: FetchHandler;
  record: InvocationRecord;
  /** The acting user for `asUser()`; undefined in app-only contexts. */
  accountId?: string;
  deadline: number;
  /** Set when the runtime abandoned the invocation (timeout, kill): every later call fails. */
  dead?: string;
  kill?: KillPlan;
  forgeRuntime: ForgeRuntimeGlobal;
  /** Abandon the invocation now (simulated kill): it is logged as killed and its calls fail. */
  die(why: string): void;
}

const als = new AsyncLocalStorage<InvocationScope>();
let fallback: FetchHandler | undefined;

export function currentScope(): InvocationScope | undefined {
  return als.getStore();
}

export function runInScope<T>(scope: InvocationScope, fn: () => Promise<T>): Promise<T> {
  meterConsole();
  return als.run(scope, fn);
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;
const METERED = Symbol.for('msp-audit-ready.local-forge.metered-console');
/** Console wrappers running now (console methods are synchronous): only the outermost counts. */
let printing = 0;
type ConsoleMethod = ((...args: unknown[]) => void) & { [METERED]?: true };

/**
 * Counts what a function writes to the console inside an invocation, as Forge ingests it into the
 * app's logs (billed by the GB): each console method is wrapped, and wrapped again at the next
 * invocation if something replaced it since (a test's spy, a bench that silences output), so the
 * count holds whatever prints the line. Outside an invocation nothing is counted.
 */
function meterConsole(): void {
  const target = console as unknown as Record<(typeof CONSOLE_METHODS)[number], ConsoleMethod>;
  for (const method of CONSOLE_METHODS) {
    const current = target[method];
    if (typeof current !== 'function' || current[METERED] === true) continue;
    const wrapped: ConsoleMethod = function (this: unknown, ...args: unknown[]) {
      // Counted once, by the outermost wrapper: a spy that calls through to an earlier wrapper is one line.
      if (printing === 0) als.getStore()?.handler.logged?.(Buffer.byteLength(format(...args), 'utf8') + 1);
      printing++;
      try {
        return current.apply(this, args);
      } finally {
        printing--;
      }
    };
    wrapped[METERED] = true;
    target[method] = wrapped;
  }
}

const noopMetrics: ForgeRuntimeGlobal['metrics'] = {
  counter: () => ({ incr: () => undefined, decr: () => undefined }),
  timing: () => ({ measure: () => ({ stop: () => undefined }) }),
  gauge: () => ({ set: () => undefined }),
};

export function makeRuntimeGlobal(args: {
  appId: string;
  environmentId: string;
  installationId: string;
  moduleKey: string;
  functionName: string;
  scopes: string[];
  deadline: number;
  accountId?: string;
}): ForgeRuntimeGlobal {
  const invocationId = randomUUID();
  return {
    proxy: { token: 'local-forge-runtime', url: 'http://local-forge-runtime' },
    metrics: noopMetrics,
    appContext: {
      appId: args.appId,
      appVersion: '1.0.0',
      environmentId: args.environmentId,
      environmentType: 'DEVELOPMENT',
      invocationId,
      installationId: args.installationId,
      moduleKey: args.moduleKey,
      permissions: { scopes: args.scopes, external: {} },
    },
    lambdaContext: {
      functionName: args.functionName,
      awsRequestId: invocationId,
      getRemainingTimeInMillis: () => Math.max(0, args.deadline - Date.now()),
    },
    tracing: { traceId: randomUUID().replace(/-/g, ''), spanId: randomUUID().slice(0, 16).replace(/-/g, '') },
    aaid: args.accountId,
    externalAuth: [],
  };
}

interface ForgeGlobals {
  __forge_fetch__?: (target: ForgeFetchTarget, path: string, init?: ForgeFetchInit) => Promise<Response>;
  __forge_runtime__?: ForgeRuntimeGlobal;
  __local_forge_installed__?: boolean;
}

/** Install the globals (once per realm) and make `handler` the one used outside invocations. */
export function installForgeGlobals(handler: FetchHandler): void {
  fallback = handler;
  const g = globalThis as ForgeGlobals;
  if (g.__local_forge_installed__) return;
  g.__local_forge_installed__ = true;
  g.__forge_fetch__ = (target, path, init) => {
    const scope = als.getStore();
    const owner = scope?.handler ?? fallback;
    if (!owner) return Promise.reject(new Error('No local Forge runtime is running.'));
    return owner.forgeFetch(scope, target, path, init ?? {});
  };
  Object.defineProperty(globalThis, '__forge_runtime__', {
    configurable: true,
    get: (): ForgeRuntimeGlobal | undefined => als.getStore()?.forgeRuntime ?? fallback?.idleRuntimeGlobal(),
  });
}

/** Forget `handler` as the fallback (runtime closed). */
export function uninstallForgeHandler(handler: FetchHandler): void {
  if (fallback === handler) fallback = undefined;
}
