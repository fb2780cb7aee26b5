/** Words for trail entries: what an action means, and a before/after value in a line. Pure; English unless given the user's catalogue. */
import { trailEnglish } from './messages';
import type { TrailMessages } from './messages.en';

/** What each action is called, in English (the catalogue has every language). */
export const ACTION_WORDS: Record<string, string> = trailEnglish().actions;

export function actionWords(action: string, t: TrailMessages = trailEnglish()): string {
  return t.actions[action] ?? action;
}

/** The longest a value is shown in a row; the CSV export carries it whole. */
const SHOWN_CHARS = 160;

/**
 * A before/after value in a line: text as it is, `key: value` pairs for an object, `—` for none.
 *
 * @example
 * valueWords({ result: 'met', complexity: 'low' }); // 'result: met, complexity: low'
 */
export function valueWords(value: unknown, t: TrailMessages = trailEnglish()): string {
  if (value === undefined || value === null) return '—';
  const text = describe(value, t);
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS - 1)}…` : text;
}

function describe(value: unknown, t: TrailMessages): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return String(value);
  if (Array.isArray(value)) return value.map((member) => describe(member, t)).join('; ');
  const record = value as Record<string, unknown>;
  if (typeof record.trailSummary === 'string') return t.largeValue(Number(record.bytes));
  return Object.entries(record)
    .map(([key, member]) => `${key}: ${member === null ? t.none : typeof member === 'object' ? JSON.stringify(member) : String(member)}`)
    .join(', ');
}

/**
 * An ISO instant as `YYYY-MM-DD HH:MM UTC`, the same for every reader.
 *
 * @example
 * whenWords('2026-03-02T10:04:59.123Z'); // '2026-03-02 10:04 UTC'
 */
export function whenWords(at: string, t: TrailMessages = trailEnglish()): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(at) ? t.when(at) : at;
}

/** Who decided: an account id for now (`app` for the app itself). */
export function whoWords(actor: string, people: Record<string, string | null> = {}, t: TrailMessages = trailEnglish()): string {
  return actor === 'app' ? t.theApp : (people[actor] ?? actor);
}
