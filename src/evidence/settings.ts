/**
 * Changing the per-project audit settings: strict mode and four eyes. Changing them needs the
 * Administer Projects permission, checked as the user: both move what the verdict stands on for
 * everyone in the project, so they are a project admin's call, like the project's other
 * configuration. Every change is recorded in the project's decision trail (before → after).
 */
import type { ProjectSettings } from '../../common/contract';
import type { EvidenceJira } from '../jira/evidence-issue';
import { AccessDeniedError } from '../platform/access';
import type { ProjectCaller } from '../platform/context';
import { readProjectSettings } from '../platform/settings';
import { projectSettingsKey, projectSettingsLockKey } from '../storage/keys';
import { withRecordLock } from '../storage/record-lock';
import { writeValue } from '../storage/kvs';
import { markProjectChanged } from '../storage/project-state';
import type { DecisionInput } from '../trail/record';
import { writeRecordWithDecision } from '../trail/wal';

export { DEFAULT_SETTINGS, readProjectSettings } from '../platform/settings';

export async function setProjectSettings(issues: EvidenceJira, caller: ProjectCaller, change: Partial<ProjectSettings>): Promise<ProjectSettings> {
  const grants = await issues.getMyPermissions({ projectKey: caller.projectKey, permissions: ['ADMINISTER_PROJECTS'] });
  if (grants.ADMINISTER_PROJECTS !== true) {
    throw new AccessDeniedError(
      `You need the Administer Projects permission in project ${caller.projectKey} to change its audit settings. Ask a Jira admin of the project to change them, or to grant it.`,
    );
  }
  // A change names only the settings it changes: two admins changing different ones at once take turns, and each keeps the other's.
  const busy = `Someone else is changing the audit settings of project ${caller.projectKey} right now; nothing of yours was saved. Try again in a moment.`;
  return withRecordLock(projectSettingsLockKey(caller.projectKey), busy, async () => {
    const before = await readProjectSettings(caller.projectKey);
    const next: ProjectSettings = { strictMode: change.strictMode ?? before.strictMode, fourEyes: change.fourEyes ?? before.fourEyes };
    if (next.strictMode === before.strictMode && next.fourEyes === before.fourEyes) return next;
    const record = { key: projectSettingsKey(caller.projectKey), value: next };
    const decision: DecisionInput = { projectKey: caller.projectKey, actor: caller.accountId, action: 'settings.change', before, after: next };
    await writeRecordWithDecision(decision, record, async () => {
      await writeValue(record.key, record.value);
      // Cached rollups were scored under the old settings.
      await markProjectChanged(caller.projectKey);
    });
    console.info(`[settings] project ${caller.projectKey}: strict mode ${next.strictMode ? 'on' : 'off'}, four eyes ${next.fourEyes ? 'on' : 'off'}`);
    return next;
  });
}
