/**
 * The resolver API, declared once: function name → { caller, payload schema, result type }.
 *
 * - The backend defines every resolver from this map (src/resolvers/define-all.ts: `defineAll`
 *   parses the payload with the schema, refuses a wrong one with `invalid-input`, logs a failure).
 * - The frontend types its calls by it (static/app/src/api/invoke.ts) with `import type` only, so
 *   zod never enters the UI bundle.
 * - Payload types are `PayloadOf<'name'>` (the schema's input, or the tighter type a feature file
 *   names on purpose); result types are `ResultOf<'name'>`.
 * test/contract/resolver-api.test.ts checks that the manifest's resolver handler defines exactly
 * these functions and that each schema refuses a wrong payload by field.
 */
import type { z } from 'zod';
import type { AnyApiFunction, ApiFunction } from './define';
import { auditDayApi } from './audit-day';
import { catalogueApi } from './catalogue';
import { customChecklistApi } from './custom-checklists';
import { evidenceApi } from './evidence';
import { crosswalkApi } from './crosswalk';
import { findingsApi } from './findings';
import { gateApi } from './gate';
import { planApi } from './plan';
import { trailApi } from './trail';

export const resolverApi = {
  ...catalogueApi,
  ...customChecklistApi,
  ...evidenceApi,
  ...auditDayApi,
  ...trailApi,
  ...planApi,
  ...gateApi,
  ...findingsApi,
  ...crosswalkApi,
} satisfies Record<string, AnyApiFunction>;

export type ResolverApi = typeof resolverApi;
export type ApiName = keyof ResolverApi;

/** What the frontend sends to `name`. */
export type PayloadOf<K extends ApiName> = ResolverApi[K] extends ApiFunction<z.ZodType, unknown, infer P> ? P : never;
/** What the handler of `name` receives: the payload as the schema parsed it. */
export type ParsedPayloadOf<K extends ApiName> = z.output<ResolverApi[K]['payload']>;
/** What `name` answers. */
export type ResultOf<K extends ApiName> = ResolverApi[K] extends ApiFunction<z.ZodType, infer R, unknown> ? R : never;

export type { AnyApiFunction, ApiFunction, CallerKind } from './define';
export { checklistIdSchema } from './shared';
