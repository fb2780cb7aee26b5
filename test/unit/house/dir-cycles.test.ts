/** `npm run check:cycles` (scripts/dir-cycles.ts): src/ has no directory-level import cycle, and a cycle is found. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildDirGraph, checkDirCycles, findCycles, layerOrder, tangledGroups } from '../../../scripts/dir-cycles';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'dir-cycles');

describe('checkDirCycles', () => {
  describe('when run on src/', () => {
    it('finds no cycle and puts domain first and the entry points last', () => {
      const { ok, report } = checkDirCycles(join(ROOT, 'src'));
      expect(report).toContain('No directory-level import cycle');
      expect(ok).toBe(true);
      const order = layerOrder(buildDirGraph(join(ROOT, 'src')));
      expect(order[0]).toBe('domain');
      expect(order.at(-1)).toBe('index');
      expect(order.indexOf('platform')).toBeLessThan(order.indexOf('resolvers'));
    });
  });

  describe('when run on a tree with a cycle through a folder index and a type-only import', () => {
    it('lists the tangled folders and the cycle, and fails', () => {
      const graph = buildDirGraph(FIXTURE);
      expect([...graph.edges.get('a')!.keys()]).toEqual(['b']);
      expect([...graph.edges.get('c')!.keys()]).toEqual(['a']);
      expect(tangledGroups(graph)).toEqual([['a', 'b', 'c']]);
      expect(findCycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
      const { ok, report } = checkDirCycles(FIXTURE);
      expect(ok).toBe(false);
      expect(report).toContain('a → b → c → a');
      expect(report).toContain('c → a   (e.g. c/c.ts → ../a/a)');
    });
  });

  describe('as a command', () => {
    it('exits 1 on the fixture and 0 on src/', () => {
      const run = (dir: string): number => {
        try {
          execFileSync('npx', ['tsx', 'scripts/dir-cycles.ts', dir], { cwd: ROOT, stdio: 'pipe' });
          return 0;
        } catch (error) {
          return (error as { status: number }).status;
        }
      };
      expect(run('test/fixtures/dir-cycles')).toBe(1);
      expect(run('src')).toBe(0);
    });
  });
});
