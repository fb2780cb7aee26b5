/**
 * What is wrong with a checklist definition file, said so a person can fix it without reading code.
 */
import { AppError } from '../../common/errors';

/** One thing wrong with a checklist file. */
export interface ChecklistProblem {
  /** The file name as the user knows it, e.g. `aws-msp-4.x.yaml`. */
  file: string;
  /** The item the problem is on, when it is on an item that has an id. */
  itemId?: string;
  /** Where in the file: relative to the item when `itemId` is set (`points`), else a path (`chapters[2].id`, `line 12`). */
  field: string;
  message: string;
}

/**
 * Formats one problem as a single line: file, item when there is one, field, message.
 *
 * @example
 * formatProblem({ file: 'aws-msp-4.x.yaml', itemId: '8.3', field: 'points', message: 'must be a whole number ≥ 0' })
 * // → 'aws-msp-4.x.yaml: item 8.3: points: must be a whole number ≥ 0'
 */
export function formatProblem(problem: ChecklistProblem): string {
  const item = problem.itemId === undefined ? '' : ` item ${problem.itemId}:`;
  return `${problem.file}:${item} ${problem.field}: ${problem.message}`;
}

/**
 * Thrown when a checklist definition cannot be loaded. `problems` holds every problem found, not just
 * the first, so a team can fix a file in one pass.
 */
export class ChecklistValidationError extends AppError {
  readonly problems: ChecklistProblem[];

  constructor(problems: ChecklistProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const file = problems[0]?.file ?? 'checklist';
    super('invalid-input', `${file} has ${count}; fix them and load the checklist again:\n${problems.map(formatProblem).join('\n')}`, 'ChecklistValidationError');
    this.problems = problems;
  }
}

/** Collects problems for one file so the checks read as a list of rules. */
export class ProblemList {
  readonly problems: ChecklistProblem[] = [];

  constructor(readonly file: string) {}

  add(field: string, message: string, itemId?: string): void {
    this.problems.push(itemId === undefined ? { file: this.file, field, message } : { file: this.file, itemId, field, message });
  }

  get isEmpty(): boolean {
    return this.problems.length === 0;
  }

  throwIfAny(): void {
    if (!this.isEmpty) throw new ChecklistValidationError(this.problems);
  }
}

/**
 * A field path as the problem list shows it.
 *
 * @example
 * formatPath(['items', 3, 'evidence', 1]); // → 'items[3].evidence[1]'
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/**
 * The allowed name a typo most likely meant: the single closest one, when it is close enough. A tie
 * (OPS-099 is as close to OPS-001 as to OPS-002) suggests nothing rather than a guess.
 *
 * @example
 * closestName('penalti', ['points', 'penalty']); // → 'penalty'
 */
export function closestName(name: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const candidate of allowed) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d === bestDistance) tied = true;
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tied = false;
    }
  }
  // Up to a third of the word catches `penalti`, `mandatroy`, `chapterId` → `chapter`, yet never
  // offers 8.1 for 9.9.
  return !tied && bestDistance <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
