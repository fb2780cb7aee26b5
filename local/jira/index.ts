/** The local Jira Cloud emulator: create it, mount it on fastify, hand it to the Forge runtime. */
export { createJiraEmulator, LOCAL_ENV_ID } from './emulator';
export { registerJiraRoutes, DEFAULT_ACTOR, type JiraRoutesOptions } from './fastify';
export { REJECT_MARKER } from './issues/validate';
export { BULK_CREATE_LIMIT } from './routes/issues';
export { DEFAULT_MAX_RESULTS, MAX_RESULTS_IDS_ONLY, MAX_RESULTS_WITH_FIELDS } from './routes/search';
export { parseJql } from './jql/parser';
export { JqlError } from './jql/errors';
export * from './types';
export type { NotificationRecord } from './state/model';
