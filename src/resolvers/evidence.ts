/**
 * Resolvers of the issue modules (`audit-item-panel`, `audit-evidence`) and the project's audit
 * settings (common/api/evidence.ts). The issue is always the one in the invocation context; the
 * evidence itself is validated by the domain rules on the server.
 */
import type { evidenceApi } from '../../common/api/evidence';
import { setAssessment } from '../evidence/assessment';
import { changeEvidence } from '../evidence/change';
import { getItemPanel, type IssueModuleDeps } from '../evidence/panel';
import { setProjectSettings } from '../evidence/settings';
import { createEvidenceJira } from '../jira/evidence-issue';
import type { Handlers } from './define-all';
import { jiraClientFor, jiraHttpOptionsFor } from '../platform/jira';

function deps(): IssueModuleDeps {
  return {
    jira: jiraClientFor('resolver'),
    issues: createEvidenceJira(jiraHttpOptionsFor('resolver')),
    now: () => new Date(),
  };
}

export const evidenceHandlers: Handlers<typeof evidenceApi> = {
  getItemPanel: (_payload, caller) => getItemPanel(deps(), caller),
  addEvidence: ({ evidence }, caller) => changeEvidence(deps(), caller, { kind: 'add', input: evidence }),
  editEvidence: ({ id, patch }, caller) => changeEvidence(deps(), caller, { kind: 'edit', id, patch }),
  removeEvidence: ({ id }, caller) => changeEvidence(deps(), caller, { kind: 'remove', id }),
  reviewEvidence: ({ id, state, note }, caller) => changeEvidence(deps(), caller, { kind: 'review', id, state, ...(note !== undefined ? { note } : {}) }),
  setAssessment: (payload, caller) => setAssessment(deps(), caller, payload),
  setProjectSettings: (payload, caller) => setProjectSettings(deps().issues, caller, payload),
};
