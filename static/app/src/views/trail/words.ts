/** Words for trail entries: what an action means, and a before/after value in a line. Pure. */

export const ACTION_WORDS: Record<string, string> = {
  'assessment.set': 'Assessment set',
  'evidence.add': 'Evidence added',
  'evidence.edit': 'Evidence edited',
  'evidence.review': 'Evidence reviewed',
  'evidence.remove': 'Evidence removed',
  'waiver.apply': 'Waiver applied',
  'waiver.remove': 'Waiver removed',
  'chapter.review': 'Chapter reviewed',
  'settings.change': 'Setting changed',
  'sync.apply': 'Version update applied',
  'import.done': 'Checklist imported',
  'item.adopt': 'Issue adopted',
  'duplicate.close': 'Duplicate closed',
  'prerequisite.set': '“Before you apply” ticked',
  'plan.set': 'Audit plan set',
  'gate.confirm': 'Done gate confirmed',
  'finding.record': 'Audit finding recorded',
  'crosswalk.link': 'Crosswalk mapping linked by hand',
  'crosswalk.unlink': 'Crosswalk mapping removed by hand',
};

export function actionWords(action: string): string {
  return ACTION_WORDS[action] ?? action;
}

/** The longest a value is shown in a row; the CSV export carries it whole. */
const SHOWN_CHARS = 160;

/**
 * A before/after value in a line: text as it is, `key: value` pairs for an object, `—` for none.
 *
 * @example
 * valueWords({ result: 'met', complexity: 'low' }); // 'result: met, complexity: low'
 */
export function valueWords(value: unknown): string {
  if (value === undefined || value === null) return '—';
  const text = describe(value);
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS - 1)}…` : text;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return String(value);
  if (Array.isArray(value)) return value.map(describe).join('; ');
  const record = value as Record<string, unknown>;
  if (typeof record.trailSummary === 'string') return `(a large value of ${String(record.bytes)} bytes; its sha256 is in the export)`;
  return Object.entries(record)
    .map(([key, member]) => `${key}: ${member === null ? 'none' : typeof member === 'object' ? JSON.stringify(member) : String(member)}`)
    .join(', ');
}

/**
 * An ISO instant as `YYYY-MM-DD HH:MM UTC`, the same for every reader.
 *
 * @example
 * whenWords('2026-03-02T10:04:59.123Z'); // '2026-03-02 10:04 UTC'
 */
export function whenWords(at: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(at) ? `${at.slice(0, 10)} ${at.slice(11, 16)} UTC` : at;
}

/** Who decided: an account id for now (`app` for the app itself). */
export function whoWords(actor: string, people: Record<string, string | null> = {}): string {
  return actor === 'app' ? 'the app' : (people[actor] ?? actor);
}
