/** The one import of a checklist a project may have running (`import-active:<project>:<checklist>`). */
import { z } from 'zod';

export const activeImportSchema = z.object({ jobId: z.string() });
export type ActiveImport = z.infer<typeof activeImportSchema>;
