/**
 * The local Forge runtime: runs the app's real handlers with the real @forge/* packages, and
 * provides what the Forge platform provides around them (see DESIGN.md, "The local runtime"):
 * resolvers with the 25 s limit, product calls to the Jira emulator as the app or the acting user,
 * a KVS, queues delivered to consumers with their time limits and retries, and Jira triggers.
 */
import { randomUUID } from 'node:crypto';
import { ContextResolver } from './context';
import { failureOf, InvokeError, isInheritedKey, type FailureInfo } from './errors';
import { fromEmulatorResponse, jsonResponse, toEmulatorRequest, bodyText, parseBody } from './http';
import {
  installForgeGlobals,
  makeRuntimeGlobal,
  runInScope,
  uninstallForgeHandler,
  type FetchHandler,
  type ForgeFetchInit,
  type ForgeFetchTarget,
  type ForgeRuntimeGlobal,
  type InvocationScope,
} from './invocation';
import { KvsStore } from './kvs-store';
import { isKvsWrite, Meter, type UsageTotals } from './meter';
import { FORGE_RATE_LIMITS, RateLimiter } from './rate-limits';
import { loadHandler, type HandlerFn } from './loader';
import { loadAppManifest, type AppManifest, type ManifestFunction } from './manifest';
import { QueueBroker, WorkTracker, toAsyncEvent, toDeliveryResult, type DeliveryResult, type QueuedEvent } from './queue';
import { subscribeTriggers } from './triggers';
import { bridgeValidators } from './validators';
import type { ForgeRuntime, ForgeRuntimeOptions, InvocationKind, InvocationOutcome, InvocationRecord, InvokeContext, InvokeRequest, KillPlan, RuntimeLimits } from './types';

export const DEFAULT_LIMITS: RuntimeLimits = {
  resolverTimeoutMs: 25_000,
  defaultAsyncTimeoutMs: 55_000,
  maxEventRetries: 4,
  retryDelayMs: 1_000,
  ...FORGE_RATE_LIMITS,
};
const MAX_INVOKE_PAYLOAD = 500 * 1024;
const MAX_INVOKE_RESPONSE = 5 * 1024 * 1024;

/** A fixed cloud id and environment: the app sees one stable site. */
const LOCAL_CLOUD_ID = '7f3c2a10-5d1e-4b8a-9c6f-0a1b2c3d4e5f';
const LOCAL_ENVIRONMENT_ID = 'e0c1a2b3-4d5e-4f60-8a7b-9c0d1e2f3a4b';

export interface RunArgs {
  kind: InvocationKind;
  fn: ManifestFunction;
  moduleKey: string;
  accountId?: string;
  timeoutMs: number;
  args: unknown[];
  functionKey?: string;
  eventId?: string;
  retryCount?: number;
  kill?: KillPlan;
}

export interface RunResult {
  outcome: InvocationOutcome;
  value?: unknown;
  error?: string;
  /** What the handler threw (outcome `error`): message, name and refusal code. */
  failure?: FailureInfo;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function createForgeRuntime(options: ForgeRuntimeOptions): ForgeRuntime {
  return new LocalForgeRuntime(options);
}

class LocalForgeRuntime implements ForgeRuntime, FetchHandler {
  readonly appDir: string;
  readonly appId: string;
  readonly cloudId = LOCAL_CLOUD_ID;
  readonly manifest: AppManifest;
  private readonly limits: RuntimeLimits;
  private readonly store: KvsStore;
  private readonly broker: QueueBroker;
  private readonly work = new WorkTracker();
  private readonly contexts: ContextResolver;
  private readonly log: (m: string) => void;
  private readonly unsubscribe: () => void;
  private records: InvocationRecord[] = [];
  private readonly meter = new Meter();
  private readonly rates = new RateLimiter(() => this.limits);
  private nextKill: KillPlan | undefined;
  private readonly idleGlobal: ForgeRuntimeGlobal;
  private closed = false;

