/**
 * Reading the evidence field as Jira stores it, leniently. Jira checks writes against the field's
 * JSON schema, but a value written around the app (REST, an import, Jira's own editor submitting a
 * value) can still break rules the schema cannot express (expiry after effective date, what each
 * kind needs, control characters). Such entries are ignored and reported, never shown or counted,
 * and the next change saved through the app drops them.
 */
import { EvidenceError, evidenceValue, EVIDENCE_LIMITS, parseEvidenceValue, type EvidenceEntry, type EvidenceFieldValue, type EvidenceProblem } from './evidence';
import { isRecord } from './records';

export interface EvidenceReading {
  /** The valid entries, summary recomputed. */
  value: EvidenceFieldValue;
  /** What was wrong with the entries left out, by field (`entries[2].url`). */
  ignored: EvidenceProblem[];
}


/**
 * The stored value with every entry that breaks the evidence rules left out.
 *
 * @example
 * readEvidence(null); // → { value: { entries: [], count: 0, …, reviewState: 'none' }, ignored: [] }
 */
export function readEvidence(raw: unknown): EvidenceReading {
  try {
    return { value: parseEvidenceValue(raw), ignored: [] };
  } catch (error) {
    if (!(error instanceof EvidenceError)) throw error;
  }
  if (!isRecord(raw) || !Array.isArray(raw.entries)) {
    return { value: evidenceValue([]), ignored: [{ field: 'entries', message: 'the stored value is not a list of evidence entries' }] };
  }
  const entries: EvidenceEntry[] = [];
  const ignored: EvidenceProblem[] = [];
  const seen = new Set<string>();
  raw.entries.forEach((rawEntry: unknown, index) => {
    const at = `entries[${index}]`;
    if (entries.length >= EVIDENCE_LIMITS.maxEntries) {
      ignored.push({ field: at, message: `is beyond the ${EVIDENCE_LIMITS.maxEntries} entries an issue may hold` });
      return;
    }
    let entry: EvidenceEntry | undefined;
    try {
      entry = parseEvidenceValue({ entries: [rawEntry] }).entries[0];
    } catch (error) {
      if (!(error instanceof EvidenceError)) throw error;
      for (const problem of error.problems) ignored.push({ field: problem.field.replace(/^entries\[0\]/, at), message: problem.message });
      return;
    }
    if (entry === undefined) return;
    if (seen.has(entry.id)) {
      ignored.push({ field: `${at}.id`, message: `repeats id "${entry.id}"; only the first entry with it is kept` });
      return;
    }
    seen.add(entry.id);
    entries.push(entry);
  });
  return { value: evidenceValue(entries), ignored };
}
