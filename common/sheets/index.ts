/**
 * Reading a team's own checklist file and mapping it to a checklist definition. Pure and
 * browser-safe: the frontend parses files here before upload; the backend may re-run the builder.
 */
export { readChecklistFile, type ChecklistFileInput } from './read-file';
export { SheetReadError, type SheetReadErrorCode } from './errors';
export { guessMapping, guessSheetMapping, detectHeaderRow, assignColumn, columnLetter, normalizeHeader, type GuessOptions } from './mapping';
export { recognizeAwsMspWorkbook, withAwsMspExemptions, PREREQUISITES_CHAPTER, type AwsMspRecognition } from './aws-msp';
export { buildChecklist, type BuildInput, type BuildResult, type SheetSource } from './build';
export * from './types';
