/**
 * How a failed invocation is told apart, so the local server can answer like a REST wrapper would:
 * a refusal the app meant (its error carries a refusal code) is a 4xx, a timeout is 504, and only a
 * fault (anything else) is a 5xx.
 *
 * The app says which kind of refusal by the thrown error's `code` property, or else by its name
 * (what crosses Forge's invoke boundary). The codes and names are the app's convention (see the
 * app's common/errors.ts; a test keeps the two tables equal); the runtime knows nothing else of it.
 */

/** HTTP status for each refusal code. */
export const REFUSAL_STATUS: Readonly<Record<string, number>> = {
  'invalid-input': 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  limit: 413,
  'jira-unavailable': 503,
};

/** Error names that stand for a refusal code when the error has no `code` of its own. */
export const REFUSAL_NAMES: Readonly<Record<string, string>> = {
  BadRequestError: 'invalid-input',
  AccessDeniedError: 'forbidden',
  NotFoundError: 'not-found',
  ConflictError: 'conflict',
  LimitError: 'limit',
  UnavailableError: 'jira-unavailable',
};

/** What the runtime keeps of a thrown error: its message, name and refusal code (if it has one). */
export interface FailureInfo {
  message: string;
  name?: string;
  code?: string;
}

/** The refusal code of a thrown value: its `code` if that is a refusal code, else its name's. */
export function failureOf(e: unknown): FailureInfo {
  if (!(e instanceof Error)) return { message: String(e) };
  const { code } = e as { code?: unknown };
  const named = Object.hasOwn(REFUSAL_NAMES, e.name) ? REFUSAL_NAMES[e.name] : undefined;
  const refusal = typeof code === 'string' && Object.hasOwn(REFUSAL_STATUS, code) ? code : named;
  return { message: e.message, ...(e.name && e.name !== 'Error' ? { name: e.name } : {}), ...(refusal !== undefined ? { code: refusal } : {}) };
}

/**
 * A failed `invoke`: the resolver's message, the HTTP status the local server answers with, and the
 * refusal code and error name the frontend may read. Its `name` is the resolver error's name, as
 * Forge keeps it on the message it hands the frontend.
 */
export class InvokeError extends Error {
  readonly status: number;
  readonly code?: string;

  constructor(message: string, status: number, code?: string, name?: string) {
    super(message);
    this.status = status;
    if (code !== undefined) this.code = code;
    this.name = name ?? 'Error';
  }

  /** A resolver's failure: 4xx by refusal code, 504 after a timeout, else 500. */
  static fromFailure(outcome: 'error' | 'timeout' | 'killed', failure: FailureInfo | undefined, fallback: string): InvokeError {
    const message = failure?.message ?? fallback;
    if (outcome === 'timeout') return new InvokeError(message, 504, undefined, 'TimeoutError');
    const code = outcome === 'error' ? failure?.code : undefined;
    const status = code !== undefined ? (REFUSAL_STATUS[code] ?? 500) : 500;
    return new InvokeError(message, status, code, failure?.name);
  }
}

/** Keys every plain object inherits (`constructor`, `__proto__`, `toString`, …): never a function key. */
export function isInheritedKey(key: string): boolean {
  return key === '__proto__' || key in Object.prototype;
}
