#!/usr/bin/env bash
# End to end in a real VS Code (1.139, the one inside code-server), offline. Called by `npm test`
# (scripts/test-all.sh) and `npm run test:e2e`.
#
#   1. tools: test/e2e/tools.sh installs, on demand, Node 24 + code-server + chromium into a cache
#      outside the repository (first time about 2-3 minutes; then nothing to do);
#   2. build: the production bundle (+ the suite, out/e2e/suite/index.js) and the VSIX;
#   3. UI test (ui.mjs): code-server with the VSIX installed; headless chromium opens a Russian
#      statement from the Explorer, checks activation and semantic colouring, hovers a quotation,
#      reads the hover and saves a screenshot (docs/screenshot.png, shown by the README);
#   4. extension-host test (exthost.mjs): the VS Code server inside code-server, started with
#      --enable-smoke-test-driver, runs test/e2e/suite (the @vscode/test-electron contract) in its
#      Node extension host with the extension loaded from the repository.
#
# State of a run (user data, logs, workspace, server output) goes to test/e2e/.run/ (gitignored),
# recreated every time. Env: DL_E2E_TOOLS (tool cache), DL_CORPUS (gold corpus folder, default
# ../shared/corpus), DL_E2E_SKIP_BUILD=1 (reuse dist/, out/ and the VSIX), DL_E2E_SCREENSHOT
# (where the UI screenshot goes on success, default docs/screenshot.png; "none" keeps it in .run/),
# VERBOSE=1 (all extension host output).
# Last line: "e2e: N passed, N failed" over the checks inside both tests; exit code 0 only if both passed.
set -uo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
E2E="$REPO/test/e2e"
RUN="$E2E/.run"
cd "$REPO"

T0=$(date +%s)
step() { echo "--- [e2e $(( $(date +%s) - T0 ))s] $*"; }
die() { echo "e2e: $*" >&2; echo "e2e: 0 passed, 2 failed"; exit 1; }

