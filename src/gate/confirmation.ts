/**
 * The project's Done gate confirmation in KVS (gateConfirmationKey): one value, with a revision that
 * every save increments so a save from a stale page is refused rather than overwriting a colleague's,
 * and a short lock (gateConfirmationLockKey) so two saves at the same moment cannot both pass the
 * revision check.
 */
import { z } from 'zod';
import { ConflictError } from '../../common/errors';
import { GATE_SCOPES } from '../../common/gate-config';
import type { GateConfirmation } from '../../common/gate-status';
import { gateConfirmationKey, gateConfirmationLockKey } from '../storage/keys';
import { claimValue, deleteValue, readValue, writeValue } from '../storage/kvs';

const LOCK_TTL_SECONDS = 30;
const LOCK_WAIT_MS = 5_000;
const LOCK_POLL_MS = 100;

const confirmationSchema = z.object({
  on: z.boolean(),
  config: z.object({ scope: z.enum(GATE_SCOPES), naCounts: z.boolean() }),
  confirmedBy: z.string(),
  confirmedAt: z.string(),
  revision: z.number().int().positive(),
});

export async function readConfirmation(projectKey: string): Promise<GateConfirmation | undefined> {
  return readValue(gateConfirmationKey(projectKey), confirmationSchema);
}

export async function writeConfirmation(projectKey: string, confirmation: GateConfirmation): Promise<void> {
  await writeValue(gateConfirmationKey(projectKey), confirmation);
}

/** Runs `save` holding the project's confirmation lock; ConflictError when another save holds it for ~5 s. */
export async function withConfirmationLock<T>(projectKey: string, save: () => Promise<T>): Promise<T> {
  const lock = gateConfirmationLockKey(projectKey);
  const started = Date.now();
  while (!(await claimValue(lock, { at: new Date().toISOString() }, { ttlSeconds: LOCK_TTL_SECONDS }))) {
    if (Date.now() - started > LOCK_WAIT_MS) throw new ConflictError('Someone else is saving the Done gate confirmation right now; nothing of yours was saved. Reload the page in a moment and save again.');
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
  try {
    return await save();
  } finally {
    await deleteValue(lock);
  }
}
