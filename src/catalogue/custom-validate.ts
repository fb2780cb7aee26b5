/**
 * The server's own check of a team's checklist before it is saved. The upload view checks the same
 * file in the browser, but a resolver is an open door: the definition is validated again with the
 * checklist format's loader, plus the limits that only matter for a stored, importable checklist.
 */
import { BadRequestError } from '../../common/errors';
import { CUSTOM_CHECKLIST_LIMITS, type InitialResultName } from '../../common/custom-checklists';
import { MAX_TITLE_LENGTH } from '../../common/sheets/types';
import { ChecklistValidationError, validateChecklist, type ChecklistProblem } from '../domain/checklist-schema';
import type { ChecklistDefinition } from '../domain/types';
import { jsonBytes } from '../storage/kvs';
import { isRecord } from '../domain/records';

/** Problems listed in the error message; the rest are counted (the UI lists what the sheet shows). */
const MESSAGE_PROBLEMS = 50;

/** The checklist cannot be saved as it is; `problems` lists every reason, item by item. */
export class CustomChecklistInvalidError extends BadRequestError {

  constructor(
    readonly file: string,
    readonly problems: ChecklistProblem[],
  ) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const lines = problems.slice(0, MESSAGE_PROBLEMS).map(formatLine);
    if (problems.length > MESSAGE_PROBLEMS) lines.push(`… and ${problems.length - MESSAGE_PROBLEMS} more`);
    super(`${file} was not saved: it has ${count}. Fix them and save again:\n${lines.join('\n')}`);
  }
}

function formatLine(problem: ChecklistProblem): string {
  return `${problem.itemId === undefined ? '' : `item ${problem.itemId}: `}${problem.field}: ${problem.message}`;
}

export interface PreparedChecklist {
  definition: ChecklistDefinition;
  /** Aligned with `definition.items`: the item's initial result, or null. */
  initialResults: (InitialResultName | null)[];
}

/**
 * Validates a raw definition (the checklist file format) as a custom checklist and lines its
 * initial results up with its items. Throws {@link CustomChecklistInvalidError} with every problem.
 *
 * @example
 * prepareCustomChecklist(raw, { '1.1': 'met' }, 'team.csv').initialResults; // → ['met', null, …]
 */
export function prepareCustomChecklist(
  raw: unknown,
  results: Readonly<Record<string, InitialResultName>> | undefined,
  file: string,
): PreparedChecklist {
  const items = isRecord(raw) && Array.isArray(raw.items) ? raw.items.length : 0;
  const { maxItems } = CUSTOM_CHECKLIST_LIMITS;
  // Checked before validation: validating a million items is itself the harm.
  if (items > maxItems) {
    throw new CustomChecklistInvalidError(file, [{ file, field: 'items', message: `${count(items)} items; at most ${count(maxItems)} can be imported, so split the checklist` }]);
  }
  let definition: ChecklistDefinition;
  try {
    definition = validateChecklist(raw, file, { source: 'custom' });
  } catch (error) {
    if (error instanceof ChecklistValidationError) throw new CustomChecklistInvalidError(file, error.problems);
    throw error;
  }
  const problems = limitProblems(definition, file);
  const byId = new Map(definition.items.map((item) => [item.id, item]));
  for (const id of Object.keys(results ?? {})) {
    if (!byId.has(id)) problems.push({ file, field: 'initialResults', message: `names item "${id}", which the checklist does not have` });
  }
  if (problems.length > 0) throw new CustomChecklistInvalidError(file, problems);
  const initialResults = definition.items.map((item) => (results && Object.hasOwn(results, item.id) ? (results[item.id] ?? null) : null));
  return { definition, initialResults };
}

/** What the format allows but a stored, importable checklist cannot hold. */
function limitProblems(definition: ChecklistDefinition, file: string): ChecklistProblem[] {
  const problems: ChecklistProblem[] = [];
  const { maxRequirementLength, maxDefinitionBytes } = CUSTOM_CHECKLIST_LIMITS;
  for (const item of definition.items) {
    if (item.title.length > MAX_TITLE_LENGTH) {
      problems.push({ file, itemId: item.id, field: 'title', message: `is ${count(item.title.length)} characters; at most ${MAX_TITLE_LENGTH} fit in a Jira summary, so shorten it` });
    }
    if (item.requirement.length > maxRequirementLength) {
      problems.push({
        file,
        itemId: item.id,
        field: 'requirement',
        message: `is ${count(item.requirement.length)} characters; at most ${count(maxRequirementLength)} fit in the Jira description, so shorten it or link to the full text`,
      });
    }
  }
  const bytes = jsonBytes(definition);
  if (bytes > maxDefinitionBytes) {
    problems.push({ file, field: 'document', message: `holds ${megabytes(bytes)} MB of text; at most ${megabytes(maxDefinitionBytes)} MB can be stored, so shorten the requirement texts or split the checklist` });
  }
  return problems;
}


/** A count as people read it: 2,000. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