GROUPS_STARTED=()
stop_all() {
  # Each server was started through setsid: its PID is its process group, which also holds the
  # extension host and the language server it spawned. Only those groups are signalled.
  local g
  for g in "${GROUPS_STARTED[@]}"; do kill -TERM -- "-$g" 2>/dev/null; done
  for g in "${GROUPS_STARTED[@]}"; do
    for _ in $(seq 1 20); do kill -0 -- "-$g" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$g" 2>/dev/null
  done
  GROUPS_STARTED=()
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# A free TCP port on 127.0.0.1 (the kernel picks one; nothing must answer on it).
free_port() {
  local p
  for _ in 1 2 3 4 5; do
    p=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$p/" || { echo "$p"; return 0; }
  done
  return 1
}

# wait_http URL SECONDS LOGFILE: until URL answers 2xx; prints the server log on failure.
wait_http() {
  local until=$(( $(date +%s) + $2 ))
  while [ "$(date +%s)" -lt "$until" ]; do
    curl -sf -o /dev/null --max-time 2 "$1" && return 0
    sleep 0.25
  done
  echo "e2e: no answer from $1 within $2 s; last lines of $3:" >&2
  tail -20 "$3" >&2
  return 1
}

# --- 1. tools ----------------------------------------------------------------------------------
step "tools (test/e2e/tools.sh)"
TOOLS="$(bash "$E2E/tools.sh" </dev/null | tail -n 1)" || die "test/e2e/tools.sh failed (see its output above)"
NODE24="$TOOLS/node24/bin/node"
CS="$TOOLS/code-server/node_modules/.bin/code-server"
VSCODE_SERVER="$TOOLS/code-server/node_modules/code-server/lib/vscode/out/server-main.js"
for f in "$NODE24" "$CS" "$VSCODE_SERVER" /usr/bin/chromium; do [ -e "$f" ] || die "missing after tools.sh: $f"; done
[ -d "$REPO/node_modules/playwright-core" ] || die "playwright-core is not installed (run npm ci)"
# code-server and the VS Code server run on Node 24; the drivers (playwright-core) on the default node.
cs() { env PATH="$(dirname "$NODE24"):$PATH" "$CS" "$@"; }

# --- 2. build ----------------------------------------------------------------------------------
rm -rf "$RUN"   # before packaging: nothing of a previous run may end up near the VSIX
VSIX="$REPO/$(node -p 'const p=require("./package.json"); p.name+"-"+p.version').vsix"
SUITE="$REPO/out/e2e/suite/index.js"
if [ "${DL_E2E_SKIP_BUILD:-0}" = 1 ]; then
  step "build skipped (DL_E2E_SKIP_BUILD=1)"
else
  step "build: node scripts/build.mjs (production bundle + e2e suite) and npm run package"
  rm -f "$SUITE" "$VSIX"
  node scripts/build.mjs </dev/null || die "build failed"
  # A packaging failure fails the UI test only; the extension-host test runs from the sources.
  mkdir -p "$RUN"
  if npm run --silent package </dev/null > "$RUN/package.log" 2>&1; then tail -n 1 "$RUN/package.log"
  else cat "$RUN/package.log"; echo "e2e: packaging the VSIX failed (see above)"; fi
fi
[ -f "$SUITE" ] || die "$SUITE was not built (scripts/build.mjs bundles test/e2e/suite/index.ts)"

mkdir -p "$RUN"
WORKSPACE="$(node "$E2E/workspace.mjs" "$RUN/workspace")" || die "could not prepare the workspace"

results=()
record() { results+=("$1"); }

# --- 3. UI test: the packaged VSIX in code-server ------------------------------------------------
ui_test() {
  local ud="$RUN/ui/user-data" ext="$RUN/ui/extensions" port log="$RUN/ui/code-server.log"
  [ -f "$VSIX" ] || { echo "FAIL UI test: no VSIX at $VSIX"; return 1; }
  mkdir -p "$ud/User" "$ext"
  cp "$E2E/settings.json" "$ud/User/settings.json"
  local common=(--config /dev/null --user-data-dir "$ud" --extensions-dir "$ext")
  step "UI: code-server --install-extension $(basename "$VSIX")"
  cs "${common[@]}" --install-extension "$VSIX" </dev/null > "$RUN/ui/install.log" 2>&1 \
    || { cat "$RUN/ui/install.log"; echo "FAIL installing the VSIX"; return 1; }
  ls "$ext" | grep -q '^diplomatic-lens\.diplomatic-lens-' || { cat "$RUN/ui/install.log"; echo "FAIL the VSIX did not install"; return 1; }
  port="$(free_port)" || { echo "FAIL no free port"; return 1; }
  step "UI: code-server on 127.0.0.1:$port"
  # env and setsid exec in place, so $! is code-server itself and the leader of a new process group.
  env PATH="$(dirname "$NODE24"):$PATH" setsid "$CS" "${common[@]}" --auth none --bind-addr "127.0.0.1:$port" \
    --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
    --ignore-last-opened </dev/null > "$log" 2>&1 &
  GROUPS_STARTED+=($!)
  wait_http "http://127.0.0.1:$port/healthz" 60 "$log" || return 1
  step "UI: ui.mjs (chromium): open the statement, hover a quotation, screenshot"
  local shot="$RUN/screenshot.png" rc
  timeout -k 5 240 node "$E2E/ui.mjs" "http://127.0.0.1:$port" "$WORKSPACE" ru-wire-talks-quotes.txt \
    констатировали Рябков "$shot" "$ud/logs" </dev/null | tee "$RUN/ui.out"
  rc=${PIPESTATUS[0]}
  [ $rc = 124 ] && echo "FAIL ui.mjs timed out after 240 s"
  stop_all
  local dest="${DL_E2E_SCREENSHOT:-$REPO/docs/screenshot.png}"
  if [ $rc = 0 ] && [ "$dest" != none ] && [ -f "$shot" ]; then
    mkdir -p "$(dirname "$dest")" && cp "$shot" "$dest" && echo "  screenshot saved to ${dest#"$REPO"/}"
  else
    echo "  screenshot of this run: ${shot#"$REPO"/}"
  fi
  return $rc
}

# --- 4. extension-host test: test/e2e/suite in the Node extension host ---------------------------
exthost_test() {
  local ud="$RUN/exthost/user-data" ext="$RUN/exthost/extensions" port log="$RUN/exthost/vscode-server.log" rc
  mkdir -p "$ud/User" "$ext"
  cp "$E2E/settings.json" "$ud/User/settings.json"
  port="$(free_port)" || { echo "FAIL no free port"; return 1; }
  step "extension host: VS Code server (code-server's lib/vscode) on 127.0.0.1:$port"
  setsid "$NODE24" "$VSCODE_SERVER" --host 127.0.0.1 --port "$port" --without-connection-token \
    --accept-server-license-terms --enable-smoke-test-driver --disable-workspace-trust --disable-telemetry \
    --user-data-dir "$ud" --extensions-dir "$ext" </dev/null > "$log" 2>&1 &
  GROUPS_STARTED+=($!)
  wait_http "http://127.0.0.1:$port/version" 60 "$log" || return 1
  step "extension host: exthost.mjs runs out/e2e/suite/index.js (extensionDevelopmentPath = repo)"
  timeout -k 5 240 node "$E2E/exthost.mjs" "http://127.0.0.1:$port" "$WORKSPACE" "$REPO" "$SUITE" </dev/null | tee "$RUN/exthost.out"
  rc=${PIPESTATUS[0]}
  [ $rc = 124 ] && echo "FAIL exthost.mjs timed out after 240 s"
  stop_all
  return $rc
}

ui_test; record $?
exthost_test; record $?

passed=0; failed=0
for r in "${results[@]}"; do if [ "$r" = 0 ]; then passed=$((passed+1)); else failed=$((failed+1)); fi; done
step "done; logs in ${RUN#"$REPO"/}/"
[ "$failed" = 0 ] || echo "e2e: see ${RUN#"$REPO"/}/ui/user-data/logs and ${RUN#"$REPO"/}/exthost/user-data/logs (exthost*/ for the extension host)"
# The checks inside both tests ("ui: N passed, N failed", "exthost: N passed, N failed"), so the
# total says how many assertions ran, not only how many drivers.
checks_p=0; checks_f=0
for f in "$RUN/ui.out" "$RUN/exthost.out"; do
  line=$(grep -aoE '^(ui|exthost): [0-9]+ passed, [0-9]+ failed' "$f" 2>/dev/null | tail -1)
  [ -n "$line" ] || continue
  n=${line#*: }; checks_p=$((checks_p + ${n%% passed*})); n=${n#*, }; checks_f=$((checks_f + ${n%% failed*}))
done
echo "e2e: $passed of ${#results[@]} drivers passed; checks inside them:"
echo "e2e: $checks_p passed, $((checks_f + failed)) failed"
[ "$failed" = 0 ]
