/**
 * Refusal codes (common/errors.ts): every refusal class carries the code the local runtime and the
 * frontend act on, and errorCodeOf reads it back however it crossed (error, name, Forge's message).
 */
import { AccessDeniedError, AppError, BadRequestError, ConflictError, ERROR_CODES, ERROR_NAME_ALIASES, ERROR_NAMES, ERROR_STATUS, errorCodeOf, LimitError, NotFoundError, type ErrorCode } from '../../common/errors';
import { REFUSAL_NAMES, REFUSAL_STATUS } from '@msp-audit-ready/forge-local/forge';
import { NoAuditChecklistError } from '../../src/catalogue/audit-checklist';
import { ExportTooLargeError } from '../../src/audit-day/export';
import { UnknownChecklistError } from '../../src/catalogue';
import { CustomChecklistInUseError } from '../../src/catalogue/custom-delete';
import { CustomChecklistBusyError } from '../../src/catalogue/custom-lock';
import { CustomChecklistConflictError } from '../../src/catalogue/custom-save';
import { CustomUploadError, CustomUploadNotFoundError } from '../../src/catalogue/custom-upload';
import { CustomChecklistInvalidError } from '../../src/catalogue/custom-validate';
import { ChecklistValidationError } from '../../src/domain/checklist-problems';
import { HistoryInputError } from '../../src/domain/history';
import { ReviewValidationError } from '../../src/domain/reviews';
import { FrameworkBusyError } from '../../src/item-map/exclusion';
import { ImportNotFoundError } from '../../src/import/start';
import { OtherVersionInUseError } from '../../src/import/version-guard';
import { AccessDeniedError as ResolverAccessDenied } from '../../src/platform/access';
import { BadRequestError as ResolverBadRequest } from '../../src/platform/context';

describe('refusal classes carry their code', () => {
  const cases: [string, Error, ErrorCode][] = [
    ['BadRequestError', new BadRequestError('x'), 'invalid-input'],
    ['AccessDeniedError', new AccessDeniedError('x'), 'forbidden'],
    ['resolvers/context BadRequestError', new ResolverBadRequest('x'), 'invalid-input'],
    ['resolvers/access AccessDeniedError', new ResolverAccessDenied('x'), 'forbidden'],
    ['NoAuditChecklistError', new NoAuditChecklistError('x'), 'not-found'],
    ['ExportTooLargeError', new ExportTooLargeError('x'), 'limit'],
    ['UnknownChecklistError', new UnknownChecklistError('nope'), 'not-found'],
    ['CustomChecklistInUseError', new CustomChecklistInUseError('x'), 'conflict'],
    ['CustomChecklistBusyError', new CustomChecklistBusyError('x'), 'conflict'],
    ['CustomChecklistConflictError', new CustomChecklistConflictError('x'), 'conflict'],
    ['CustomUploadError', new CustomUploadError('x'), 'invalid-input'],
    ['CustomUploadNotFoundError', new CustomUploadNotFoundError('x'), 'not-found'],
    ['CustomChecklistInvalidError', new CustomChecklistInvalidError('a.csv', [{ file: 'a.csv', field: 'x', message: 'y' }]), 'invalid-input'],
    ['ChecklistValidationError', new ChecklistValidationError([{ file: 'a.yaml', field: 'x', message: 'y' }]), 'invalid-input'],
    ['HistoryInputError', new HistoryInputError('x'), 'invalid-input'],
    ['ReviewValidationError', new ReviewValidationError(['x']), 'invalid-input'],
    ['FrameworkBusyError', new FrameworkBusyError('x'), 'conflict'],
    ['ImportNotFoundError', new ImportNotFoundError('x'), 'not-found'],
    ['OtherVersionInUseError', new OtherVersionInUseError('x'), 'conflict'],
  ];
  it.each(cases)('%s', (_label, error, code) => {
    expect(error).toBeInstanceOf(AppError);
    expect(errorCodeOf(error)).toBe(code);
    // What crosses Forge is the name: it must name the same code.
    expect(errorCodeOf({ name: error.name })).toBe(code);
    expect(errorCodeOf(`There was an error invoking the function - ${error.name}: ${error.message}`)).toBe(code);
  });

  it('keeps the names tests and logs know, each listed as an alias of its code', () => {
    expect(new ChecklistValidationError([{ file: 'a.yaml', field: 'x', message: 'y' }]).name).toBe('ChecklistValidationError');
    expect(new BadRequestError('x').name).toBe('BadRequestError');
    expect(new AccessDeniedError('x').name).toBe('AccessDeniedError');
    expect(new ConflictError('x').name).toBe('ConflictError');
  });

  it('does not let a subclass claim an alias of another code', () => {
    expect(new AppError('conflict', 'x', 'ChecklistValidationError').name).toBe('ConflictError');
  });
});

describe('errorCodeOf', () => {
  it.each<[string, unknown, ErrorCode | undefined]>([
    ['a Forge-wrapped message', new Error('There was an error invoking the function - ConflictError: Someone saved first; try again.'), 'conflict'],
    ['a Forge-wrapped string', 'There was an error invoking the function - AccessDeniedError: You need Browse projects.', 'forbidden'],
    ['a message that starts with the name', 'LimitError: too many waivers', 'limit'],
    ['an alias in the message', 'There was an error invoking the function - ChecklistValidationError: a.yaml has 1 problem', 'invalid-input'],
    ['a name', { name: 'NotFoundError', message: 'gone' }, 'not-found'],
    ['a code', { code: 'jira-unavailable', message: 'Jira is down' }, 'jira-unavailable'],
    ['a code before a name', Object.assign(new Error('x'), { name: 'TypeError', code: 'conflict' }), 'conflict'],
    ['a name before the message', Object.assign(new Error('ConflictError: x'), { name: 'NotFoundError' }), 'not-found'],
    ['a code that is not a refusal code', { code: 'ECONNRESET', message: 'socket hang up' }, undefined],
    ['a plain Error', new Error('There was an error invoking the function - Error: boom'), undefined],
    ['an unknown name', new Error('There was an error invoking the function - TypeError: x is undefined'), undefined],
    ['a name inherited from Object', { name: 'constructor' }, undefined],
    ['a name word inside the message', new Error('the ConflictError: text is only words here'), undefined],
    ['nothing', undefined, undefined],
    ['a number', 42, undefined],
  ])('%s', (_label, error, code) => {
    expect(errorCodeOf(error)).toBe(code);
  });
});

describe('the local runtime knows the same codes', () => {
  it('maps every code to the same status and name', () => {
    expect(REFUSAL_STATUS).toEqual(ERROR_STATUS);
    expect(Object.fromEntries(Object.entries(REFUSAL_NAMES).map(([name, code]) => [code, name]))).toEqual(ERROR_NAMES);
    expect(Object.keys(ERROR_STATUS).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of Object.values(ERROR_NAME_ALIASES)) expect(ERROR_CODES).toContain(code);
  });

  it('answers refusals with 4xx and only faults with 5xx', () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) expect(code === 'jira-unavailable' ? status >= 500 : status >= 400 && status < 500).toBe(true);
  });

  it('LimitError and NotFoundError are refusals the frontend can tell apart', () => {
    expect(errorCodeOf(new LimitError('x'))).toBe('limit');
    expect(errorCodeOf(new NotFoundError('x'))).toBe('not-found');
  });
});
