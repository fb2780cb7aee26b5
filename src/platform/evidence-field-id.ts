/**
 * The Jira field id of the evidence field (`customfield_NNNNN`, different on every site), found by
 * its module key and remembered in KVS, so rollups and evidence changes do not list every field of
 * the site each time. The import lists the fields anyway (for the points field) and remembers this
 * one from the same answer, so a rollup after an import never costs the field lookup.
 *
 * Remembered without expiry: a Forge custom field keeps its id for the life of the installation,
 * uninstalling deletes the app's storage with it, and every import refreshes the stored id.
 */
import { z } from 'zod';
import type { JiraClient, JiraField } from '../jira';
import { findAppField } from '../jira/fields';
import { appFieldIdKey } from '../storage/keys';
import { readValue, writeValue } from '../storage/kvs';

/** Manifest key of the evidence field (`jira:customField`, `type: object`). */
export const EVIDENCE_FIELD_MODULE = 'audit-evidence';

const storedSchema = z.object({ fieldId: z.string().regex(/^customfield_\d+$/) });

/** The evidence field's id, or undefined when Jira has no such field (the app is not fully installed). */
export async function evidenceFieldId(jira: Pick<JiraClient, 'findAppField'>): Promise<string | undefined> {
  const stored = await readValue(appFieldIdKey(EVIDENCE_FIELD_MODULE), storedSchema).catch(() => undefined);
  if (stored) return stored.fieldId;
  const field = await jira.findAppField({ moduleKey: EVIDENCE_FIELD_MODULE });
  if (field) await rememberEvidenceField(field.id);
  return field?.id;
}

async function rememberEvidenceField(fieldId: string): Promise<void> {
  await writeValue(appFieldIdKey(EVIDENCE_FIELD_MODULE), { fieldId });
}

/**
 * The client with a `findAppField` that also remembers the evidence field from the same field list:
 * for callers that list the fields anyway (the import), so later reads need no lookup.
 */
export function rememberingEvidenceField(jira: JiraClient): JiraClient {
  return {
    ...jira,
    findAppField: async ({ moduleKey }) => {
      const fields: JiraField[] = await jira.listFields();
      const evidence = findAppField(fields, EVIDENCE_FIELD_MODULE);
      if (evidence && storedSchema.safeParse({ fieldId: evidence.id }).success) await rememberEvidenceField(evidence.id);
      return findAppField(fields, moduleKey);
    },
  };
}
