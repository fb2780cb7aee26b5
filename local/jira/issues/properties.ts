/**
 * Issue entity property limits Jira enforces: a key of at most 255 characters and a JSON value of
 * at most 32,768 characters.
 */
export const MAX_PROPERTY_VALUE_CHARS = 32768;
export const MAX_PROPERTY_KEY_CHARS = 255;

/** An error message, or null when the property can be stored. */
export function checkProperty(key: string, value: unknown): string | null {
  if (!key) return 'The property key cannot be empty.';
  if (key.length > MAX_PROPERTY_KEY_CHARS) return `The property key cannot be longer than ${MAX_PROPERTY_KEY_CHARS} characters.`;
  if (value === undefined) return 'The property value cannot be empty.';
  const json = JSON.stringify(value);
  if (json.length > MAX_PROPERTY_VALUE_CHARS) return `The property value cannot be longer than ${MAX_PROPERTY_VALUE_CHARS} characters.`;
  return null;
}
