/**
 * Checks a value against a Forge custom field's type (and the JSON schema of an object field), as
 * Jira does before storing it. Used by issue create/edit and by the app field value endpoints.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { CustomFieldRecord } from '../state/model';
import { isRecord } from '../http/params';

// Jira checks an object field's value against its JSON schema, formats (date, date-time) included.
const ajv = addFormats(new Ajv({ allErrors: false, strict: false }));
const compiled = new Map<string, ValidateFunction>();

function schemaValidator(field: CustomFieldRecord): ValidateFunction | null {
  if (!field.schema) return null;
  const cacheKey = `${field.id}:${JSON.stringify(field.schema)}`;
  let v = compiled.get(cacheKey);
  if (!v) {
    v = ajv.compile(field.schema);
    compiled.set(cacheKey, v);
  }
  return v;
}

function checkOne(field: CustomFieldRecord, value: unknown): string | null {
  switch (field.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'Operation value must be a number';
    case 'string':
      if (typeof value !== 'string') return 'Operation value must be a string';
      return value.length > 255 ? 'The entered text is too long. It exceeds the allowed limit of 255 characters.' : null;
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'Invalid date format. Please enter the date in the format "yyyy-MM-dd".';
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? null : 'Invalid date format. Please enter the date in ISO 8601 format.';
    case 'user':
      return isRecord(value) && typeof value.accountId === 'string' ? null : 'Operation value must be a user with an accountId';
    case 'group':
      return isRecord(value) && (typeof value.name === 'string' || typeof value.groupId === 'string') ? null : 'Operation value must be a group';
    case 'object': {
      if (!isRecord(value)) return 'Operation value must be a JSON object';
      const validate = schemaValidator(field);
      if (validate && !validate(value)) {
        const first = validate.errors?.[0];
        return `The value does not match the field's schema: ${first ? `${first.instancePath || '/'} ${first.message ?? ''}`.trim() : 'invalid'}.`;
      }
      return null;
    }
    default:
      return null;
  }
}

/** Null clears a field; otherwise an error message, or null when the value fits. */
export function checkCustomValue(field: CustomFieldRecord, value: unknown): string | null {
  if (value === null) return null;
  if (field.collection) {
    if (!Array.isArray(value)) return 'Operation value must be an array';
    for (const item of value) {
      const err = checkOne(field, item);
      if (err) return err;
    }
    return null;
  }
  return checkOne(field, value);
}
