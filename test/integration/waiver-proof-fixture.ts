import type { WaiverProofView } from '../../common/contract';

/** The certificate a named waiver needs (applyWaiver refuses one without proof), valid well past any test run. */
export const WAIVER_PROOF: WaiverProofView = {
  kind: 'document',
  title: 'Competency certificate',
  url: 'https://partners.example.com/certificates/devops.pdf',
  effectiveDate: '2025-01-01',
  expiryDate: '2099-12-31',
};
