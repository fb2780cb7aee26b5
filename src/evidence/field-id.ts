/**
 * The Jira field id of the evidence field (`customfield_NNNNN`, different on every site), found by
 * its module key and remembered in KVS for a day, so rollups and evidence changes do not list every
 * field of the site each time. A day, not forever: a reinstall may give the field a new id.
 */
import { z } from 'zod';
import type { JiraClient } from '../jira';
import { appFieldIdKey } from '../storage/keys';
import { readValue, writeValue } from '../storage/kvs';

/** Manifest key of the evidence field (`jira:customField`, `type: object`). */
export const EVIDENCE_FIELD_MODULE = 'audit-evidence';

const REMEMBER_SECONDS = 24 * 60 * 60;
const storedSchema = z.object({ fieldId: z.string().regex(/^customfield_\d+$/) });

/** The evidence field's id, or undefined when Jira has no such field (the app is not fully installed). */
export async function evidenceFieldId(jira: Pick<JiraClient, 'findAppField'>): Promise<string | undefined> {
  const key = appFieldIdKey(EVIDENCE_FIELD_MODULE);
  const stored = await readValue(key, storedSchema).catch(() => undefined);
  if (stored) return stored.fieldId;
  const field = await jira.findAppField({ moduleKey: EVIDENCE_FIELD_MODULE });
  if (!field) return undefined;
  await writeValue(key, { fieldId: field.id }, { ttlSeconds: REMEMBER_SECONDS });
  return field.id;
}
