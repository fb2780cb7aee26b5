/**
 * Reads checklist YAML into plain data, keeping what the author wrote where YAML would change it.
 */
import { isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { ProblemList } from './checklist-problems';

/**
 * The only fields that hold numbers. Everywhere else a number is really text the author did not
 * quote: `version: 7.1`, `id: 8.10`, `id: 01.01`. YAML would turn those into 7.1, 8.1 and 1.01,
 * silently merging items 8.1 and 8.10, so the reader keeps them exactly as written instead.
 */
const NUMERIC_FIELDS: ReadonlySet<string> = new Set([
  'points',
  'penalty',
  'maxScore',
  'passMark',
  'minOptionalPercent',
  'defaultPenalty',
  'order',
  'evidenceValidMonths',
]);

/**
 * Parses YAML text into plain data. Syntax errors are added to `problems` with their line; the result
 * is then `undefined`.
 *
 * @example
 * readChecklistYaml('version: 7.1\nid: 8.10\n', new ProblemList('a.yaml'))
 * // → { version: '7.1', id: '8.10' }
 */
export function readChecklistYaml(text: string, problems: ProblemList): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = error.linePos?.[0]?.line;
      problems.add(line === undefined ? 'yaml' : `line ${line}`, `YAML syntax error: ${firstSentence(error.message)}`);
    }
    return undefined;
  }
  visit(doc, {
    Scalar(key, node, path) {
      if (typeof node.value !== 'number' || key === 'key' || node.source === undefined) return;
      const parent = path[path.length - 1];
      const field = isPair(parent) && isScalar(parent.key) ? String(parent.key.value) : undefined;
      // No list in the format holds numbers, so a number in a list is an id (`replaces: [8.10]`).
      if (isSeq(parent) || (field !== undefined && !NUMERIC_FIELDS.has(field))) node.value = node.source;
    },
  });
  return doc.toJS();
}

/** yaml's messages end in " at line N, column M:" and a code frame; the line is reported apart. */
function firstSentence(message: string): string {
  const cut = message.search(/ at line \d+, column \d+/);
  return (cut === -1 ? message.split('\n')[0] ?? message : message.slice(0, cut)).trim();
}
