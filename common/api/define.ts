/**
 * How a resolver function is declared (common/api/index.ts holds them all): its payload schema,
 * the one thing the server parses a payload with, and its result type, which only the compiler
 * sees. The backend defines its resolvers from the map (src/resolvers/define-all.ts), the frontend
 * types its `invoke` by it (static/app/src/api/invoke.ts, types only: zod stays out of the UI
 * bundle), and common/contract.ts names payload types as `PayloadOf<'name'>`.
 */
import type { z } from 'zod';

/** Where a function is called from: a project page (Audit page, settings), an issue module, or a module outside any project (a dashboard gadget: only the user is known). */
export type CallerKind = 'project' | 'issue' | 'user';

/**
 * One resolver function. `Result` and `Payload` are phantom (never set): `Payload` is what the
 * frontend sends, the schema's input unless a tighter type is named on purpose (see `fn`).
 */
export interface ApiFunction<S extends z.ZodType, Result, Payload = z.input<S>, C extends CallerKind = CallerKind> {
  readonly caller: C;
  readonly payload: S;
  /** Phantom: never set, only typed. */
  readonly __result: Result;
  /** Phantom: never set, only typed. */
  readonly __payload: Payload;
}

/**
 * Declares a function answering `Result`.
 *
 * @example
 * getChecklist: fn<ChecklistView>()('project', z.object({ id: checklistIdSchema })),
 *
 * Name `Payload` only where the wire schema is looser than what the UI must send on purpose (the
 * domain checks those fields and says what to fix); the schema stays the only check.
 */
export const fn =
  <Result, Payload = never>() =>
  <C extends CallerKind, S extends z.ZodType>(caller: C, payload: S): ApiFunction<S, Result, [Payload] extends [never] ? z.input<S> : Payload, C> =>
    ({ caller, payload }) as ApiFunction<S, Result, [Payload] extends [never] ? z.input<S> : Payload, C>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the map holds functions of every schema and result
export type AnyApiFunction = ApiFunction<z.ZodType, any, any, CallerKind>;
