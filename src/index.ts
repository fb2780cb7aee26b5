/**
 * Entry points only (manifest.yml names them): the resolver handler for the Custom UI, the import
 * queue consumer, and the issue trigger. Each use case lives in its own folder.
 */
import { buildResolver } from './resolvers/definitions';
import { importWorkerHandler } from './import/handler';
import { issueTriggerHandler } from './rollup/trigger';

export const resolverHandler = buildResolver().getDefinitions();
export const importWorker = importWorkerHandler;
export const issueTrigger = issueTriggerHandler;
