/**
 * The stored audit plan of one checklist in one project: one KVS value (auditPlanKey) holding the
 * dates, a revision that every save increments (so a save made from a stale page is refused rather
 * than silently overwriting a colleague's), and who saved it when. A save reads, checks and writes
 * under a short lock (auditPlanLockKey), so two saves at the same moment cannot both pass the
 * revision check: the second waits briefly, then sees the first one's revision.
 */
import { z } from 'zod';
import type { AuditPlanDates } from '../domain/plan';
import { ConflictError } from '../../common/errors';
import { auditPlanKey, auditPlanLockKey } from '../storage/keys';
import { claimValue, deleteValue, readValue, writeValue } from '../storage/kvs';

const LOCK_TTL_SECONDS = 30;
const LOCK_WAIT_MS = 5_000;
const LOCK_POLL_MS = 100;

/** Runs `save` holding the plan's lock; ConflictError when another save holds it for ~5 s. */
export async function withPlanLock<T>(projectKey: string, checklistId: string, save: () => Promise<T>): Promise<T> {
  const lock = auditPlanLockKey(projectKey, checklistId);
  const started = Date.now();
  while (!(await claimValue(lock, { at: new Date().toISOString() }, { ttlSeconds: LOCK_TTL_SECONDS }))) {
    if (Date.now() - started > LOCK_WAIT_MS) throw new ConflictError('Someone else is saving the audit plan right now; nothing of yours was saved. Reload the page in a moment and save again.');
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
  try {
    return await save();
  } finally {
    await deleteValue(lock);
  }
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const storedPlanSchema = z.object({
  validationDate: day,
  preAuditDate: day.optional(),
  selfAssessmentSentDate: day.optional(),
  revision: z.number().int().positive(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type StoredPlan = z.infer<typeof storedPlanSchema>;

export async function readPlan(projectKey: string, checklistId: string): Promise<StoredPlan | undefined> {
  return readValue(auditPlanKey(projectKey, checklistId), storedPlanSchema);
}

export async function writePlan(projectKey: string, checklistId: string, plan: StoredPlan): Promise<void> {
  await writeValue(auditPlanKey(projectKey, checklistId), plan);
}

/** The dates of a stored plan, without its bookkeeping. */
export function planDates(plan: StoredPlan): AuditPlanDates {
  return {
    validationDate: plan.validationDate,
    ...(plan.preAuditDate !== undefined ? { preAuditDate: plan.preAuditDate } : {}),
    ...(plan.selfAssessmentSentDate !== undefined ? { selfAssessmentSentDate: plan.selfAssessmentSentDate } : {}),
  };
}

/**
 * The validation date the rollup judges evidence against (the "expires before the audit" risk);
 * undefined without a plan, or when the stored plan cannot be read (the score never fails for it).
 */
export async function auditDateOf(projectKey: string, checklistId: string): Promise<string | undefined> {
  return (await auditPlanDatesOf(projectKey, checklistId))?.validationDate;
}

/** The plan's dates, or undefined when there is none or it cannot be read (as auditDateOf). */
export async function auditPlanDatesOf(projectKey: string, checklistId: string): Promise<AuditPlanDates | undefined> {
  try {
    const plan = await readPlan(projectKey, checklistId);
    return plan ? planDates(plan) : undefined;
  } catch (error) {
    console.warn(`[plan] ${projectKey}/${checklistId}: stored plan unreadable (${String(error)}); evidence judged without the audit date`);
    return undefined;
  }
}