  constructor(private readonly o: ForgeRuntimeOptions) {
    this.appDir = o.appDir;
    this.manifest = loadAppManifest(o.appDir);
    this.appId = this.manifest.appId;
    this.limits = { ...DEFAULT_LIMITS, ...(o.limits ?? {}) };
    this.log = o.log ?? ((m) => console.warn(`[forge] ${m}`));
    this.store = new KvsStore(this.manifest.entities, o.kvsStateFile);
    this.contexts = new ContextResolver(o.emulator, {
      cloudId: this.cloudId,
      siteUrl: o.siteUrl ?? 'http://localhost:8080',
      environmentId: LOCAL_ENVIRONMENT_ID,
      appId: this.appId,
    });
    this.idleGlobal = this.runtimeGlobal('', '', Number.MAX_SAFE_INTEGER);
    this.broker = new QueueBroker({
      deliver: (ev) => this.deliver(ev),
      hasConsumer: (q) => this.manifest.consumers.some((c) => c.queue === q),
      consumerTimeoutSeconds: (q) => this.consumerFunction(q)?.timeoutSeconds ?? 55,
      maxRetries: this.limits.maxEventRetries,
      retryDelayMs: this.limits.retryDelayMs,
      timeScale: o.timeScale ?? 1,
      concurrency: o.consumerConcurrency ?? 4,
      work: this.work,
      log: this.log,
    });
    // Globals first: @forge/kvs reads __forge_runtime__ when the app module loads.
    installForgeGlobals(this);
    for (const fn of this.manifest.functions.values()) loadHandler(o.appDir, fn.handler);
    const stopTriggers = subscribeTriggers(this, o.emulator);
    const stopValidators = bridgeValidators(this, o.emulator);
    this.unsubscribe = () => {
      stopTriggers();
      stopValidators();
    };
  }

  get installContext(): string {
    return `ari:cloud:jira::site/${this.cloudId}`;
  }

  // ---- public API ----

  async invoke(request: InvokeRequest): Promise<unknown> {
    const { functionKey, payload, context } = request;
    const module = this.manifest.uiModules.find((m) => m.key === context.moduleKey);
    if (!module) throw new InvokeError(`No module "${context.moduleKey}" in manifest.yml`, 404, 'not-found');
    if (!module.resolverFunction) throw new InvokeError(`Module "${module.key}" has no resolver in manifest.yml`, 404, 'not-found');
    // A key every object inherits would reach @forge/resolver's `key in functions` lookup.
    if (typeof functionKey !== 'string' || functionKey === '' || isInheritedKey(functionKey)) {
      throw new InvokeError(`There is no resolver function "${String(functionKey)}": name one the app defines.`, 404, 'not-found');
    }
    if (!context.accountId) throw new InvokeError('An invocation needs the account id of the user who makes it.', 400, 'invalid-input');
    const fn = this.fn(module.resolverFunction);
    const payloadBytes = Buffer.byteLength(JSON.stringify(payload ?? {}));
    if (payloadBytes > MAX_INVOKE_PAYLOAD) {
      throw new InvokeError(`The invoke payload exceeds ${MAX_INVOKE_PAYLOAD / 1024} KB, Forge's limit.`, 413, 'limit');
    }
    const ctx = await this.contexts.uiContext(module, context);
    const backend = { principal: { accountId: context.accountId }, installContext: this.installContext };
    const result = await this.run({
      kind: 'resolver',
      fn,
      moduleKey: module.key,
      accountId: context.accountId,
      timeoutMs: this.limits.resolverTimeoutMs,
      functionKey,
      args: [{ call: { functionKey, payload: payload ?? {} }, context: ctx }, backend],
    });
    if (result.outcome !== 'ok') throw InvokeError.fromFailure(result.outcome, result.failure, result.error ?? result.outcome);
    const size = result.value === undefined ? 0 : Buffer.byteLength(JSON.stringify(result.value));
    this.meter.invokeSizes(payloadBytes, size);
    if (size > MAX_INVOKE_RESPONSE) throw new Error(`The resolver response is ${size} bytes; Forge's limit is 5 MB.`);
    return result.value;
  }

