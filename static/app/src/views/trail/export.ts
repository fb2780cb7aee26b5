/** The whole trail as one CSV text: the export's pages, asked for one after another and joined. */
import type { TrailApi } from '../../api/trail-api';
import { trailEnglish } from './messages';
import type { TrailMessages } from './messages.en';

/** More pages than any trail has (20 chunks a page): a cursor that never ends is a bug, not a wait. */
const MAX_PAGES = 10_000;

export async function trailCsv(api: TrailApi, t: TrailMessages = trailEnglish()): Promise<{ csv: string; rows: number; fileName: string }> {
  const parts: string[] = [];
  let rows = 0;
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await api.exportTrail(cursor !== undefined ? { cursor } : {});
    parts.push(answer.csv);
    rows += answer.rows;
    cursor = answer.nextCursor;
    if (cursor === undefined) return { csv: parts.join(''), rows, fileName: answer.fileName };
  }
  throw new Error(t.exportNotEnded);
}
