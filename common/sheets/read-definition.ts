/**
 * Reads a checklist definition file (the app's own YAML or JSON format) into plain data. The
 * backend validates the data field by field; this only makes sure it is a definition at all.
 */
import { isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { SheetReadError } from './errors';
import { MAX_ITEMS } from './types';

/**
 * The format's only numeric fields. Elsewhere an unquoted number is text the author did not quote:
 * YAML reads `version: 7.1` as a number and `id: 8.10` as 8.1 (merging it with item 8.1), so those
 * are kept exactly as written, the same rule the backend's YAML loader applies.
 */
const NUMERIC_FIELDS: ReadonlySet<string> = new Set(['points', 'penalty', 'maxScore', 'passMark', 'minOptionalPercent', 'defaultPenalty', 'order']);

const SHAPE_HINT = 'a checklist definition is one mapping with id, framework, name, version, model, chapters and items';

/**
 * @example
 * readYamlDefinition('id: demo\nversion: 7.1\n', 'demo.yaml'); // → { id: 'demo', version: '7.1' }
 */
export function readYamlDefinition(text: string, fileName: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const error = doc.errors[0];
  if (error !== undefined) {
    const line = error.linePos?.[0]?.line;
    const reason = (error.message.split(' at line ')[0] ?? error.message).split('\n')[0] ?? error.message;
    throw new SheetReadError(
      'invalid-yaml',
      fileName,
      `is not valid YAML${line === undefined ? '' : ` (line ${line})`}: ${reason.trim()}. Fix that line and choose the file again.`,
    );
  }
  visit(doc, {
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'number' || node.source === undefined) return;
      const parent = path[path.length - 1];
      const field = isPair(parent) && isScalar(parent.key) ? String(parent.key.value) : undefined;
      if (isSeq(parent) || (field !== undefined && !NUMERIC_FIELDS.has(field))) node.value = node.source;
    },
  });
  return checkDefinition(doc.toJS(), fileName, 'YAML');
}

/**
 * @example
 * readJsonDefinition('{"id":"demo"}', 'demo.json'); // → { id: 'demo' }
 */
export function readJsonDefinition(text: string, fileName: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SheetReadError('invalid-json', fileName, `is not valid JSON: ${reason}. Fix it and choose the file again.`);
  }
  return checkDefinition(data, fileName, 'JSON');
}

function checkDefinition(data: unknown, fileName: string, format: 'YAML' | 'JSON'): unknown {
  if (Array.isArray(data)) {
    throw new SheetReadError('not-a-definition', fileName, `holds a ${format} list, not a checklist: ${SHAPE_HINT}.`);
  }
  if (typeof data !== 'object' || data === null) {
    const what = data === null ? 'nothing' : `a single ${typeof data}`;
    throw new SheetReadError('not-a-definition', fileName, `holds ${what}, not a checklist: ${SHAPE_HINT}.`);
  }
  const items: unknown = (data as Record<string, unknown>).items;
  if (Array.isArray(items) && items.length > MAX_ITEMS) {
    throw new SheetReadError(
      'too-many-items',
      fileName,
      `has ${items.length.toLocaleString('en-US')} items; at most ${MAX_ITEMS.toLocaleString('en-US')} can be imported. Split it into several checklists.`,
    );
  }
  return data;
}