  uiContext(context: InvokeContext): Promise<Record<string, unknown>> {
    const module = this.manifest.uiModules.find((m) => m.key === context.moduleKey);
    if (!module) return Promise.reject(new Error(`No module "${context.moduleKey}" in manifest.yml`));
    return this.contexts.uiContext(module, context);
  }

  async runScheduled(moduleKey: string): Promise<unknown> {
    const st = this.manifest.scheduledTriggers.find((s) => s.key === moduleKey);
    if (!st) throw new Error(`No scheduledTrigger "${moduleKey}" in manifest.yml`);
    const fn = this.fn(st.function);
    this.work.begin();
    try {
      const result = await this.run({
        kind: 'scheduled',
        fn,
        moduleKey,
        timeoutMs: this.asyncTimeoutMs(fn),
        args: [{ context: { cloudId: this.cloudId, moduleKey, userAccess: { enabled: false } } }, { installContext: this.installContext }],
      });
      if (result.outcome !== 'ok') throw new Error(result.error ?? result.outcome);
      return result.value;
    } finally {
      this.work.end();
    }
  }

  idle(): Promise<void> {
    return this.work.idle();
  }

  invocations(): InvocationRecord[] {
    return this.records.map((r) => ({ ...r }));
  }

  clearInvocations(): void {
    this.records = [];
  }

  /** FetchHandler: a console line of one of this runtime's invocations. */
  logged(bytes: number): void {
    this.meter.log(bytes);
  }

  usage(): UsageTotals {
    const usage = this.meter.usage();
    return { ...usage, peaks: { ...usage.peaks, ...this.rates.peaks() } };
  }

  resetUsage(): void {
    this.meter.reset();
    this.rates.reset();
  }

  killNextConsumer(plan: KillPlan): void {
    this.nextKill = plan;
  }

  jobStats(jobId: string) {
    return this.broker.jobStats(jobId);
  }

  readonly kvs = {
    clear: (): void => this.store.clear(),
    keys: (): string[] => this.store.keys(),
    get: (key: string): unknown => this.store.peek(key),
    put: (key: string, value: unknown): void => this.store.put(key, value),
    delete: (key: string): void => this.store.drop(key),
  };

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    this.broker.close();
    this.store.flush();
    uninstallForgeHandler(this);
  }

  // ---- internals shared with triggers.ts ----

  fn(key: string): ManifestFunction {
    const fn = this.manifest.functions.get(key);
    if (!fn) throw new Error(`No function "${key}" in manifest.yml`);
    return fn;
  }

  asyncTimeoutMs(fn: ManifestFunction): number {
    return fn.timeoutSeconds !== undefined ? fn.timeoutSeconds * 1000 : this.limits.defaultAsyncTimeoutMs;
  }

  isClosed(): boolean {
    return this.closed;
  }

  /** Run a task after the current tick, counted as pending work for idle(). */
  background(task: () => Promise<unknown>): void {
    this.work.begin();
    setImmediate(() => {
      // Closed in between (a test's teardown): the task would load app code into a torn-down world.
      if (this.closed) {
        this.work.end();
        return;
      }
      task()
        .catch((e: unknown) => this.log(`background task failed: ${message(e)}`))
        .finally(() => this.work.end());
    });
  }

