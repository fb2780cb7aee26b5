/**
 * Per-project audit settings: strict mode and four eyes. Changing them needs the Administer
 * Projects permission, checked as the user: both move what the verdict stands on for everyone in
 * the project, so they are a project admin's call, like the project's other configuration. Every
 * change is recorded in the project's decision trail (before → after).
 *
 * Four eyes is on by default, also for projects whose settings were stored before it existed.
 */
import { z } from 'zod';
import type { ProjectSettings } from '../../common/contract';
import type { EvidenceJira } from '../jira/evidence-issue';
import { AccessDeniedError } from '../platform/access';
import type { ProjectCaller } from '../platform/context';
import { projectSettingsKey } from '../storage/keys';
import { readValue, writeValue } from '../storage/kvs';
import { markProjectChanged } from '../storage/project-state';
import { recordDecision } from '../trail/record';

const settingsSchema = z.object({ strictMode: z.boolean(), fourEyes: z.boolean().optional() });

export const DEFAULT_SETTINGS: ProjectSettings = { strictMode: false, fourEyes: true };

export async function readProjectSettings(projectKey: string): Promise<ProjectSettings> {
  const stored = await readValue(projectSettingsKey(projectKey), settingsSchema);
  return { ...DEFAULT_SETTINGS, ...(stored?.strictMode !== undefined ? { strictMode: stored.strictMode } : {}), ...(stored?.fourEyes !== undefined ? { fourEyes: stored.fourEyes } : {}) };
}

export async function setProjectSettings(issues: EvidenceJira, caller: ProjectCaller, change: Partial<ProjectSettings>): Promise<ProjectSettings> {
  const grants = await issues.getMyPermissions({ projectKey: caller.projectKey, permissions: ['ADMINISTER_PROJECTS'] });
  if (grants.ADMINISTER_PROJECTS !== true) {
    throw new AccessDeniedError(
      `You need the Administer Projects permission in project ${caller.projectKey} to change its audit settings. Ask a Jira admin of the project to change them, or to grant it.`,
    );
  }
  const before = await readProjectSettings(caller.projectKey);
  const next: ProjectSettings = { strictMode: change.strictMode ?? before.strictMode, fourEyes: change.fourEyes ?? before.fourEyes };
  if (next.strictMode === before.strictMode && next.fourEyes === before.fourEyes) return next;
  await writeValue(projectSettingsKey(caller.projectKey), next);
  // Cached rollups were scored under the old settings.
  await markProjectChanged(caller.projectKey);
  await recordDecision({ projectKey: caller.projectKey, actor: caller.accountId, action: 'settings.change', before, after: next });
  console.info(`[settings] project ${caller.projectKey}: strict mode ${next.strictMode ? 'on' : 'off'}, four eyes ${next.fourEyes ? 'on' : 'off'}`);
  return next;
}
