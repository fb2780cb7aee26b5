/**
 * The parts of Jira's REST v3 answers the app reads, as zod schemas (checked against
 * ../shared/jira-platform-openapi.v3.json). Loose objects: Jira adds fields freely, and the app
 * must keep working when it does.
 */
import { z } from 'zod';

export const projectSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  name: z.string().optional(),
});
export type JiraProject = z.infer<typeof projectSchema>;

export const issueTypeMetaSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  subtask: z.boolean().optional(),
  hierarchyLevel: z.number().optional(),
});
export type JiraIssueTypeMeta = z.infer<typeof issueTypeMetaSchema>;

/** `GET /rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes` (PageOfCreateMetaIssueTypes). */
export const createMetaPageSchema = z.looseObject({
  issueTypes: z.array(issueTypeMetaSchema).optional(),
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
  total: z.number().optional(),
});

/** `GET /rest/api/3/mypermissions` (Permissions). */
export const myPermissionsSchema = z.looseObject({
  permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean().optional() })),
});

/** `POST /rest/api/3/permissions/check` (BulkPermissionGrants). */
export const permissionGrantsSchema = z.looseObject({
  globalPermissions: z.array(z.string()),
  projectPermissions: z.array(
    z.looseObject({
      permission: z.string(),
      projects: z.array(z.number()),
      issues: z.array(z.number()),
    }),
  ),
});

export const searchIssueSchema = z.looseObject({
  id: z.string(),
  key: z.string().optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});
export type JiraSearchIssue = z.infer<typeof searchIssueSchema>;

/** `POST /rest/api/3/search/jql` (SearchAndReconcileResults). */
export const searchPageSchema = z.looseObject({
  issues: z.array(searchIssueSchema).optional(),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

/** `POST /rest/api/3/search/approximate-count` (JQLCountResultsBean). */
export const countSchema = z.looseObject({ count: z.number() });

const errorCollectionSchema = z.looseObject({
  errorMessages: z.array(z.string()).optional(),
  errors: z.record(z.string(), z.string()).optional(),
});

/** `POST /rest/api/3/issue/bulk` (CreatedIssues), on 201 and on the all-failed 400. */
export const createdIssuesSchema = z.looseObject({
  issues: z.array(z.looseObject({ id: z.string(), key: z.string() })).optional(),
  errors: z
    .array(
      z.looseObject({
        status: z.number().optional(),
        failedElementNumber: z.number().optional(),
        elementErrors: errorCollectionSchema.optional(),
      }),
    )
    .optional(),
  errorMessages: z.array(z.string()).optional(),
});

/** `GET /rest/api/3/field` (FieldDetails[]). */
export const fieldsSchema = z.array(
  z.looseObject({
    id: z.string(),
    name: z.string().optional(),
    custom: z.boolean().optional(),
    schema: z.looseObject({ type: z.string().optional(), custom: z.string().optional() }).optional(),
  }),
);
export type JiraField = z.infer<typeof fieldsSchema>[number];

/** `GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}` (EntityProperty). */
export const entityPropertySchema = z.looseObject({ key: z.string().optional(), value: z.unknown() });
