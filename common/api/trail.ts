/** The decision trail (src/trail): every decision the verdict stands on, chained by hash per project. */
import { z } from 'zod';
import type { ItemHistory, TrailExportPage, TrailPage, TrailVerification } from '../contract';
import { fn } from './define';

const cursor = z.string().max(20);

export const trailApi = {
  /** Newest first. */
  getTrail: fn<TrailPage>()('project', z.object({ cursor: cursor.optional(), limit: z.number().int().optional() })),
  /** The issue in context. */
  getItemHistory: fn<ItemHistory>()('issue', z.object({})),
  /** In slices while `nextCursor`. */
  verifyTrail: fn<TrailVerification>()('project', z.object({ cursor: z.string().max(100).optional() })),
  /** In pages the browser joins. */
  exportTrail: fn<TrailExportPage>()('project', z.object({ cursor: cursor.optional() })),
};
