/** Tab "Evidence and risks": what an auditor would catch in the evidence, strict mode and four eyes, and evidence from other checklists (the crosswalk). Loaded when opened. */
import type { Rollup } from '../../../../../../common/contract';
import { AuditRisks } from '../score/AuditRisks';
import { CrosswalkCoverage } from '../score/CrosswalkCoverage';

export default function EvidenceTab({ rollup, onChanged }: { rollup: Rollup; onChanged: () => void }) {
  return (
    <>
      <AuditRisks rollup={rollup} onSettingsChanged={onChanged} />
      <CrosswalkCoverage rollup={rollup} />
    </>
  );
}
