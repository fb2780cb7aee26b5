/** The issue modules' adapters from AppServices; missing ones are a wiring bug, said where to fix. */
import type { HostNavigation } from '../../api/audit-api';
import type { CustomFieldHost, EvidenceApi } from '../../api/evidence-api';
import { useServices } from '../../api/services';

export function useEvidenceApi(): { evidence: EvidenceApi; host: HostNavigation; now: () => Date } {
  const { evidence, host, now } = useServices();
  if (!evidence) throw new Error('The evidence views need AppServices.evidence (see createBridgeServices in api/bridge-api.ts).');
  return { evidence, host, now };
}

export function useFieldHost(): CustomFieldHost {
  const { field } = useServices();
  if (!field) throw new Error('The evidence field needs AppServices.field (see createBridgeServices in api/bridge-api.ts).');
  return field;
}
