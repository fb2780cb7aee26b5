/**
 * Per-project audit settings (strict mode, four eyes) as every use case reads them. Changing them
 * is evidence/settings.ts. Four eyes is on by default, also for projects whose settings were
 * stored before it existed.
 */
import { z } from 'zod';
import type { ProjectSettings } from '../../common/contract';
import { projectSettingsKey } from '../storage/keys';
import { readValue } from '../storage/kvs';

const settingsSchema = z.object({ strictMode: z.boolean(), fourEyes: z.boolean().optional() });

export const DEFAULT_SETTINGS: ProjectSettings = { strictMode: false, fourEyes: true };

export async function readProjectSettings(projectKey: string): Promise<ProjectSettings> {
  const stored = await readValue(projectSettingsKey(projectKey), settingsSchema);
  return { ...DEFAULT_SETTINGS, ...(stored?.strictMode !== undefined ? { strictMode: stored.strictMode } : {}), ...(stored?.fourEyes !== undefined ? { fourEyes: stored.fourEyes } : {}) };
}
