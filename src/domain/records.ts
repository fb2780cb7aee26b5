/** Narrowing untyped JSON (Jira answers, stored values, payloads) to plain objects. */

/**
 * True for a plain JSON object (not null, not an array).
 *
 * @example
 * isRecord({ a: 1 }); // → true
 * isRecord([1]); // → false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value as a plain object, or undefined.
 *
 * @example
 * asRecord(issue.fields?.status)?.name;
 */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}
