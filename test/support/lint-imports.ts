/**
 * Runs ESLint's Node API in a process of its own (jest's module sandbox cannot load the flat config,
 * an ES module, through `import()`): reads `{ cases: [{ filePath, code }], tree: string[] }` as JSON on
 * stdin and prints, as JSON, the `no-restricted-imports` messages of each case (`lintText` with the
 * case's filePath) and of the real files matching `tree`. Used by test/unit/house/boundaries.test.ts.
 */
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const RULE = 'no-restricted-imports';
const ROOT = join(__dirname, '..', '..');

interface Input {
  cases: { filePath: string; code: string }[];
  tree: string[];
}

async function main(): Promise<void> {
  const input = JSON.parse(readFileSync(0, 'utf8')) as Input;
  const eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => ruleId === RULE });
  const messagesOf = (result: ESLint.LintResult | undefined): string[] =>
    (result?.messages ?? []).filter((m) => m.ruleId === RULE || m.fatal === true).map((m) => m.message);
  const cases: string[][] = [];
  for (const { filePath, code } of input.cases) {
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
    cases.push(messagesOf(result));
  }
  const results = input.tree.length > 0 ? await eslint.lintFiles(input.tree) : [];
  const tree = results.flatMap((r) => messagesOf(r).map((m) => `${relative(ROOT, r.filePath)}: ${m}`));
  process.stdout.write(JSON.stringify({ cases, tree, treeFiles: results.length }));
}

void main();
