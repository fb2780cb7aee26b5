/**
 * Vite plugin: measures what the browser downloads before the first view can render (the entry
 * chunk and every chunk it imports statically) against everything emitted, gzipped, and writes
 * `bundle-report.json` next to the build. The build fails when the initial JS is over budget, so a
 * heavy import slips into the first paint only on purpose.
 */
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
}
interface AssetLike {
  type: 'asset';
  fileName: string;
  source: string | Uint8Array;
}
type OutputLike = ChunkLike | AssetLike;

export interface BundleReport {
  initialJsGzipBytes: number;
  totalJsGzipBytes: number;
  cssGzipBytes: number;
  budgetBytes: number;
  chunks: { file: string; gzipBytes: number; initial: boolean }[];
}

const gzipped = (source: string | Uint8Array): number => gzipSync(source, { level: 9 }).length;

/** Entry chunks and, transitively, the chunks they import statically (dynamic imports are lazy). */
export function initialChunks(bundle: Record<string, OutputLike>): Set<string> {
  const initial = new Set<string>();
  const visit = (fileName: string): void => {
    const output = bundle[fileName];
    if (!output || output.type !== 'chunk' || initial.has(fileName)) return;
    initial.add(fileName);
    output.imports.forEach(visit);
  };
  for (const output of Object.values(bundle)) if (output.type === 'chunk' && output.isEntry) visit(output.fileName);
  return initial;
}

export function measure(bundle: Record<string, OutputLike>, budgetBytes: number): BundleReport {
  const initial = initialChunks(bundle);
  const chunks: BundleReport['chunks'] = [];
  let cssGzipBytes = 0;
  for (const output of Object.values(bundle)) {
    if (output.type === 'chunk') {
      chunks.push({ file: output.fileName, gzipBytes: gzipped(output.code), initial: initial.has(output.fileName) });
    } else if (output.fileName.endsWith('.css')) {
      cssGzipBytes += gzipped(output.source);
    }
  }
  chunks.sort((a, b) => b.gzipBytes - a.gzipBytes);
  const sum = (list: typeof chunks): number => list.reduce((total, chunk) => total + chunk.gzipBytes, 0);
  return {
    initialJsGzipBytes: sum(chunks.filter((chunk) => chunk.initial)),
    totalJsGzipBytes: sum(chunks),
    cssGzipBytes,
    budgetBytes,
    chunks,
  };
}

export function bundleReport({ initialBudgetBytes }: { initialBudgetBytes: number }): Plugin {
  return {
    name: 'msp-bundle-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const report = measure(bundle as unknown as Record<string, OutputLike>, initialBudgetBytes);
      this.emitFile({ type: 'asset', fileName: 'bundle-report.json', source: `${JSON.stringify(report, null, 2)}\n` });
      const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
      this.info(
        `initial JS ${kb(report.initialJsGzipBytes)} gzipped (budget ${kb(initialBudgetBytes)}), ` +
          `all JS ${kb(report.totalJsGzipBytes)}, CSS ${kb(report.cssGzipBytes)}`,
      );
      if (report.initialJsGzipBytes > initialBudgetBytes) {
        this.error(
          `Initial JS is ${kb(report.initialJsGzipBytes)} gzipped, over the ${kb(initialBudgetBytes)} budget: ` +
            'load the new dependency lazily (React.lazy / import()) or drop it. See build/bundle-report.json.',
        );
      }
    },
  };
}
