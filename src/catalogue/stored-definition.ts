/**
 * The shape of a custom checklist as stored in KVS: an already-validated ChecklistDefinition (the
 * spreadsheet / file import validates it before saving), re-checked on read so a damaged record
 * fails with a clear message rather than deep inside scoring.
 */
import { z } from 'zod';
import { NA_RULES } from '../domain/na-rule';
import { COMPLEXITIES, EVIDENCE_KINDS, type ChecklistDefinition, type ChecklistItem } from '../domain/types';

export const storedItemSchema = z.object({
  id: z.string(),
  chapterId: z.string(),
  title: z.string(),
  requirement: z.string(),
  evidence: z.array(z.enum(EVIDENCE_KINDS)),
  points: z.number(),
  mandatory: z.boolean(),
  penalty: z.number(),
  complexity: z.enum(COMPLEXITIES).optional(),
  replaces: z.array(z.string()),
  evidenceValidMonths: z.number().optional(),
}) satisfies z.ZodType<ChecklistItem>;

const passRuleSchema = z.union([
  z.object({ kind: z.literal('points'), passMark: z.number() }),
  z.object({ kind: z.literal('met'), minOptionalPercent: z.number().optional() }),
]);

export const storedHeaderSchema = z.object({
  id: z.string(),
  framework: z.string(),
  name: z.string(),
  version: z.string(),
  description: z.string(),
  model: z.enum(['points', 'met']),
  passRule: passRuleSchema,
  maxScore: z.number(),
  naPolicy: z.enum(['award', 'exclude']),
  /** Absent in records saved before checklists stated it: N/A then needs a justification. */
  naRule: z.enum(NA_RULES).optional(),
  validity: z
    .object({ validFrom: z.string().optional(), validUntil: z.string().optional(), usableUntil: z.string().optional(), historical: z.boolean().optional() })
    .optional(),
  evidenceValidMonths: z.number().optional(),
  chapters: z.array(z.object({ id: z.string(), title: z.string(), order: z.number() })),
  waivers: z.array(
    z.object({ id: z.string(), name: z.string(), reason: z.string(), items: z.array(z.string()), chapters: z.array(z.string()) }),
  ),
  source: z.enum(['builtin', 'custom']),
}) satisfies z.ZodType<Omit<ChecklistDefinition, 'items'>>;

/** `custom-checklist:<id>`: the header, the number of item chunks, and counts for listings. */
export const customHeaderRecordSchema = z.object({
  definition: storedHeaderSchema,
  itemChunks: z.number().int().min(0),
  itemCount: z.number().int().min(0),
  mandatoryCount: z.number().int().min(0),
  savedAt: z.string(),
  /** Account that saved it (records saved before this was kept have none). */
  savedBy: z.string().optional(),
});
export type CustomHeaderRecord = z.infer<typeof customHeaderRecordSchema>;

/** `custom-checklist-items:<id>:<n>`. */
export const customItemsRecordSchema = z.object({ items: z.array(storedItemSchema) });
