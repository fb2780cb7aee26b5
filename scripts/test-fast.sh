#!/usr/bin/env bash
# `npm run test:fast`: the quick loop. Typecheck, and in parallel the jest tests that need no
# browser, no build and no full app run: unit and domain (test/unit) and the local runtime's own
# tests (local/test: Jira emulator, Forge runtime). Integration, contract, component and browser
# tests, eslint and the manifest check stay in `npm test`. Extra arguments go to jest.
set -uo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
tsc_log=$(mktemp)
# Incremental: the second run re-checks only what changed (build info kept under node_modules/.cache).
mkdir -p node_modules/.cache
npx tsc -p tsconfig.json --noEmit --incremental --tsBuildInfoFile node_modules/.cache/test-fast.tsbuildinfo > "$tsc_log" 2>&1 &
tsc_pid=$!
# Anchored at this directory: a bare `local/test/` would also match a checkout named *local.
root=$(pwd | sed 's/[][\\.*^$()+?{}|]/\\&/g')
npx jest --selectProjects node --testPathPatterns "^$root/(test/unit|local/test)/" "$@"
jest_rc=$?
wait "$tsc_pid"
tsc_rc=$?
if [ "$tsc_rc" -ne 0 ]; then echo "== typecheck FAILED"; cat "$tsc_log"; else echo "== typecheck passed"; fi
rm -f "$tsc_log"
echo "== test:fast $(( $(date +%s) - start )) s (typecheck $([ "$tsc_rc" -eq 0 ] && echo ok || echo FAILED), jest $([ "$jest_rc" -eq 0 ] && echo ok || echo FAILED))"
[ "$tsc_rc" -eq 0 ] && [ "$jest_rc" -eq 0 ]
