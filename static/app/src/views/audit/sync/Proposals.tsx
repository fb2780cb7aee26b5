/**
 * What a version update carries over, said before anything is written: "4 of 130 items carry over;
 * 31 issues with work would be retired", and the moves the plan proposes (a new item with the very
 * title of an old one), each confirmed by the person, one by one or all at once. Only confirmed
 * proposals move an issue; the sentence counts them as they are ticked.
 */
import { useId } from 'react';
import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import { token } from '@atlaskit/tokens';
import type { SyncMapping, SyncPreview } from '../../../../../../common/contract';
import { useT } from '../../../i18n';
import { auditEnglish, auditMessages } from '../messages';
import type { AuditMessages } from '../messages.en';

type Proposal = SyncPreview['proposals'][number];

/** The key a confirmed proposal is kept under. */
export const proposalKey = (proposal: SyncMapping): string => `${proposal.fromItemId}→${proposal.toItemId}`;

/** The proposals of `plan` the person confirmed, as `applySync` takes them. */
export function confirmedMappings(plan: SyncPreview, confirmed: ReadonlySet<string>): SyncMapping[] {
  return plan.proposals.filter((proposal) => confirmed.has(proposalKey(proposal))).map(({ fromItemId, toItemId }) => ({ fromItemId, toItemId }));
}

/** "4 of 130 items carry over; 31 issues with work would be retired." with the confirmed proposals counted. */
export function carryLine(plan: SyncPreview, confirmed: ReadonlySet<string>, t: AuditMessages = auditEnglish()): string {
  const w = t.proposals;
  const chosen = plan.proposals.filter((proposal) => confirmed.has(proposalKey(proposal)));
  const carried = plan.summary.carriedOver + chosen.length;
  const lostWork = plan.summary.retiredWithWork - chosen.filter((proposal) => proposal.withWork).length;
  const items = w.carried(carried, plan.summary.activeBefore);
  const work = lostWork > 0 ? w.lostWork(lostWork) : w.noLostWork;
  return w.line(items, work);
}

function proposalLabel(proposal: Proposal, t: AuditMessages): string {
  const issue = proposal.issueKey !== undefined ? ` (${proposal.issueKey})` : '';
  return `${proposal.fromItemId}${issue} → ${proposal.toItemId}: ${proposal.reason}${proposal.withWork ? t.proposals.hasWork : ''}`;
}

interface ProposalsProps {
  plan: SyncPreview;
  confirmed: ReadonlySet<string>;
  onChange: (confirmed: Set<string>) => void;
}

export function Proposals({ plan, confirmed, onChange }: ProposalsProps) {
  const t = useT(auditMessages);
  const legendId = useId();
  if (plan.proposals.length === 0) return null;
  const all = plan.proposals.every((proposal) => confirmed.has(proposalKey(proposal)));
  const toggle = (key: string, on: boolean) => {
    const next = new Set(confirmed);
    if (on) next.add(key);
    else next.delete(key);
    onChange(next);
  };
  return (
    <fieldset aria-labelledby={legendId} style={{ border: 0, padding: 0, margin: `${token('space.100', '8px')} 0 0` }}>
      <legend id={legendId} style={{ padding: 0 }}>
        <strong>{t.proposals.title(plan.proposals.length)}</strong>
      </legend>
      <p style={{ margin: `${token('space.050', '4px')} 0` }}>
        {t.proposals.intro}
      </p>
      <Button onClick={() => onChange(all ? new Set() : new Set(plan.proposals.map(proposalKey)))}>{all ? t.proposals.clearAll : t.proposals.confirmAll}</Button>
      <ul style={{ listStyle: 'none', margin: `${token('space.050', '4px')} 0 0`, padding: 0 }}>
        {plan.proposals.map((proposal) => {
          const key = proposalKey(proposal);
          return (
            <li key={key}>
              <Checkbox isChecked={confirmed.has(key)} onChange={(event) => toggle(key, event.target.checked)} label={proposalLabel(proposal, t)} />
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
