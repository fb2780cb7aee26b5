/** Schemas more than one feature's payloads use. */
import { z } from 'zod';

/** Checklist ids as the checklist format allows them; anything else cannot name a checklist. */
export const checklistIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a checklist id (letters, digits, ".", "_" or "-")');

/** Ids of chapters, items and waivers: the checklist format's, generously bounded. */
export const idSchema = z.string().trim().min(1).max(200);

/** Text bounded here only against abuse; the domain gives the real limits with a clear message. */
export const textSchema = z.string().max(10_000);
