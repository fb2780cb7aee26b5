/** The `import-worker` consumer's entry: reads the queue event and runs the job. */
import { z } from 'zod';
import { runImportJob } from './worker';

const eventSchema = z.looseObject({
  body: z.looseObject({ jobId: z.string().min(1), handoff: z.number().int().min(0).optional() }),
  retryContext: z.looseObject({ retryCount: z.number().optional() }).optional(),
});

export async function importWorkerHandler(event: unknown): Promise<void> {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) {
    // Retrying an event the app cannot read would fail the same way: drop it, loudly.
    console.error('[import] dropped a queue event without a job id');
    return;
  }
  const { body, retryContext } = parsed.data;
  await runImportJob({ jobId: body.jobId, ...(body.handoff !== undefined ? { handoff: body.handoff } : {}) }, retryContext?.retryCount ?? 0);
}
