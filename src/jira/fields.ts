/** Fields: finding the app's own custom field and writing its values. */
import { route } from '@forge/api';
import { product } from './actor';
import { ACCEPT_JSON, jsonBody, type JiraHttp } from './http';
import { fieldsSchema, type JiraField } from './schemas';

/** Limits per `POST /rest/api/3/app/field/value` request, kept well inside Jira's. */
export const APP_FIELD_MAX_ISSUES_PER_REQUEST = 1000;
export const APP_FIELD_MAX_UPDATES_PER_REQUEST = 200;

/** A value for an app field: a number or text, an object for an object field, or null to clear it. */
export type AppFieldValue = number | string | null | object;

export async function listFields(http: JiraHttp): Promise<JiraField[]> {
  const { body } = await http.json('listFields', () => product('app').requestJira(route`/rest/api/3/field`, { headers: ACCEPT_JSON }), fieldsSchema);
  return body;
}

/**
 * The Forge custom field the manifest declares under `moduleKey`: its `schema.custom` is
 * `ari:cloud:ecosystem::extension/{appId}/{envId}/static/{moduleKey}`. Never a hard-coded
 * `customfield_NNNNN`: the number differs on every site.
 */
export function findAppField(fields: readonly JiraField[], moduleKey: string): JiraField | undefined {
  const suffix = `/static/${moduleKey}`;
  return fields.find((field) => field.schema?.custom?.endsWith(suffix) === true);
}

/**
 * Writes one app-owned field's value on one issue (`PUT /rest/api/3/app/field/{fieldIdOrKey}/value`):
 * how the app writes a read-only field such as the evidence field. Only the app that declares the
 * field may call it (Jira answers 403 to anyone else). App events and the changelog stay on (the
 * defaults), so other apps see the change and the issue's history shows it; the app's own trigger
 * ignores its own writes (`ignoreSelf`). Idempotent: a retry after a lost answer writes the same value.
 */
export async function setAppFieldValue(http: JiraHttp, args: { fieldId: string; issueId: string; value: unknown }): Promise<void> {
  await http.empty('setAppFieldValue', () =>
    product('app').requestJira(route`/rest/api/3/app/field/${args.fieldId}/value`, {
      method: 'PUT',
      ...jsonBody({ updates: [{ issueIds: [Number(args.issueId)], value: args.value }] }),
    }),
  );
}

/**
 * Writes an app-owned field on many issues with as few calls as possible: issues sharing a value go
 * in one update, and updates share a request. `generateAppEvents=false` keeps these writes from
 * firing the app's own issue triggers. Returns the number of requests made.
 */
export async function setAppFieldValues(
  http: JiraHttp,
  args: { fieldId: string; values: readonly { issueId: string; value: AppFieldValue }[] },
): Promise<number> {
  const requests = planAppFieldRequests(args.fieldId, args.values);
  for (const updates of requests) {
    await http.empty('setAppFieldValues', () =>
      product('app').requestJira(route`/rest/api/3/app/field/value?generateAppEvents=false`, { method: 'POST', ...jsonBody({ updates }) }),
    );
  }
  return requests.length;
}

export interface AppFieldUpdate {
  customField: string;
  issueIds: number[];
  value: AppFieldValue;
}

/** Groups values into request bodies; exported for tests. The last write for an issue wins. */
export function planAppFieldRequests(fieldId: string, values: readonly { issueId: string; value: AppFieldValue }[]): AppFieldUpdate[][] {
  const latest = new Map<string, AppFieldValue>();
  for (const { issueId, value } of values) latest.set(issueId, value);
  const byValue = new Map<string, { value: AppFieldValue; issueIds: number[] }>();
  for (const [issueId, value] of latest) {
    const groupKey = JSON.stringify(value);
    const group = byValue.get(groupKey) ?? { value, issueIds: [] };
    group.issueIds.push(Number(issueId));
    byValue.set(groupKey, group);
  }
  const requests: AppFieldUpdate[][] = [];
  let current: AppFieldUpdate[] = [];
  let issuesInCurrent = 0;
  const flush = (): void => {
    if (current.length > 0) requests.push(current);
    current = [];
    issuesInCurrent = 0;
  };
  for (const group of byValue.values()) {
    for (let start = 0; start < group.issueIds.length; ) {
      if (current.length >= APP_FIELD_MAX_UPDATES_PER_REQUEST || issuesInCurrent >= APP_FIELD_MAX_ISSUES_PER_REQUEST) flush();
      const room = APP_FIELD_MAX_ISSUES_PER_REQUEST - issuesInCurrent;
      const issueIds = group.issueIds.slice(start, start + room);
      current.push({ customField: fieldId, issueIds, value: group.value });
      issuesInCurrent += issueIds.length;
      start += issueIds.length;
    }
  }
  flush();
  return requests;
}
