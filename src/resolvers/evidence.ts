/**
 * Resolvers of the issue modules (`audit-item-panel`, `audit-evidence`) and the project's audit
 * settings. The issue is always the one in the invocation context; payloads carry only what the
 * person chose, and the evidence itself is validated by the domain rules on the server.
 *
 *   getItemPanel {}                                   → ItemPanel
 *   addEvidence { evidence: EvidenceInputPayload }    → ItemPanel
 *   editEvidence { id, patch: EvidencePatchPayload }  → ItemPanel
 *   removeEvidence { id }                             → ItemPanel
 *   reviewEvidence { id, state, note? }               → ItemPanel
 *   setAssessment { result, complexity, justification? } → ItemPanel
 *   setProjectSettings { strictMode?, fourEyes? }     → ProjectSettings (project from the context)
 */
import type Resolver from '@forge/resolver';
import { z } from 'zod';
import type { ItemPanel, ProjectSettings } from '../../common/contract';
import { setAssessment } from '../evidence/assessment';
import { changeEvidence, type EvidenceChange } from '../evidence/change';
import { issueCaller } from '../platform/issue-context';
import { getItemPanel, type IssueModuleDeps } from '../evidence/panel';
import { setProjectSettings } from '../evidence/settings';
import { createEvidenceJira } from '../jira/evidence-issue';
import { parsePayload, projectCaller } from '../platform/context';
import { logged } from '../platform/logged';
import { jiraClientFor, jiraHttpOptionsFor } from '../platform/jira';

const entryId = z.string().min(1, 'must name an evidence entry').max(64, 'is not an evidence id');
const payloads = {
  getItemPanel: z.object({}),
  // The evidence is checked field by field by the domain rules, whose messages say what to fix.
  addEvidence: z.object({ evidence: z.unknown() }),
  editEvidence: z.object({ id: entryId, patch: z.unknown() }),
  removeEvidence: z.object({ id: entryId }),
  // The note's content is checked by the domain rules and the free-text rule (control and bidi characters).
  reviewEvidence: z.object({ id: entryId, state: z.enum(['pending', 'accepted', 'rejected']), note: z.string().max(10_000, 'is too long').optional() }),
  setAssessment: z.object({
    result: z.enum(['met', 'not_met', 'na']).nullable(),
    complexity: z.enum(['low', 'medium', 'high']).nullable(),
    // Bounded again, with a message, by the N/A rule and the free-text rule.
    justification: z.string().max(10_000, 'is too long; keep the justification to 2000 characters').optional(),
  }),
  setProjectSettings: z
    .object({ strictMode: z.boolean().optional(), fourEyes: z.boolean().optional() })
    .refine((s) => s.strictMode !== undefined || s.fourEyes !== undefined, 'must set strictMode or fourEyes (true or false)'),
};

function deps(): IssueModuleDeps {
  return {
    jira: jiraClientFor('resolver'),
    issues: createEvidenceJira(jiraHttpOptionsFor('resolver')),
    now: () => new Date(),
  };
}

function changeResolver<T>(name: string, schema: z.ZodType<T>, toChange: (payload: T) => EvidenceChange) {
  return logged(name, async ({ payload, context }): Promise<ItemPanel> => {
    const caller = issueCaller(context);
    return changeEvidence(deps(), caller, toChange(parsePayload(schema, payload, name)));
  });
}

export function defineEvidenceResolvers(resolver: Resolver): void {
  resolver.define(
    'getItemPanel',
    logged('getItemPanel', async ({ payload, context }): Promise<ItemPanel> => {
      const caller = issueCaller(context);
      parsePayload(payloads.getItemPanel, payload, 'getItemPanel');
      return getItemPanel(deps(), caller);
    }),
  );
  resolver.define('addEvidence', changeResolver('addEvidence', payloads.addEvidence, ({ evidence }) => ({ kind: 'add', input: evidence })));
  resolver.define('editEvidence', changeResolver('editEvidence', payloads.editEvidence, ({ id, patch }) => ({ kind: 'edit', id, patch })));
  resolver.define('removeEvidence', changeResolver('removeEvidence', payloads.removeEvidence, ({ id }) => ({ kind: 'remove', id })));
  resolver.define(
    'reviewEvidence',
    changeResolver('reviewEvidence', payloads.reviewEvidence, ({ id, state, note }) => ({ kind: 'review', id, state, ...(note !== undefined ? { note } : {}) })),
  );
  resolver.define(
    'setAssessment',
    logged('setAssessment', async ({ payload, context }): Promise<ItemPanel> => {
      const caller = issueCaller(context);
      return setAssessment(deps(), caller, parsePayload(payloads.setAssessment, payload, 'setAssessment'));
    }),
  );
  resolver.define(
    'setProjectSettings',
    logged('setProjectSettings', async ({ payload, context }): Promise<ProjectSettings> => {
      const caller = projectCaller(context);
      return setProjectSettings(deps().issues, caller, parsePayload(payloads.setProjectSettings, payload, 'setProjectSettings'));
    }),
  );
}
