#!/usr/bin/env bash
# Runs every test level, in order of speed: type check, build, unit (core), CLI, protocol (LSP over
# stdio), eval (the scorer runs and the analyzer's output is well-formed), then end to end in a real
# VS Code (code-server route; its tools are installed on demand into a cache outside the repo) and
# Neovim 0.7 as a second LSP client. DL_SKIP_E2E=1 skips the last two levels and says so.
# Prints a table of tests per level; the last line is "tests: N passed, N failed" over all tests.
set -uo pipefail
cd "$(dirname "$0")/.."
LOGS="$(mktemp -d)"
trap 'rm -rf "$LOGS"' EXIT
rows=(); total_pass=0; total_fail=0; failed_levels=()

# level NAME COMMAND...: runs it, shows its output, counts its tests (node's runner prints
# "ℹ pass N" / "ℹ fail N"; the e2e driver prints "e2e: N passed, N failed"; a step without tests
# counts as one check).
level() {
  local name="$1"; shift
  echo; echo "=== $name"
  "$@" 2>&1 | tee "$LOGS/$name.log"
  local rc=${PIPESTATUS[0]}
  local p f
  p=$(grep -aE '^ℹ pass [0-9]+' "$LOGS/$name.log" | tail -1 | grep -oE '[0-9]+')
  f=$(grep -aE '^ℹ fail [0-9]+' "$LOGS/$name.log" | tail -1 | grep -oE '[0-9]+')
  if [ -z "$p" ]; then
    local line
    line=$(grep -aoE '[0-9]+ passed, [0-9]+ failed' "$LOGS/$name.log" | tail -1)
    if [ -n "$line" ]; then p=${line%% passed*}; f=${line#*, }; f=${f%% failed*}
    elif [ "$rc" = 0 ]; then p=1; f=0; else p=0; f=1; fi
  fi
  [ "$rc" != 0 ] && [ "${f:-0}" = 0 ] && f=1
  total_pass=$((total_pass + ${p:-0})); total_fail=$((total_fail + ${f:-0}))
  [ "$rc" != 0 ] && failed_levels+=("$name")
  rows+=("$(printf '%-10s %5s passed %5s failed  %s' "$name" "${p:-0}" "${f:-0}" "$([ "$rc" = 0 ] && echo ok || echo FAILED)")")
}

level typecheck npx tsc -p . --noEmit
level build node scripts/build.mjs --dev
level unit node --import tsx --test --test-reporter=spec test/unit/*.test.ts
level cli node --import tsx --test --test-reporter=spec test/cli/*.test.ts
level protocol node --import tsx --test --test-reporter=spec test/protocol/*.test.ts
level eval node --import tsx scripts/eval.ts
if [ "${DL_SKIP_E2E:-0}" = 1 ]; then
  rows+=("e2e, neovim: NOT RUN (DL_SKIP_E2E=1)")
else
  level e2e bash test/e2e/run.sh
  # test/e2e/tools.sh (run by the e2e level) installs Neovim; the e2e build left dist/ in place.
  level neovim node --import tsx --test --test-reporter=spec test/nvim/*.test.ts
fi
echo; echo "=== summary"
printf '%s\n' "${rows[@]}"
[ ${#failed_levels[@]} -gt 0 ] && echo "failed levels: ${failed_levels[*]}"
echo "tests: $total_pass passed, $total_fail failed"
[ ${#failed_levels[@]} = 0 ]
