/** Tab "Evidence and risks": what an auditor would catch in the evidence, strict mode and four eyes, evidence from other checklists, and the upload of the site's crosswalk. Loaded when opened. */
import type { Rollup } from '../../../../../../common/contract';
import { AuditRisks } from '../score/AuditRisks';
import { CrosswalkCoverage } from '../score/CrosswalkCoverage';
import { useServices } from '../../../api/services';
import { CrosswalkSection } from '../../crosswalk/CrosswalkSection';

export default function EvidenceTab({ rollup, onChanged }: { rollup: Rollup; onChanged: () => void }) {
  const { crosswalk } = useServices();
  return (
    <>
      <AuditRisks rollup={rollup} onSettingsChanged={onChanged} />
      <CrosswalkCoverage rollup={rollup} />
      {crosswalk && <CrosswalkSection api={crosswalk} onSaved={onChanged} />}
    </>
  );
}
