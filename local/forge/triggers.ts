/**
 * Jira issue events → the manifest's `trigger` functions, with Forge's event payload
 * (`{ eventType, issue, changelog, atlassianId, associatedUsers, selfGenerated, context }`).
 * - `filter.ignoreSelf: true` drops events caused by the app's own product calls (asApp or asUser:
 *   both carry the app's identity in Forge).
 * - Writes made with `generateAppEvents=false` (the emulator reports `generateEvents: false`) fire
 *   no app trigger at all.
 * - Delivery is asynchronous (after the change's request has answered), once, without retries;
 *   Forge's delivery delay of up to minutes is not emulated.
 */
import type { IssueChangeEvent, JiraEmulatorApi } from '../jira/types';
import type { AppManifest, ManifestFunction } from './manifest';
import type { RunArgs, RunResult } from './runtime';

export interface TriggerHost {
  readonly manifest: AppManifest;
  readonly cloudId: string;
  readonly installContext: string;
  fn(key: string): ManifestFunction;
  asyncTimeoutMs(fn: ManifestFunction): number;
  run(a: RunArgs): Promise<RunResult>;
  isClosed(): boolean;
  background(task: () => Promise<unknown>): void;
}

export function triggerPayload(ev: IssueChangeEvent, moduleKey: string, cloudId: string): Record<string, unknown> {
  const userId = ev.actor === 'app' ? undefined : ev.actor;
  return {
    eventType: `avi:jira:${ev.kind}:issue`,
    // A snapshot: the issue may change again before the trigger runs.
    issue: structuredClone(ev.issue),
    ...(ev.kind === 'updated' && ev.changelog ? { changelog: structuredClone(ev.changelog) } : {}),
    ...(userId ? { atlassianId: userId, associatedUsers: [{ accountId: userId }] } : { associatedUsers: [] }),
    selfGenerated: ev.origin === 'app',
    context: { cloudId, moduleKey },
  };
}

export function subscribeTriggers(host: TriggerHost, emulator: JiraEmulatorApi): () => void {
  const triggers = host.manifest.triggers;
  if (triggers.length === 0) return () => undefined;
  return emulator.onIssueChange((ev) => {
    if (host.isClosed() || !ev.generateEvents) return;
    const eventType = `avi:jira:${ev.kind}:issue`;
    for (const t of triggers) {
      if (!t.events.includes(eventType)) continue;
      if (t.ignoreSelf && ev.origin === 'app') continue;
      const payload = triggerPayload(ev, t.key, host.cloudId);
      host.background(async () => {
        const fn = host.fn(t.function);
        await host.run({
          kind: 'trigger',
          fn,
          moduleKey: t.key,
          timeoutMs: host.asyncTimeoutMs(fn),
          args: [payload, { installContext: host.installContext }],
        });
      });
    }
  });
}
