/**
 * What every resolver body receives from @forge/resolver, and the one wrapper that logs a failure.
 */

/** A resolver call as @forge/resolver hands it over: the frontend's payload and Forge's context. */
export interface ResolverRequest {
  payload: unknown;
  context: unknown;
}

/**
 * Runs a resolver body; logs one line when it fails (its name and the error class, never the
 * payload or the message, which may carry personal data), then rethrows so the frontend gets the
 * message.
 *
 * Every resolver gets it from `defineAll` (define-all.ts); nothing else needs to call it.
 */
export function logged<T>(name: string, body: (request: ResolverRequest) => Promise<T>): (request: ResolverRequest) => Promise<T> {
  return async (request) => {
    try {
      return await body(request);
    } catch (error) {
      console.warn(`[resolver] ${name} failed: ${error instanceof Error ? error.name : 'error'}`);
      throw error;
    }
  };
}
