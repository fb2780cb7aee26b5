/**
 * Issue 18's performance scenario, shared by the bench (bench/crosswalk.ts) and its integration
 * test (test/integration/crosswalk-budget.test.ts): three checklists of one project and 500
 * mappings between them. Pure: no runtime, no I/O.
 */
import type { CrosswalkRowPayload } from '../common/crosswalk';
import { findBuiltinChecklist } from '../src/checklists';
import type { ChecklistDefinition } from '../src/domain/types';
import { syntheticChecklist } from './checklists';

/** The three checklists: the team's own 130 (bench-130-1.0), AWS MSP 7.1 (61) and UCS (42). */
export function crosswalkChecklists(): [ChecklistDefinition, ChecklistDefinition, ChecklistDefinition] {
  const builtin = (id: string) => {
    const def = findBuiltinChecklist(id);
    if (!def) throw new Error(`The built-in checklist ${id} is missing.`);
    return def;
  };
  return [syntheticChecklist(130, 10), builtin('aws-msp-7.1'), builtin('mspalliance-ucs-23')];
}

/**
 * 500 valid mappings: own → UCS full (130), AWS → UCS full (61), UCS → own full (42), AWS → own
 * full (122), own → AWS partial (130), UCS → AWS partial (15). No partial mapping leaves AWS, so no
 * partial cycle; every pair of items appears once.
 */
export function crosswalkRows(own: readonly string[], aws: readonly string[], ucs: readonly string[]): CrosswalkRowPayload[] {
  const [o, a, u] = [own, aws, ucs].map((list, index) => (i: number) => list[i % list.length] ?? `missing-${index}`) as [(i: number) => string, (i: number) => string, (i: number) => string];
  const [ownId, awsId, ucsId] = crosswalkChecklists().map((def) => def.id) as [string, string, string];
  const row = (fc: string, fi: string, tc: string, ti: string, coverage = 'full'): CrosswalkRowPayload => ({ fromChecklist: fc, fromItem: fi, toChecklist: tc, toItem: ti, coverage });
  return [
    ...own.map((id, i) => row(ownId, id, ucsId, u(i))),
    ...aws.map((id, i) => row(awsId, id, ucsId, u(i * 5 + 1))),
    ...ucs.map((id, i) => row(ucsId, id, ownId, o(i))),
    ...aws.flatMap((id, i) => [row(awsId, id, ownId, o(i)), row(awsId, id, ownId, o(i + 61))]),
    ...own.map((id, i) => row(ownId, id, awsId, a(i), 'partial')),
    ...ucs.slice(0, 15).map((id, i) => row(ucsId, id, awsId, a(i), 'partial')),
  ];
}
