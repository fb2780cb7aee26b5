/**
 * Verdict data on an issue that the app did not write, in sentences for the item panel. None of it
 * counts: the score reads only what the app wrote in its read-only evidence field (and the
 * checklist file's answers it keeps itself).
 * - The `msp-audit-assessment` property is a mirror for JQL; anyone with Edit issues can change it
 *   through Jira (REST, automation). One that differs from the app's record is named here.
 * - A field value saved before the app owned the field: its review decisions count as pending.
 */
import { mirrorDiffers, mirrorSays, type AssessmentRecord } from '../domain/evidence-verdict';
import type { VerdictReading } from '../domain/verdict-reading';

const RESULT_WORDS: Record<string, string> = { met: 'met', not_met: 'not met', na: 'N/A' };

function words(result: string | null | undefined): string {
  if (result === null || result === undefined) return 'from status';
  return RESULT_WORDS[result] ?? `“${result}”`;
}

function recordWords(record: AssessmentRecord | undefined): string {
  if (record !== undefined) return `${words(record.result)}, recorded by the app for ${record.assessedBy} on ${record.assessedAt.slice(0, 10)}`;
  return 'none (the result follows the issue status)';
}

export function outsideChanges(verdict: VerdictReading, property: unknown): string[] {
  const notes: string[] = [];
  if (mirrorDiffers(property, verdict.assessment)) {
    const says = mirrorSays(property);
    notes.push(
      `Changed outside the app: the issue’s assessment property (msp-audit-assessment) says ${words(says?.result)}` +
        `${says?.complexity ? ` (complexity ${says.complexity})` : ''}, which the app did not record. It is not trusted and not counted; ` +
        `the assessment in force is ${recordWords(verdict.assessment)}. Set the assessment here to change it.`,
    );
  }
  if (verdict.reviewsSetAside > 0) {
    notes.push(
      `The Audit evidence field holds a value saved before MSP Audit Ready owned the field, when anyone with Edit issues could change it: ` +
        `its ${verdict.reviewsSetAside} review decision${verdict.reviewsSetAside === 1 ? '' : 's'} cannot be shown to come from the app and count as pending until reviewed again here.`,
    );
  }
  return notes;
}
