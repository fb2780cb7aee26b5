/**
 * JQL errors worded as Jira words them. Syntax errors carry the "Error in the JQL Query:" prefix
 * and a position; semantic errors (unknown field, value, operator) are plain sentences, as in Jira.
 */
import type { Position } from './ast';

export class JqlError extends Error {
  override name = 'JqlError';
}

export const VALID_OPERATORS = "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

export function at(pos: Position): string {
  return `(line ${pos.line}, character ${pos.column})`;
}

export function syntaxError(detail: string, pos?: Position): JqlError {
  return new JqlError(`Error in the JQL Query: ${detail}${pos ? ` ${at(pos)}` : ''}`);
}

export const semantic = {
  unknownField: (name: string): JqlError => new JqlError(`Field '${name}' does not exist or you do not have permission to view it.`),
  unknownValue: (value: string, field: string): JqlError => new JqlError(`The value '${value}' does not exist for the field '${field}'.`),
  invalidValue: (value: string, field: string): JqlError => new JqlError(`The value '${value}' is not valid for the field '${field}'.`),
  unsupportedOperator: (op: string, field: string): JqlError => new JqlError(`The operator '${op}' is not supported by the '${field}' field.`),
  noEmpty: (field: string): JqlError => new JqlError(`The field '${field}' does not support searching for EMPTY values.`),
  listNotAllowed: (op: string, field: string): JqlError => new JqlError(`The operator '${op}' does not support the list value for field '${field}'.`),
  listRequired: (op: string, field: string): JqlError => new JqlError(`The operator '${op}' requires a list value for field '${field}', for example ${field} ${op} (a, b).`),
  isNeedsEmpty: (op: string): JqlError => new JqlError(`The '${op}' operator only supports the EMPTY or NULL keyword.`),
  unknownFunction: (name: string): JqlError => new JqlError(`Unable to find JQL function '${name}()'.`),
  functionNotForField: (name: string, field: string): JqlError => new JqlError(`The function '${name}' is not supported by the field '${field}'.`),
  issueMissing: (value: string, field: string): JqlError => new JqlError(`An issue with key '${value}' does not exist for field '${field}'.`),
  badIssueKey: (value: string, field: string): JqlError => new JqlError(`The issue key '${value}' for field '${field}' is invalid.`),
  cannotSort: (field: string): JqlError => new JqlError(`Not able to sort using field '${field}'.`),
  notEmulated: (field: string): JqlError =>
    new JqlError(`Error in the JQL Query: the local Jira emulator cannot search by '${field}' yet; search by project, issuetype, status, statusCategory, labels, parent, key, summary, assignee, reporter, creator, updated, created or an entity property.`),
};
