/**
 * JQL that splits a checklist's active item issues into classes with ids-only searches (5,000 ids a
 * page instead of 100 issues with fields): each search is one bit per issue, and the rollup's cold
 * read (src/rollup/cold-read.ts) puts the bits together. The evidence field's summary properties are
 * searched by their manifest `searchAlias` (Forge object fields: `X.Y` for a field X and an alias Y;
 * the field is named by its id, `cf[NNNNN]`, since its name could be shared by another field).
 * Only the app writes that field (it is read-only in Jira); the `msp-audit-assessment` issue property
 * (`auditAssessment`) is never used here, as anyone with Edit issues can change it.
 *
 * The classes: status category (To Do, In Progress, Done) × the assessment the app recorded (none,
 * met, not met) × the evidence on `today` (none; some, but no accepted evidence in force; accepted
 * evidence in force: src/domain/evidence-in-force.ts): 27 classes, numbered 1 to 27 and written in 5
 * bits, one search each. No class is 0, so every member issue is in at least one search: their union
 * is the membership, and no search of its own is needed. Issues whose class the summary cannot give
 * (N/A, evidence with a risk before `horizon`, only rejected evidence, accepted evidence in two or more
 * windows, a value written before the summary existed) are read with their fields (`withFields`).
 *
 * To confirm on a real site: `assessmentResult` sits on a nested property (`assessment.result`), and
 * Forge's page documents `X.Y` for the schema's properties without saying whether nested ones are
 * indexed; the field is named here by `cf[N]` where the page writes its name; `is EMPTY` on an
 * alias matches issues whose field is unset; a `searchType: date` alias compares with a
 * `"YYYY-MM-DD"` day as the calendar day (no time zone shift). Until confirmed,
 * `MSP_ROLLUP_COLD_MIN_ITEMS=Infinity` turns the cold read off (rollup/cold-read.ts).
 */
import type { StatusCategory } from '../domain/types';

/** `cf[10051]` for `customfield_10051`; undefined for any other id. */
export function customFieldClause(fieldId: string): string | undefined {
  const match = /^customfield_(\d+)$/.exec(fieldId);
  return match ? `cf[${match[1]}]` : undefined;
}

export const STATUS_CLASSES = ['new', 'indeterminate', 'done'] as const satisfies readonly StatusCategory[];
export const ASSESSMENT_CLASSES = [null, 'met', 'not_met'] as const;
/** `held`: evidence, but no accepted evidence in force on the day. */
export const EVIDENCE_CLASSES = ['none', 'held', 'in-force'] as const;
export const PARTITION_BITS = 5;

export interface PartitionClass {
  statusCategory: (typeof STATUS_CLASSES)[number];
  assessment: (typeof ASSESSMENT_CLASSES)[number];
  evidence: (typeof EVIDENCE_CLASSES)[number];
}

/** The class of an issue found in the bit searches `bits` (bit i: in search i); undefined for no class. */
export function classOf(code: number): PartitionClass | undefined {
  if (!Number.isInteger(code) || code < 1 || code > 27) return undefined;
  const n = code - 1;
  return { statusCategory: STATUS_CLASSES[Math.floor(n / 9)]!, assessment: ASSESSMENT_CLASSES[Math.floor(n / 3) % 3]!, evidence: EVIDENCE_CLASSES[n % 3]! };
}

/** The searches of one partition of `membersJql`'s issues. */
export interface PartitionJql {
  /** PARTITION_BITS searches, ids (and keys) only: bit i of each issue's class number. */
  bits: string[];
  /** The issues read the old way, with their fields. */
  withFields: string;
}

/**
 * `today`: the UTC day evidence is judged on (evidence-scoring.ts `utcDay`); `horizon`: the day before
 * which a non-rejected entry's expiry is a risk (expired, expiring, before the audit), so items with
 * one are read whole (src/domain/evidence-stand-in.ts `standInHorizon`).
 */
export function partitionJql(membersJql: string, evidenceFieldId: string, days: { today: string; horizon: string }): PartitionJql | undefined {
  const field = customFieldClause(evidenceFieldId);
  if (field === undefined || ![days.today, days.horizon].every((day) => /^\d{4}-\d{2}-\d{2}$/.test(day))) return undefined;
  const f = (alias: string) => `${field}.${alias}`;
  const today = `"${days.today}"`;
  const status: Record<PartitionClass['statusCategory'], string> = {
    // Not "= 'To Do'": an issue in a status without a category counts as To Do, as in the full read.
    new: 'statusCategory != Done AND statusCategory != "In Progress"',
    indeterminate: 'statusCategory = "In Progress"',
    done: 'statusCategory = Done',
  };
  const assessment = (a: PartitionClass['assessment']): string =>
    // N/A issues are read with their fields, so they may fall in "none" too.
    a === null ? `(${f('assessmentResult')} is EMPTY OR ${f('assessmentResult')} = na)` : `${f('assessmentResult')} = ${a}`;
  const evidence: Record<PartitionClass['evidence'], string> = {
    none: `(${f('evidenceCount')} is EMPTY OR ${f('evidenceCount')} = 0)`,
    held: `${f('evidenceCount')} > 0 AND (${f('acceptedSpans')} = 0 OR ${f('acceptedFrom')} > ${today} OR ${f('acceptedUntil')} < ${today})`,
    'in-force': `${f('evidenceCount')} > 0 AND ${f('acceptedSpans')} = 1 AND (${f('acceptedFrom')} is EMPTY OR ${f('acceptedFrom')} <= ${today}) AND (${f('acceptedUntil')} is EMPTY OR ${f('acceptedUntil')} >= ${today})`,
  };
  const bits = Array.from({ length: PARTITION_BITS }, (_, bit) => {
    // Grouped by status and assessment: (S AND A AND (E1 OR E2)) OR …
    const groups: string[] = [];
    STATUS_CLASSES.forEach((s, si) =>
      ASSESSMENT_CLASSES.forEach((a, ai) => {
        const es = EVIDENCE_CLASSES.filter((_e, ei) => (((si * 9 + ai * 3 + ei + 1) >> bit) & 1) === 1);
        if (es.length === 0) return;
        const e = es.length === EVIDENCE_CLASSES.length ? undefined : es.map((x) => `(${evidence[x]})`).join(' OR ');
        groups.push(`(${status[s]} AND ${assessment(a)}${e === undefined ? '' : ` AND (${e})`})`);
      }),
    );
    return `${membersJql} AND (${groups.join(' OR ')})`;
  });
  const wholeRead = [
    `${f('evidenceInForceFormat')} is EMPTY`,
    `${f('acceptedSpans')} > 1`,
    `(${f('evidenceAccepted')} = 0 AND ${f('evidencePending')} = 0)`,
    `${f('evidenceNextExpiry')} < "${days.horizon}"`,
  ].join(' OR ');
  return { bits, withFields: `${membersJql} AND (${f('assessmentResult')} = na OR (${f('evidenceCount')} > 0 AND (${wholeRead})))` };
}
