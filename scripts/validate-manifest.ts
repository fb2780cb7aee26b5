/** Validates manifest.yml offline with @forge/manifest: the schema and cross-checks the Forge CLI runs. */
import path from 'node:path';
import { validate } from '@forge/manifest';

async function main(): Promise<void> {
  const file = path.resolve(process.argv[2] ?? 'manifest.yml');
  const result = await validate(false, file);
  const problems = (result.errors ?? []).filter((e) => e.level === 'error');
  for (const e of result.errors ?? []) console.log(`${e.level}: ${e.message} (line ${e.line ?? '?'})`);
  if (!result.success || problems.length > 0) {
    console.log(`manifest: ${file} is NOT valid (${problems.length} errors)`);
    process.exit(1);
  }
  console.log(`manifest: ${file} is valid`);
}

void main();
