/**
 * How the browser sends a crosswalk (common/crosswalk-parts.ts): in the call itself when it fits,
 * else staged in parts that each stay under a KVS value, in file order, with every row once.
 */
import type { CrosswalkRowPayload } from '../../../common/crosswalk';
import { CROSSWALK_UPLOAD_LIMITS, planCrosswalkParts, stageCrosswalk, type CrosswalkUploadApi } from '../../../common/crosswalk-parts';

const rows = (count: number, note = ''): CrosswalkRowPayload[] =>
  Array.from({ length: count }, (_, i) => ({ fromChecklist: 'aws-msp-7.1', fromItem: `SEC-${i}`, toChecklist: 'mspalliance-ucs-23', toItem: '06.01', ...(note ? { note } : {}) }));
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/** Records the calls a staging makes; answers like the server would. */
function recorder() {
  const calls: string[] = [];
  const api: Pick<CrosswalkUploadApi, 'beginCrosswalkUpload' | 'appendCrosswalkRows'> = {
    beginCrosswalkUpload: async (payload) => {
      calls.push(`begin ${payload.rowCount} rows in ${payload.partCount}`);
      return { uploadId: 'u-1', expiresAt: '2026-12-07T06:00:00.000Z' };
    },
    appendCrosswalkRows: async (payload) => {
      calls.push(`append ${payload.index}: ${payload.rows.length}`);
      return { uploadId: payload.uploadId, index: payload.index, received: payload.rows.length };
    },
  };
  return { api, calls };
}

describe('sending a crosswalk', () => {
  it('sends a file that fits one call in the call itself, staging nothing', async () => {
    const { api, calls } = recorder();
    const small = rows(100);
    expect(planCrosswalkParts(small)).toEqual([small]);
    expect(await stageCrosswalk(api, small, 'map.csv')).toEqual({ rows: small });
    expect(calls).toEqual([]);
  });

  it('stages a larger file in parts under the part size, every row once and in order', async () => {
    const { api, calls } = recorder();
    const big = rows(3_000, 'The same access review serves both audits; see the GRC record for the reviewer.');
    expect(bytes({ rows: big })).toBeGreaterThan(CROSSWALK_UPLOAD_LIMITS.singleCallBytes);
    const parts = planCrosswalkParts(big);
    for (const part of parts) expect(bytes({ rows: part })).toBeLessThanOrEqual(CROSSWALK_UPLOAD_LIMITS.partBytes + 2);
    expect(parts.flat()).toEqual(big);
    expect(await stageCrosswalk(api, big, 'map.xlsx')).toEqual({ uploadId: 'u-1' });
    expect(calls).toEqual([`begin 3000 rows in ${parts.length}`, ...parts.map((part, index) => `append ${index}: ${part.length}`)]);
  });
});
