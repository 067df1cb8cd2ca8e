#!/usr/bin/env bash
# Runs every test level, in order of speed: type check, unit (core), CLI, protocol (LSP over stdio),
# eval (scorer runs and output is well-formed), then end to end in a real VS Code (code-server route;
# installs its tools on demand into a cache outside the repo). DL_SKIP_E2E=1 skips the last level
# and says so. The last line is "tests: N passed, N failed" over the levels.
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0; failed=0; failures=()
level() {
  local name="$1"; shift
  echo; echo "=== $name"
  if "$@"; then passed=$((passed+1)); else failed=$((failed+1)); failures+=("$name"); fi
}
level "typecheck" npx tsc -p . --noEmit
level "build" node scripts/build.mjs --dev
level "unit" node --import tsx --test --test-reporter=spec test/unit/*.test.ts
level "cli" node --import tsx --test --test-reporter=spec test/cli/*.test.ts
level "protocol" node --import tsx --test --test-reporter=spec test/protocol/*.test.ts
level "eval" node --import tsx scripts/eval.ts
if [ "${DL_SKIP_E2E:-0}" = 1 ]; then
  echo; echo "=== e2e: NOT RUN (DL_SKIP_E2E=1)"
else
  level "e2e" bash test/e2e/run.sh
fi
echo
[ ${#failures[@]} -gt 0 ] && echo "failed levels: ${failures[*]}"
echo "tests: $passed passed, $failed failed"
[ "$failed" = 0 ]
