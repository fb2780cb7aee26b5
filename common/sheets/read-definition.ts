/**
 * Reads a checklist definition file (the app's own YAML or JSON format) into plain data. The
 * backend validates the data field by field; this only makes sure it is a definition at all.
 */
import { isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { SheetReadError } from './errors';
import { MAX_ITEMS } from './types';

/**
 * The format's only numeric fields. Elsewhere an unquoted number is text the author did not quote:
 * YAML reads `version: 7.1` as a number and `id: 8.10` as 8.1 (merging it with item 8.1), so those
 * are kept exactly as written, the same rule the backend's YAML loader applies.
 */
const NUMERIC_FIELDS: ReadonlySet<string> = new Set(['points', 'penalty', 'maxScore', 'passMark', 'minOptionalPercent', 'defaultPenalty', 'order']);

/**
 * Lines and commas a definition file may hold. The yaml parser spends its time per node, and a
 * 5 MB file of one-character entries holds millions (tens of seconds); a checklist of MAX_ITEMS
 * items with long texts holds a few tens of thousands. Counted before parsing, in one pass.
 */
export const MAX_YAML_ENTRIES = MAX_ITEMS * 50;

const SHAPE_HINT = 'a checklist definition is one mapping with id, framework, name, version, model, chapters and items';

/**
 * @example
 * readYamlDefinition('id: demo\nversion: 7.1\n', 'demo.yaml'); // → { id: 'demo', version: '7.1' }
 */
export function readYamlDefinition(text: string, fileName: string): unknown {
  if (entryCount(text) > MAX_YAML_ENTRIES) {
    throw new SheetReadError(
      'too-many-items',
      fileName,
      `has more than ${MAX_YAML_ENTRIES.toLocaleString('en-US')} lines and list entries; a checklist of at most ${MAX_ITEMS.toLocaleString('en-US')} items needs far fewer. Split it into several checklists.`,
    );
  }
  // yaml's own duplicate-key check compares each key with every earlier one (quadratic: a file of
  // 200,000 keys takes minutes); duplicateKeyLine does the same check in one pass.
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: true, lineCounter });
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
  const duplicate = duplicateKeyLine(doc, lineCounter);
  if (duplicate !== undefined) {
    throw new SheetReadError('invalid-yaml', fileName, `is not valid YAML (line ${duplicate}): Map keys must be unique. Fix that line and choose the file again.`);
  }
  visit(doc, {
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'number' || node.source === undefined) return;
      const parent = path[path.length - 1];
      const field = isPair(parent) && isScalar(parent.key) ? String(parent.key.value) : undefined;
      if (isSeq(parent) || (field !== undefined && !NUMERIC_FIELDS.has(field))) node.value = node.source;
    },
  });
  return checkDefinition(yamlData(doc, fileName), fileName, 'YAML');
}

/** Line breaks and commas: an upper bound of the nodes a YAML text can make, for a cheap size check. */
function entryCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x2c) count++;
  }
  return count;
}

/** The line of the first key that repeats an earlier key of the same mapping, if any. */
function duplicateKeyLine(doc: Document, lineCounter: LineCounter): number | undefined {
  let line: number | undefined;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key: unknown = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) {
          const offset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
          line = offset === undefined ? 1 : lineCounter.linePos(offset).line;
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return line;
}

/**
 * The document as plain data. Aliases are resolved only here, so an alias to no anchor, or one that
 * expands without end (an "alias bomb"), surfaces here, thrown by the yaml package as a plain error.
 */
function yamlData(doc: ReturnType<typeof parseDocument>, fileName: string): unknown {
  try {
    return doc.toJS();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const why = /excessive alias count/i.test(reason)
      ? 'its aliases (*name) expand to far more data than a checklist holds'
      : /unresolved alias/i.test(reason)
        ? 'an alias (*name) refers to no anchor (&name) set before it'
        : reason.split('\n')[0];
    throw new SheetReadError('invalid-yaml', fileName, `is not valid YAML: ${why}. Write the values out instead of using aliases, and choose the file again.`);
  }
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
