#!/usr/bin/env bash
# The step behind action.yml: installs @videotask/mock-server from npm, starts `videotask-mock` in the
# background for the rest of the job, waits for its `Listening on` line and writes the outputs.
# Inputs arrive as INPUT_* variables (action.yml maps them). VIDEOTASK_MOCK_PACKAGES, when set, replaces
# the registry package with other `npm install` arguments: this repository's test passes local tarballs.
set -euo pipefail

version=${INPUT_VERSION:-latest}
port=${INPUT_PORT:-4010}
clock=${INPUT_CLOCK:-real}
timeout=${INPUT_TIMEOUT:-60}
work="${RUNNER_TEMP:-$(mktemp -d)}/videotask-mock"
log="$work/mock.log"
output=${GITHUB_OUTPUT:-/dev/stdout}

if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  echo "::error::videotask-mock needs Node.js >= 20.19, found $(node -v): run actions/setup-node before this action"
  exit 1
fi

mkdir -p "$work"
read -r -a packages <<<"${VIDEOTASK_MOCK_PACKAGES:-@videotask/mock-server@$version}"
npm install --prefix "$work" --no-audit --no-fund --no-package-lock --loglevel=error "${packages[@]}"

args=(--port "$port" --clock "$clock")
if [ -n "${INPUT_WEBHOOK_SECRET:-}" ]; then args+=(--webhook-secret "$INPUT_WEBHOOK_SECRET"); fi
if [ -n "${INPUT_API_KEYS:-}" ]; then args+=(--api-keys "$INPUT_API_KEYS"); fi
read -r -a flags <<<"${INPUT_FLAGS:-}"
args+=(${flags[@]+"${flags[@]}"})

# nohup and a log file: the server outlives this step; the runner stops it when the job ends.
nohup "$work/node_modules/.bin/videotask-mock" "${args[@]}" >"$log" 2>&1 </dev/null &
pid=$!

fail() {
  echo "::error::videotask-mock $1. Its log ($log):"
  cat "$log"
  exit 1
}

# The first stdout line is `Listening on http://HOST:PORT`, the second `Webhook secret: …`.
deadline=$((SECONDS + timeout))
url=''
secret=''
until [ -n "$url" ] && [ -n "$secret" ]; do
  if ! kill -0 "$pid" 2>/dev/null; then fail 'exited before it was listening'; fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    kill "$pid" 2>/dev/null || true
    fail "printed no 'Listening on' line within ${timeout}s"
  fi
  sleep 0.2
  url=$(sed -n 's/^Listening on \(http:\/\/[^ ]*\)$/\1/p' "$log" | head -n 1)
  secret=$(sed -n 's/^Webhook secret: \([^ ]*\)$/\1/p' "$log" | head -n 1)
done

echo "videotask-mock (pid $pid) is listening on $url; its log: $log"
{
  echo "base-url=$url"
  echo "webhook-secret=$secret"
  echo "pid=$pid"
  echo "log-file=$log"
} >>"$output"
