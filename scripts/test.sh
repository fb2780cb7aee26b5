#!/usr/bin/env bash
# `npm test`: typecheck, eslint (with the import boundaries), the directory-cycle check, manifest
# validation, offline Forge lint, then jest.
# Ends with one line `N passed, N failed` (checks before jest count as one test each).
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0; failed=0
step() { # step NAME COMMAND...
  local name=$1; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else echo "== $name FAILED"; failed=$((failed + 1)); fi
}
step typecheck npx tsc -p tsconfig.json --noEmit
step eslint npx eslint . --max-warnings=0
step check-cycles npx tsx scripts/dir-cycles.ts src
# The manifest check and the browser tests need the production Custom UI build.
step build npm run --silent build -- --logLevel warn
step manifest npx tsx scripts/validate-manifest.ts
if [ -x ../shared/tools/forge-lint/run ]; then
  step forge-lint ../shared/tools/forge-lint/run .
else
  echo "== forge-lint skipped: ../shared/tools/forge-lint/run is absent"
fi
mkdir -p test-artifacts
npx jest --ci --maxWorkers=2 --json --outputFile=test-artifacts/jest.json "$@"
jest_rc=$?
if [ -f test-artifacts/jest.json ]; then
  read -r jp jf js < <(node -e 'const r=require("./test-artifacts/jest.json");console.log(r.numPassedTests,r.numFailedTests+(r.numRuntimeErrorTestSuites||0),r.numPendingTests)')
  passed=$((passed + jp)); failed=$((failed + jf)); skipped=$js
else
  failed=$((failed + 1)); skipped=0
fi
[ "$jest_rc" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
