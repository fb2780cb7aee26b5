/**
 * The issue modules (`audit-item-panel`, `audit-evidence`) and the project's audit settings. The
 * issue is always the one in the invocation context; payloads carry only what the person chose.
 */
import { z } from 'zod';
import type { EvidenceInputPayload, EvidencePatchPayload, ItemPanel, ProjectSettings } from '../contract';
import { fn } from './define';

const entryId = z.string().min(1, 'must name an evidence entry').max(64, 'is not an evidence id');

export const evidenceApi = {
  getItemPanel: fn<ItemPanel>()('issue', z.object({})),
  // The evidence is checked field by field by the domain rules, whose messages say what to fix, so
  // the wire takes `unknown` and the UI is typed by the contract's EvidenceInputPayload.
  addEvidence: fn<ItemPanel, { evidence: EvidenceInputPayload }>()('issue', z.object({ evidence: z.unknown() })),
  editEvidence: fn<ItemPanel, { id: string; patch: EvidencePatchPayload }>()('issue', z.object({ id: entryId, patch: z.unknown() })),
  removeEvidence: fn<ItemPanel>()('issue', z.object({ id: entryId })),
  // The note's content is checked by the domain rules and the free-text rule (control and bidi characters).
  reviewEvidence: fn<ItemPanel>()(
    'issue',
    z.object({ id: entryId, state: z.enum(['pending', 'accepted', 'rejected']), note: z.string().max(10_000, 'is too long').optional() }),
  ),
  setAssessment: fn<ItemPanel>()(
    'issue',
    z.object({
      result: z.enum(['met', 'not_met', 'na']).nullable(),
      complexity: z.enum(['low', 'medium', 'high']).nullable(),
      // Bounded again, with a message, by the N/A rule and the free-text rule.
      justification: z.string().max(10_000, 'is too long; keep the justification to 2000 characters').optional(),
    }),
  ),
  /** A setting left out stays as it is. */
  setProjectSettings: fn<ProjectSettings>()(
    'project',
    z
      .object({ strictMode: z.boolean().optional(), fourEyes: z.boolean().optional() })
      .refine((s) => s.strictMode !== undefined || s.fourEyes !== undefined, 'must set strictMode or fourEyes (true or false)'),
  ),
};
