/**
 * Per-project audit settings (strict mode). Changing them needs the Administer Projects permission:
 * strict mode moves the score everyone in the project sees, so it is a project admin's call, like
 * the project's other configuration.
 */
import { z } from 'zod';
import type { ProjectSettings } from '../../common/contract';
import type { EvidenceJira } from '../jira/evidence-issue';
import { AccessDeniedError } from '../resolvers/access';
import type { ProjectCaller } from '../resolvers/context';
import { projectSettingsKey } from '../storage/keys';
import { readValue, writeValue } from '../storage/kvs';
import { markProjectChanged } from '../storage/project-state';

const settingsSchema = z.object({ strictMode: z.boolean() });

export const DEFAULT_SETTINGS: ProjectSettings = { strictMode: false };

export async function readProjectSettings(projectKey: string): Promise<ProjectSettings> {
  return (await readValue(projectSettingsKey(projectKey), settingsSchema)) ?? DEFAULT_SETTINGS;
}

export async function setProjectSettings(issues: EvidenceJira, caller: ProjectCaller, settings: ProjectSettings): Promise<ProjectSettings> {
  const grants = await issues.getMyPermissions({ projectKey: caller.projectKey, permissions: ['ADMINISTER_PROJECTS'] });
  if (grants.ADMINISTER_PROJECTS !== true) {
    throw new AccessDeniedError(
      `You need the Administer Projects permission in project ${caller.projectKey} to change its audit settings. Ask a Jira admin of the project to change them, or to grant it.`,
    );
  }
  const next: ProjectSettings = { strictMode: settings.strictMode };
  await writeValue(projectSettingsKey(caller.projectKey), next);
  // Cached rollups were scored under the old settings.
  await markProjectChanged(caller.projectKey);
  console.info(`[settings] project ${caller.projectKey}: strict mode ${next.strictMode ? 'on' : 'off'}`);
  return next;
}
