#!/usr/bin/env bash
# Set-up on a fresh machine: checks Node, installs the pnpm version package.json names, the programs the
# tests need (redis-server, Chromium, promtool; scripts/prerequisites.mjs), the optional podman (with buildah and
# runc, for `pnpm image`) and the workspace's dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1; then
  echo "missing node: install Node.js 20.19 or newer (https://nodejs.org or your package manager)" >&2
  exit 1
fi
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  echo "Node $(node -v) is too old: install Node.js 20.19 or newer" >&2
  exit 1
fi

want=$(node -p "require('./package.json').packageManager.split('@')[1]")
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm -v)" != "$want" ]; then
  echo "Installing pnpm $want"
  npm install -g "pnpm@$want" --no-fund --no-audit
fi

node scripts/prerequisites.mjs install
pnpm install --frozen-lockfile
