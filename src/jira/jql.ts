/** Building JQL safely: values are always quoted and escaped, never pasted in raw. */

/** A JQL string literal: `"aws-msp-7.1"`, with `"` and `\` escaped. */
export function jqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `("a", "b")` for `IN`. */
export function jqlList(values: readonly string[]): string {
  return `(${values.map(jqlString).join(', ')})`;
}
