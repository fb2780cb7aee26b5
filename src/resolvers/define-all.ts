/**
 * Defines resolvers from the one declaration of the API (common/api): for each function, the
 * caller comes from Forge's context (a project page or an issue module, as the map says), the
 * payload is parsed with the map's schema (a wrong one is refused with `invalid-input` naming the
 * field, before anything is read or written), and a failure is logged once. Handlers get the
 * parsed, typed payload and the caller, and answer the map's result type.
 */
import type Resolver from '@forge/resolver';
import type { AnyApiFunction, ApiName, ParsedPayloadOf, ResolverApi, ResultOf } from '../../common/api';
import { issueCaller, type IssueCaller } from '../platform/issue-context';
import { parsePayload, projectCaller, userCaller, type ProjectCaller, type UserCaller } from '../platform/context';
import { logged } from '../platform/logged';

/** The caller a function's handler gets: an issue module's (issue and project), a project page's, or a gadget's (the user only). */
export type CallerOf<K extends ApiName> = ResolverApi[K]['caller'] extends 'issue' ? IssueCaller : ResolverApi[K]['caller'] extends 'user' ? UserCaller : ProjectCaller;

/** The body of `name`; `context` is Forge's, for what only it may say (e.g. the site URL). */
export type Handler<K extends ApiName> = (payload: ParsedPayloadOf<K>, caller: CallerOf<K>, context: unknown) => Promise<ResultOf<K>>;

/** One handler for each function of a part of the map (a missing or extra one fails to compile). */
export type Handlers<M extends Partial<ResolverApi>> = { [K in keyof M & ApiName]: Handler<K> };

/**
 * Defines every function of `api` on `resolver` with its handler.
 *
 * @example
 * defineAll(definitions, trailApi, { getTrail: (payload, caller) => getTrail(jira, caller, payload), … });
 */
export function defineAll<M extends Partial<ResolverApi>>(resolver: Resolver, api: M, handlers: Handlers<M>): void {
  for (const name of Object.keys(api) as (keyof M & ApiName)[]) {
    const spec = api[name] as AnyApiFunction;
    const handler = handlers[name] as (payload: unknown, caller: IssueCaller | ProjectCaller | UserCaller, context: unknown) => Promise<unknown>;
    resolver.define(
      name,
      logged(name, async ({ payload, context }) => {
        const caller = spec.caller === 'issue' ? issueCaller(context) : spec.caller === 'user' ? userCaller(context) : projectCaller(context);
        return handler(parsePayload(spec.payload, payload, name), caller, context);
      }),
    );
  }
}
