/**
 * "Before you apply": the program conditions a publisher sets outside its checklist. A project can
 * meet every item and still not be accepted for the audit (AWS MSP: the partner tier, the case
 * studies, Partner Central linked to an AWS account). The team ticks them; the verdict never
 * counts them, the page lists them beside it. Pure: which conditions apply, and the ticks' shape.
 */
import type { ChecklistDefinition } from './types';

export interface Prerequisite {
  id: string;
  /** The condition, in our own words. */
  text: string;
  /** What it means in practice, when there is more to say. */
  detail?: string;
}

/** One stored tick: done or not, who set it and when. */
export interface PrerequisiteTick {
  done: boolean;
  by: string;
  /** ISO 8601 instant. */
  at: string;
}

/** AWS MSP Partner Program conditions for scheduling the audit (checklist-facts.md, 2.6). */
const AWS_MSP: readonly Prerequisite[] = [
  { id: 'aws-tier', text: 'Your company is at the Advanced or Premier tier of the AWS Services Path.' },
  {
    id: 'aws-case-studies',
    text: 'You have at least four AWS customer case studies, two of them public.',
    detail: 'Each shows at least six months of agreed AWS managed services for a production workload, one per customer, none for an internal or affiliated customer.',
  },
  { id: 'aws-partner-central', text: 'Your AWS Partner Central account is linked to an AWS account.' },
  {
    id: 'aws-spp-reporting',
    text: 'If you are in the AWS Solution Provider Program: more than 90% compliance with end-user reporting.',
    detail: 'Tick it too when you are not in the program: it does not apply then.',
  },
  {
    id: 'aws-self-assessment',
    text: 'The self-assessment is complete and the prerequisite evidence reaches AWS at least 30 days before the validation date you want.',
  },
];

/** MSPAlliance UCS examination (checklist-facts.md, 3.3). */
const MSPALLIANCE_UCS: readonly Prerequisite[] = [
  { id: 'ucs-examiner', text: 'An independent examiner (a public accounting firm) is engaged for the examination.' },
  { id: 'ucs-review-period', text: 'For a Level 2 report: the controls have run for a review period of at least three months.' },
];

/**
 * The conditions outside the checklist for its program, in the order to work through them; none
 * for a checklist whose program the app does not know. A team's own version of the AWS checklist
 * (framework `aws-msp-…`) is the same program.
 *
 * @example
 * prerequisitesFor({ framework: 'aws-msp' }).map((p) => p.id); // ['aws-tier', 'aws-case-studies', …]
 */
export function prerequisitesFor(def: Pick<ChecklistDefinition, 'framework'>): readonly Prerequisite[] {
  if (def.framework === 'aws-msp' || def.framework.startsWith('aws-msp-')) return AWS_MSP;
  if (def.framework === 'mspalliance-ucs' || def.framework.startsWith('mspalliance-ucs-')) return MSPALLIANCE_UCS;
  return [];
}
