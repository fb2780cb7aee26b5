/**
 * `npm run bench -- --xlsx [--items N]`: the .xlsx workbooks the Audit page builds, in Node with
 * the same code (common/sheets/write-*.ts): a synthetic checklist of N items (default 5,000, 50
 * chapters) with 3 evidence entries each, a waiver, some N/A answers and a 5,000-decision trail.
 * Measures making the pack's data (scoring, CSV rows, auditPackOf), its JSON size (what the
 * resolver answers), writing each workbook and packing it to bytes, and the heap used. Prints a
 * Markdown table and writes bench/xlsx-results.json.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TrailEntryView } from '../common/contract';
import { writeAwsSelfAssessment } from '../common/sheets/write-aws';
import { writeAuditPack } from '../common/sheets/write-pack';
import type { ItemResult } from '../src/domain/types';
import { entry, makePack } from '../test/fixtures/sheets/pack-data';
import { syntheticChecklist } from './checklists';

const RESULTS_FILE = path.join(__dirname, 'xlsx-results.json');
const RESULTS: (ItemResult | undefined)[] = ['met', 'met', 'not_met', 'na', undefined];

async function timed<T>(run: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function runXlsxBench(items: number): Promise<void> {
  const def = syntheticChecklist(items, 50);
  const trail: TrailEntryView[] = Array.from({ length: 5_000 }, (_, i) => ({
    seq: i + 1,
    at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    actor: `acc-${i % 7}`,
    action: 'assessment.set',
    itemId: def.items[i % def.items.length]!.id,
    issueKey: `MSP-${(i % def.items.length) + 1}`,
    before: { result: 'not_assessed' },
    after: { result: 'met' },
    reason: 'Reviewed with the owner',
    hash: `h${i}`,
  }));
  const data = await timed(() =>
    makePack(def, {
      result: (i) => RESULTS[i % RESULTS.length],
      evidence: (i, itemId) => ['a', 'b', 'c'].map((suffix, n) => entry(`${itemId}-${suffix}`, { title: `Evidence ${n + 1} for ${itemId}: the signed policy, the runbook or the demo`, reviewState: n === 2 ? 'pending' : 'accepted', note: i % 10 === 0 ? 'Shown live in the ticket tool' : undefined })),
      waivers: [{ id: 'w1', source: 'custom', name: 'Inherited', reason: 'Covered by the parent audit', items: [def.items[0]!.id], chapters: [], appliedBy: 'acc-1', appliedAt: '2026-02-01T00:00:00.000Z' }],
    }),
  );
  const pack = data.value;
  const json = Buffer.byteLength(JSON.stringify({ format: 'pack', baseName: 'x', pack }), 'utf8');
  const heapBefore = process.memoryUsage().heapUsed;
  const build = await timed(() => writeAuditPack(pack, { trail }));
  const bytes = await timed(() => build.value.xlsx.writeBuffer());
  const heapAfter = process.memoryUsage().heapUsed;
  const aws = await timed(() => writeAwsSelfAssessment({ ...pack, framework: 'aws-msp' }));
  const awsBytes = await timed(() => aws.value.xlsx.writeBuffer());
  const results = {
    node: process.version,
    cpus: os.cpus().length,
    items: pack.items.length,
    evidence: pack.evidence.length,
    trail: trail.length,
    packDataMs: data.ms,
    packJsonBytes: json,
    pack: { buildMs: build.ms, writeMs: bytes.ms, bytes: bytes.value.byteLength, heapGrowthBytes: heapAfter - heapBefore },
    aws: { buildMs: aws.ms, writeMs: awsBytes.ms, bytes: awsBytes.value.byteLength },
  };
  console.log(`## .xlsx export, ${results.items} items × 3 evidence (${results.evidence} entries), ${results.trail}-decision trail (Node ${results.node}, ${results.cpus} CPUs)\n`);
  console.log('| Step | Time | Size |\n|---|---|---|');
  console.log(`| Pack data (score, rows, auditPackOf) | ${sec(data.ms)} | JSON ${mb(json)} (one resolver answer: 5 MB) |`);
  console.log(`| Audit pack: build sheets | ${sec(build.ms)} | |`);
  console.log(`| Audit pack: write .xlsx | ${sec(bytes.ms)} | ${mb(results.pack.bytes)} |`);
  console.log(`| AWS self-assessment: build | ${sec(aws.ms)} | |`);
  console.log(`| AWS self-assessment: write .xlsx | ${sec(awsBytes.ms)} | ${mb(results.aws.bytes)} |`);
  console.log(`\nHeap growth while building the pack: ${mb(results.pack.heapGrowthBytes)}.`);
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nResults: ${path.relative(process.cwd(), RESULTS_FILE)}`);
}