  /** Run one handler in its own invocation scope, with a time limit; never rejects. */
  run(a: RunArgs): Promise<RunResult> {
    let handler: HandlerFn;
    try {
      handler = loadHandler(this.appDir, a.fn.handler);
    } catch (e) {
      return Promise.resolve({ outcome: 'error', error: message(e) });
    }
    const started = Date.now();
    const deadline = started + a.timeoutMs;
    const record: InvocationRecord = {
      id: randomUUID(),
      kind: a.kind,
      function: a.fn.key,
      handler: a.fn.handler,
      ...(a.functionKey !== undefined ? { functionKey: a.functionKey } : {}),
      moduleKey: a.moduleKey,
      ...(a.accountId !== undefined ? { accountId: a.accountId } : {}),
      startedAt: new Date(started).toISOString(),
      durationMs: 0,
      ok: false,
      outcome: 'ok',
      productCalls: 0,
      ...(a.eventId !== undefined ? { eventId: a.eventId, retryCount: a.retryCount ?? 0 } : {}),
    };
    return new Promise<RunResult>((resolve) => {
      let settled = false;
      const finish = (outcome: InvocationOutcome, value?: unknown, error?: string, failure?: FailureInfo): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        Object.assign(record, { durationMs: Date.now() - started, ok: outcome === 'ok', outcome, ...(error !== undefined ? { error } : {}) });
        record.gbSeconds = this.meter.invocation(a.kind, record.durationMs, a.fn.memoryMB);
        this.records.push(record);
        resolve({ outcome, value, ...(error !== undefined ? { error } : {}), ...(failure !== undefined ? { failure } : {}) });
      };
      const scope: InvocationScope = {
        handler: this,
        record,
        accountId: a.accountId,
        deadline,
        kill: a.kill,
        forgeRuntime: this.runtimeGlobal(a.moduleKey, a.fn.key, deadline, a.accountId),
        die: (why) => {
          scope.dead = why;
          finish('killed', undefined, why);
        },
      };
      const seconds = Math.round(a.timeoutMs / 100) / 10;
      const timer = setTimeout(() => {
        // JS cannot stop the handler; marking the scope dead makes every later platform call fail,
        // which is what a frozen Forge sandbox amounts to for the outside world.
        scope.dead = `timed out after ${seconds} s`;
        if (a.kind !== 'resolver') this.log(`${a.kind} ${a.fn.key} (${a.moduleKey}) timed out after ${seconds} s and was abandoned`);
        finish('timeout', undefined, `The function ${a.fn.key} timed out after ${seconds} s (Forge's limit for a ${a.kind}).`);
      }, a.timeoutMs);
      runInScope(scope, async () => handler(...a.args)).then(
        (v) => finish('ok', v),
        (e: unknown) => finish('error', undefined, message(e), failureOf(e)),
      );
    });
  }

  // ---- __forge_fetch__ ----

  idleRuntimeGlobal(): ForgeRuntimeGlobal {
    return this.idleGlobal;
  }

  async forgeFetch(scope: InvocationScope | undefined, target: ForgeFetchTarget, path: string, init: ForgeFetchInit): Promise<Response> {
    if (scope?.dead) throw new Error(`Forge invocation ${scope.record.function} is no longer running (${scope.dead})`);
    if (target.type === 'kvs') {
      const text = bodyText(init.body);
      const request = parseBody(text);
      const write = isKvsWrite(path);
      // A read is counted by what it returns, so it is looked at before it is allowed.
      const reply = write ? undefined : this.store.handle(path, request);
      if (!this.rates.kvsRequest(write, write ? Buffer.byteLength(text ?? '') : Buffer.byteLength(JSON.stringify(reply?.body ?? '')))) {
        return jsonResponse(429, { code: 'RATE_LIMIT_EXCEEDED', message: `Forge's KVS rate limit for this installation was reached (${write ? 'writes' : 'reads'}); retry with back-off.` });
      }
      const answer = reply ?? this.store.handle(path, request);
      this.meter.kvs(path, request, answer.body);
      return jsonResponse(answer.status, answer.body);
    }
    if (target.type === 'fpp' && target.remote === 'jira') return this.product(scope, target, path, init);
    if (target.type === 'fpp' && target.remote === 'stargate' && path.startsWith('/webhook/queue/')) {
      const request = parseBody(bodyText(init.body));
      const events = (request as { payload?: unknown } | undefined)?.payload;
      if (path.includes('/publish/') && Array.isArray(events) && !this.rates.pushEvents(events.length)) {
        return jsonResponse(429, { message: `Forge's limit of ${this.limits.asyncEventsPerMinute} async events a minute for this installation was reached.` });
      }
      const reply = this.broker.handle(path, request, scope?.accountId);
      if (reply.status < 300 && path.includes('/publish/')) this.meter.asyncEvents(Array.isArray(events) ? events.length : 1, Buffer.byteLength(JSON.stringify(events ?? [])));
      return jsonResponse(reply.status, reply.body);
    }
    return jsonResponse(404, { message: `The local Forge runtime does not emulate ${target.type}/${target.remote ?? ''} ${path}` });
  }

  private async product(scope: InvocationScope | undefined, target: ForgeFetchTarget, path: string, init: ForgeFetchInit): Promise<Response> {
    // provider 'none' is the bare `requestJira` export; Forge treats it as the app.
    const actor = target.provider === 'user' ? (target.accountId ?? scope?.accountId) : 'app';
    if (!actor) {
      return new Response(null, { status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } });
    }
    let fatal = false;
    if (scope?.kill && scope.record.productCalls >= scope.kill.afterProductCalls) {
      fatal = true;
      if (!scope.kill.duringCall) {
        scope.die(`killed before product call ${scope.record.productCalls + 1}`);
        throw new Error('Forge invocation was killed (simulated)');
      }
    }
    if (scope) scope.record.productCalls++;
    this.meter.jiraCall();
    let res: Response;
    try {
      res = fromEmulatorResponse(await this.o.emulator.handle(toEmulatorRequest(path, init, actor)));
    } catch (e) {
      res = jsonResponse(500, { errorMessages: [`Jira emulator error: ${message(e)}`], errors: {} });
    }
    if (fatal && scope) {
      scope.die(`killed during product call ${scope.record.productCalls}`);
      throw new Error('Forge invocation was killed (simulated)');
    }
    return res;
  }

  // ---- queue delivery ----

  private consumerFunction(queue: string): ManifestFunction | undefined {
    const c = this.manifest.consumers.find((x) => x.queue === queue);
    return c ? this.manifest.functions.get(c.function) : undefined;
  }

  private async deliver(ev: QueuedEvent): Promise<DeliveryResult> {
    const consumer = this.manifest.consumers.find((c) => c.queue === ev.queueName);
    const fn = consumer ? this.manifest.functions.get(consumer.function) : undefined;
    if (!consumer || !fn) return { kind: 'failed', error: `no consumer function for queue ${ev.queueName}` };
    const kill = this.nextKill;
    this.nextKill = undefined;
    const context = { installContext: this.installContext, ...(ev.accountId ? { principal: { accountId: ev.accountId } } : {}) };
    const r = await this.run({
      kind: 'consumer',
      fn,
      moduleKey: consumer.key,
      accountId: ev.accountId,
      timeoutMs: this.asyncTimeoutMs(fn),
      args: [toAsyncEvent(ev), context],
      eventId: ev.eventId,
      retryCount: ev.retryCount,
      kill,
    });
    return toDeliveryResult(r.outcome, r.value, r.error);
  }

  private runtimeGlobal(moduleKey: string, functionName: string, deadline: number, accountId?: string): ForgeRuntimeGlobal {
    return makeRuntimeGlobal({
      appId: this.appId,
      environmentId: LOCAL_ENVIRONMENT_ID,
      installationId: `${LOCAL_CLOUD_ID}-install`,
      moduleKey,
      functionName,
      scopes: this.manifest.scopes,
      deadline,
      accountId,
    });
  }
}

export type { LocalForgeRuntime };
