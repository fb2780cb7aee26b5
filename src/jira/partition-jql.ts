/**
 * JQL that splits a checklist's active item issues into classes with ids-only searches (5,000 ids a
 * page instead of 100 issues with fields): each search is one bit per issue, and the rollup's cold
 * read (src/rollup/cold-read.ts) puts the bits together. The evidence field's summary properties are
 * searched by their manifest `searchAlias` (Forge object fields: `X.Y` for a field X and an alias Y;
 * the field is named by its id, `cf[NNNNN]`, since its name could be shared by another field).
 * Only the app writes that field (it is read-only in Jira); the `msp-audit-assessment` issue property
 * (`auditAssessment`) is never used here, as anyone with Edit issues can change it.
 *
 * To confirm on a real site: `assessmentResult` sits on a nested property (`assessment.result`), and
 * Forge's page documents `X.Y` for the schema's properties without saying whether nested ones are
 * indexed; the field is named here by `cf[N]` where the page writes its name. Until confirmed,
 * `MSP_ROLLUP_COLD_MIN_ITEMS=Infinity` turns the cold read off (rollup/cold-read.ts).
 */

/** `cf[10051]` for `customfield_10051`; undefined for any other id. */
export function customFieldClause(fieldId: string): string | undefined {
  const match = /^customfield_(\d+)$/.exec(fieldId);
  return match ? `cf[${match[1]}]` : undefined;
}

/** The searches of one partition of `membersJql`'s issues; every one ids-only. */
export interface PartitionJql {
  /** Status category Done. */
  done: string;
  /** Status category In Progress (the rest are To Do). */
  inProgress: string;
  /** The assessment the app recorded is "met". */
  assessedMet: string;
  /** The assessment the app recorded is "not met". */
  assessedNotMet: string;
  /**
   * Issues read the old way, with their fields: those with evidence (the risks and strict mode judge
   * the entries) and those assessed N/A (the checklist's N/A rule judges the justification).
   */
  withFields: string;
}

export function partitionJql(membersJql: string, evidenceFieldId: string): PartitionJql | undefined {
  const field = customFieldClause(evidenceFieldId);
  if (field === undefined) return undefined;
  const within = (clause: string): string => `${membersJql} AND ${clause}`;
  return {
    done: within('statusCategory = Done'),
    inProgress: within('statusCategory = "In Progress"'),
    assessedMet: within(`${field}.assessmentResult = met`),
    assessedNotMet: within(`${field}.assessmentResult = not_met`),
    withFields: within(`(${field}.evidenceCount > 0 OR ${field}.assessmentResult = na)`),
  };
}
