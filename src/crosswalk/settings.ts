/**
 * A project's crosswalk setting: whether strict mode counts accepted evidence from another
 * checklist's item that fully covers an item (off by default: an auditor of B may want B's own
 * evidence). Changing it needs Administer Projects, checked as the user, like the other audit
 * settings; the change is recorded in the project's trail and makes cached rollups stale.
 */
import { z } from 'zod';
import type { CrosswalkSettings } from '../../common/crosswalk';
import { AccessDeniedError } from '../../common/errors';
import type { JiraClient } from '../jira';
import type { ProjectCaller } from '../platform/context';
import { crosswalkSettingsKey, crosswalkSettingsLockKey } from '../storage/keys';
import { withRecordLock } from '../storage/record-lock';
import { readValue, writeValue } from '../storage/kvs';
import { markProjectChanged } from '../storage/project-state';
import { writeRecordWithDecision } from '../trail/wal';

const schema = z.object({ countsInStrictMode: z.boolean() });

export async function readCrosswalkSettings(projectKey: string): Promise<CrosswalkSettings> {
  return (await readValue(crosswalkSettingsKey(projectKey), schema)) ?? { countsInStrictMode: false };
}

export async function setCrosswalkSettings(jira: JiraClient, caller: ProjectCaller, next: CrosswalkSettings): Promise<CrosswalkSettings> {
  const grants = await jira.getMyPermissions({ projectKey: caller.projectKey, permissions: ['ADMINISTER_PROJECTS'] });
  if (grants.ADMINISTER_PROJECTS !== true) {
    throw new AccessDeniedError(
      `You need the Administer Projects permission in project ${caller.projectKey} to change whether strict mode counts evidence from other checklists. Ask a Jira admin of the project.`,
    );
  }
  // Two admins switching at once take turns: the trail never records a change from a state that was no longer there.
  const busy = `Someone else is changing this setting of project ${caller.projectKey} right now; try again in a moment.`;
  return withRecordLock(crosswalkSettingsLockKey(caller.projectKey), busy, async () => {
    const before = await readCrosswalkSettings(caller.projectKey);
    if (before.countsInStrictMode === next.countsInStrictMode) return before;
    const record = { key: crosswalkSettingsKey(caller.projectKey), value: next };
    const decision = { projectKey: caller.projectKey, actor: caller.accountId, action: 'settings.change' as const, before: { crosswalkCountsInStrictMode: before.countsInStrictMode }, after: { crosswalkCountsInStrictMode: next.countsInStrictMode } };
    await writeRecordWithDecision(decision, record, async () => {
      await writeValue(record.key, record.value);
      await markProjectChanged(caller.projectKey);
    });
    return next;
  });
}
