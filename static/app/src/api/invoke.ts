/**
 * The frontend's typed call of a resolver, from the one declaration of the API (common/api). Only
 * types are imported from it, so zod (the server's schemas) stays out of the UI bundle.
 *
 * @example
 * const api = typedInvoke(bridgeInvoke); // bridgeInvoke: ./bridge-invoke.ts
 * const view = await api('getChecklist', { id }); // ChecklistView; a wrong payload fails to compile
 */
import type { ApiName, PayloadOf, ResultOf } from '../../../../common/api';

export type { ApiName, PayloadOf, ResultOf };

/** The transport: @forge/bridge's `invoke`, or a fake in tests (so payload shapes are testable without a host page). */
export type Invoke = <T>(functionKey: string, payload?: Record<string, unknown>) => Promise<T>;

/** A call of `name` with its payload (left out where every field is optional), answering its result type. */
export type ApiCall = <K extends ApiName>(name: K, ...payload: Record<string, never> extends PayloadOf<K> ? [PayloadOf<K>?] : [PayloadOf<K>]) => Promise<ResultOf<K>>;

export function typedInvoke(call: Invoke): ApiCall {
  return (name, ...payload) => call(name, payload[0] as Record<string, unknown> | undefined);
}
