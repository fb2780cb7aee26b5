/**
 * Whether the checklist version in use is still the one to prepare against, from the validity its
 * publisher states (AWS MSP 7.1: valid August 2025 – February 2026, accepted until May 2026).
 * Pure: the day is passed in, so the Audit page and tests judge the same day the same way.
 *
 * States:
 * - `current`: within its validity, or its publisher states no end (a version not yet in force is
 *   current too: a team may prepare ahead);
 * - `past-valid`: past its validity window but still accepted (the overlap): move on soon;
 * - `past-usable`: no longer accepted (past `usableUntil`, or past `validUntil` when no overlap is stated);
 * - `historical`: superseded and kept for history, whatever the dates.
 */
import type { ChecklistDefinition, ChecklistValidity } from './types';

export type ValidityState = 'current' | 'past-valid' | 'past-usable' | 'historical';

export interface ValidityVerdict extends ChecklistValidity {
  state: ValidityState;
  /** One or two sentences for the Audit page; absent while the version is current. */
  message?: string;
}

/** What to do when the version in use is past its validity (the same three steps everywhere). */
export const UPDATE_ADVICE =
  'Get the current checklist from AWS Partner Central, import it with “Bring your own checklist” (the AWS workbook is read with no mapping), then use “Update to version”.';

/**
 * The validity of a definition on `today` (YYYY-MM-DD, UTC).
 *
 * @example
 * checklistValidity(awsMsp71, '2026-03-10');
 * // → { validFrom: '2025-08-29', validUntil: '2026-02-28', usableUntil: '2026-05-31', state: 'past-valid',
 * //     message: 'AWS MSP Validation Checklist 7.1 was valid until 2026-02-28; AWS accepts it until 2026-05-31. Get the current …' }
 */
export function checklistValidity(def: Pick<ChecklistDefinition, 'name' | 'version' | 'validity' | 'framework'>, today: string): ValidityVerdict {
  const stated: ChecklistValidity = { ...(def.validity ?? {}) };
  const named = `${def.name} ${def.version}`;
  const advice = def.framework === 'aws-msp' ? UPDATE_ADVICE : 'Get the current version from its publisher, import it with “Bring your own checklist”, then use “Update to version”.';
  if (stated.historical === true) {
    return { ...stated, state: 'historical', message: `${named} is a superseded version, kept for history: do not prepare an audit against it. ${advice}` };
  }
  const { validUntil, usableUntil } = stated;
  const lastUsable = usableUntil ?? validUntil;
  if (lastUsable !== undefined && today > lastUsable) {
    return { ...stated, state: 'past-usable', message: `${named} is no longer accepted: it was usable until ${lastUsable}. ${advice}` };
  }
  if (validUntil !== undefined && today > validUntil) {
    const until = usableUntil !== undefined ? `; it is still accepted until ${usableUntil}` : '';
    return { ...stated, state: 'past-valid', message: `${named} was valid until ${validUntil}${until}. ${advice}` };
  }
  return { ...stated, state: 'current' };
}
