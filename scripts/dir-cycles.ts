/**
 * `npm run check:cycles [-- DIR]`: proves there is no directory-level import cycle in src/ (or DIR).
 *
 * The graph's nodes are DIR's top-level folders (a file directly in DIR, e.g. index.ts, is its own
 * node); an edge A → B is a relative import, re-export, `import()` or `require()` in a file under A
 * that resolves to a path under B (`'../catalogue'`, the folder's index, counts as catalogue).
 * Type-only imports count too: a type a folder needs is a dependency all the same. Imports within
 * one folder are not edges. Prints the edges that take part in a cycle and each elementary cycle,
 * exits 1 if there is any; otherwise prints the order of the folders (lowest first) and exits 0.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

export interface DirGraph {
  /** Top-level folders (and loose files) of the root, sorted. */
  nodes: string[];
  /** node → the nodes it imports, with one example `file → specifier` per edge. */
  edges: Map<string, Map<string, string>>;
}

const SOURCE = /\.(ts|tsx|mts|cts)$/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The top-level node of `path` under `root`, or undefined when it lies outside root. */
function nodeOf(root: string, path: string): string | undefined {
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || rel.startsWith(sep + sep)) return undefined;
  const first = rel.split(sep)[0]!;
  return first.replace(SOURCE, '');
}

/** Builds the folder graph of `root` from the relative imports of its source files. */
export function buildDirGraph(rootDir: string): DirGraph {
  const root = resolve(rootDir);
  const nodes = readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory() || (SOURCE.test(name) && !name.endsWith('.d.ts')))
    .map((name) => name.replace(SOURCE, ''))
    .sort();
  const edges = new Map<string, Map<string, string>>(nodes.map((n) => [n, new Map()]));
  for (const file of sourceFiles(root)) {
    const from = nodeOf(root, file)!;
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: spec } of info.importedFiles) {
      if (!spec.startsWith('.')) continue;
      const to = nodeOf(root, resolve(dirname(file), spec));
      if (to === undefined || to === from) continue;
      const out = edges.get(from)!;
      if (!out.has(to)) out.set(to, `${relative(root, file)} → ${spec}`);
    }
  }
  return { nodes, edges };
}

/** Strongly connected components with more than one node (Tarjan), each sorted, in node order. */
export function tangledGroups(graph: DirGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next); low.set(v, next); next += 1;
    stack.push(v); onStack.add(v);
    for (const w of graph.edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do { w = stack.pop()!; onStack.delete(w); group.push(w); } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of graph.nodes) if (!index.has(v)) visit(v);
  return groups.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/**
 * Every elementary cycle, each starting at its smallest node (so each is listed once), at most
 * `limit` of them: a tangle of many folders has many cycles, and the first ones say enough.
 */
export function findCycles(graph: DirGraph, limit = 200): string[][] {
  const cycles: string[][] = [];
  const order = [...graph.nodes];
  for (const start of order) {
    const path = [start];
    const onPath = new Set(path);
    const walk = (v: string): void => {
      for (const w of [...(graph.edges.get(v)?.keys() ?? [])].sort()) {
        if (cycles.length >= limit) return;
        if (w === start) cycles.push([...path, start]);
        else if (!onPath.has(w) && w > start) {
          path.push(w); onPath.add(w);
          walk(w);
          path.pop(); onPath.delete(w);
        }
      }
    };
    walk(start);
  }
  return cycles;
}

/** Folders lowest first (each after everything it imports); only meaningful without cycles. */
export function layerOrder(graph: DirGraph): string[] {
  const done = new Set<string>();
  const out: string[] = [];
  const visit = (v: string, seen: Set<string>): void => {
    if (done.has(v) || seen.has(v)) return;
    seen.add(v);
    for (const w of [...(graph.edges.get(v)?.keys() ?? [])].sort()) visit(w, seen);
    done.add(v); out.push(v);
  };
  for (const v of graph.nodes) visit(v, new Set());
  return out;
}

/** The report the command prints, and whether it passes. */
export function checkDirCycles(rootDir: string): { ok: boolean; report: string } {
  const graph = buildDirGraph(rootDir);
  const groups = tangledGroups(graph);
  if (groups.length === 0) {
    return { ok: true, report: `No directory-level import cycle in ${rootDir} (${graph.nodes.length} folders). Order, lowest first:\n  ${layerOrder(graph).join(' → ')}` };
  }
  const lines = [`Directory-level import cycles in ${rootDir}: ${groups.length} tangled group(s).`];
  for (const group of groups) {
    const members = new Set(group);
    lines.push(`\nGroup: ${group.join(', ')}`);
    for (const from of group) {
      for (const [to, example] of graph.edges.get(from) ?? []) {
        if (members.has(to)) lines.push(`  ${from} → ${to}   (e.g. ${example})`);
      }
    }
  }
  const cycles = findCycles(graph);
  lines.push(`\nCycles${cycles.length >= 200 ? ' (first 200)' : ''}: ${cycles.length}`);
  for (const cycle of cycles) lines.push(`  ${cycle.join(' → ')}`);
  return { ok: false, report: lines.join('\n') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { ok, report } = checkDirCycles(process.argv[2] ?? 'src');
  console.log(report);
  process.exit(ok ? 0 : 1);
}
