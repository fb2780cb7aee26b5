/**
 * The app's refusal codes, shared by backend, local runtime and frontend.
 *
 * A resolver refuses with an {@link AppError}: a plain message that says what to fix, and a code
 * that says what kind of refusal it is. Forge hands the frontend only the message text, prefixed
 * with the error's name ("ConflictError: …"), so the code travels as the error *name*: the local
 * runtime maps it to an HTTP status (4xx for refusals, 5xx only for faults) and the frontend reads
 * it with {@link errorCodeOf} instead of matching message words.
 */

export const ERROR_CODES = ['invalid-input', 'forbidden', 'not-found', 'conflict', 'limit', 'jira-unavailable'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The error name that carries each code across Forge's invoke boundary. */
export const ERROR_NAMES: Record<ErrorCode, string> = {
  'invalid-input': 'BadRequestError',
  forbidden: 'AccessDeniedError',
  'not-found': 'NotFoundError',
  conflict: 'ConflictError',
  limit: 'LimitError',
  'jira-unavailable': 'UnavailableError',
};

/** HTTP status for each code (local runtime; also what a REST wrapper would answer). */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  'invalid-input': 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  limit: 413,
  'jira-unavailable': 503,
};

/**
 * Names older refusal classes keep because tests or logs know them. Each still means exactly one
 * code, so the frontend can read it from the "XxxError:" prefix Forge leaves on the message. A
 * class that keeps a name of its own must list it here (test/unit/errors.test.ts checks them).
 */
export const ERROR_NAME_ALIASES: Readonly<Record<string, ErrorCode>> = {
  ChecklistValidationError: 'invalid-input',
  // Evidence rules keep their own name (src/domain/evidence-types.ts); waiver input errors too.
  EvidenceError: 'invalid-input',
  WaiverValidationError: 'invalid-input',
  // Jira's answers a person can act on (src/jira/errors.ts); other Jira errors are faults.
  JiraPermissionError: 'forbidden',
  JiraNotFoundError: 'not-found',
  JiraRateLimitError: 'jira-unavailable',
  JiraUnavailableError: 'jira-unavailable',
  JiraAmbiguousWriteError: 'jira-unavailable',
};

/**
 * A refusal the user can act on. Subclasses fix the code; the message says what to do. The name is
 * the code's ({@link ERROR_NAMES}) unless a subclass keeps one of {@link ERROR_NAME_ALIASES}.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, name?: keyof typeof ERROR_NAME_ALIASES) {
    super(message);
    this.code = code;
    this.name = name !== undefined && ERROR_NAME_ALIASES[name] === code ? name : ERROR_NAMES[code];
  }
}

/** The request is malformed (payload, context or a field a person typed); the message says what to fix. */
export class BadRequestError extends AppError {
  constructor(message: string) {
    super('invalid-input', message);
  }
}

/** The caller lacks a permission; nothing was changed. */
export class AccessDeniedError extends AppError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

/** Someone else changed the same thing at the same moment; nothing of this call was written. Retry. */
export class ConflictError extends AppError {
  constructor(message: string) {
    super('conflict', message);
  }
}

/** A bound the app keeps (count, size); the message names the bound and what to do. */
export class LimitError extends AppError {
  constructor(message: string) {
    super('limit', message);
  }
}

/** The thing named does not exist (or the caller may not know it exists). */
export class NotFoundError extends AppError {
  constructor(message: string) {
    super('not-found', message);
  }
}

const NAME_TO_CODE = new Map<string, ErrorCode>([
  ...Object.entries(ERROR_NAMES).map(([code, name]): [string, ErrorCode] => [name, code as ErrorCode]),
  ...Object.entries(ERROR_NAME_ALIASES),
]);

/** The code an error name stands for (a code's own name or an alias). */
export function codeOfErrorName(name: string): ErrorCode | undefined {
  return NAME_TO_CODE.get(name);
}

/**
 * The code of a failure: from an error's `code` or `name`, or from the "XxxError:" prefix of a
 * message as Forge's invoke rejects with it ("There was an error invoking the function - ConflictError: …").
 */
export function errorCodeOf(error: unknown): ErrorCode | undefined {
  if (error instanceof AppError) return error.code;
  if (typeof error === 'object' && error !== null) {
    const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)) return code as ErrorCode;
    if (typeof name === 'string' && NAME_TO_CODE.has(name)) return NAME_TO_CODE.get(name);
    if (typeof message === 'string') return errorCodeOf(message);
    return undefined;
  }
  if (typeof error === 'string') {
    const match = /(?:^|-\s*)([A-Z]\w*Error):/.exec(error);
    return match?.[1] !== undefined ? NAME_TO_CODE.get(match[1]) : undefined;
  }
  return undefined;
}
