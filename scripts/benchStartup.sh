#!/usr/bin/env bash
# Measures what a new user waits for: from a fresh clone to the first answer of the README's
# query (cold: npm install, launcher build, empty store, seed load), then a second start on the
# same store (warm). Also checks that Ctrl-C leaves no JVM behind.
#   bash scripts/benchStartup.sh            (uses this checkout's committed HEAD; ~/.m2 as it is)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
query='{"query":"{ tie(competition: \"Europa League\", season: \"2017-18\", club: \"Dortmund\", opponent: \"Atalanta\") { outcome { explanation } } }"}'

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# Starts the app in its own process group and waits for the README query to answer.
# Prints the seconds it took. The app's output goes to the log only: it must not hold the
# pipe of the $(...) that reads this function's answer.
start_and_wait() {
  local started=$1 log=$2
  (cd "$work/pitchgraph" && PITCHGRAPH_DATA_DIR="$work/data" PITCHGRAPH_BOLT_PORT=0 PORT=0 setsid npm start >"$log" 2>&1) >/dev/null 2>&1 &
  local url=""
  for _ in $(seq 1 1200); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*/graphql' "$log" | head -1 || true)
    if [ -n "$url" ] && curl -sf -H 'content-type: application/json' -d "$query" "$url" | grep -q "win 4-3"; then
      elapsed "$started"
      return 0
    fi
    sleep 0.25
  done
  echo "no answer; log:" >&2
  cat "$log" >&2
  return 1
}

stop_app() {
  local group
  group=$(ps -o pgid= -p "$(pgrep -f "$work/pitchgraph.*src/main.ts" | head -1)" | tr -d ' ')
  kill -INT -- "-$group" # what Ctrl-C does: the whole foreground group gets SIGINT
  for _ in $(seq 1 80); do
    pgrep -f "$work/data" >/dev/null || return 0
    sleep 0.25
  done
  echo "processes left after Ctrl-C:" >&2
  pgrep -af "$work/data" >&2
  return 1
}

cold_started=$(now)
git clone -q "$repo" "$work/pitchgraph"
(cd "$work/pitchgraph" && npm install --no-audit --no-fund --silent >/dev/null 2>&1)
install_seconds=$(elapsed "$cold_started")
cold_seconds=$(start_and_wait "$cold_started" "$work/cold.log")
stop_app
echo "cold start (clone + npm install + launcher build + empty store + seeds → first answer): ${cold_seconds} s (of which clone + npm install: ${install_seconds} s)"

warm_started=$(now)
warm_seconds=$(start_and_wait "$warm_started" "$work/warm.log")
stop_app
echo "warm start (npm start on the existing store → first answer): ${warm_seconds} s"
echo "no JVM or Node process left after Ctrl-C: yes"
