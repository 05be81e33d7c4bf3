#!/usr/bin/env bash
# Cold start with the whole default graph: `npm start` on an empty store (seeds, then every
# openfootball file of data/openfootball) until the first answer that needs openfootball data.
# Excludes npm install and the launcher build / Maven download (run `npm ci && npm run neo4j:build`
# first). Prints the seconds to the first answer, the load's own seconds and its import rate in
# facts (nodes + relationships created) per second, as the app logs them, and the counts per label
# and relationship type of the graph it built (scripts/countLabels.ts).
#   npm run bench:cold-start
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
log="$work/start.log"
# Liverpool v Atlético Madrid, 2019-20 round of 16: only openfootball has it.
query='{"query":"{ tie(competition: \"Champions League\", season: \"2019-20\", club: \"Liverpool\", opponent: \"Atlético\") { outcome { explanation } } }"}'

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# The app runs in its own session; its group id is written to $work/pgid. Ctrl-C's SIGINT stops it.
stop_app() {
  [ -s "$work/pgid" ] && kill -INT -- "-$(cat "$work/pgid")" 2>/dev/null || true
  for _ in $(seq 1 120); do
    pgrep -f "$work/data" >/dev/null || break
    sleep 0.25
  done
  rm -rf "$work"
}
trap stop_app EXIT

started=$(now)
(cd "$repo" && PITCHGRAPH_DATA_DIR="$work/data" PITCHGRAPH_BOLT_PORT=0 PORT=0 \
  setsid bash -c 'echo $$ >"$0/pgid"; exec npx tsx src/main.ts' "$work" >"$log" 2>&1) >/dev/null 2>&1 &
answered=""
for _ in $(seq 1 2400); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*/graphql' "$log" | head -1 || true)
  if [ -n "$url" ] && curl -sf -H 'content-type: application/json' -d "$query" "$url" | grep -q "Atl"; then
    answered=$(elapsed "$started")
    break
  fi
  if grep -q "Failed to start" "$log"; then break; fi
  sleep 0.25
done
if [ -z "$answered" ]; then
  echo "no answer; log:" >&2
  cat "$log" >&2
  exit 1
fi
grep -E "Seed graph|Club register|openfootball:|Ready in" "$log" | sed 's/^/  /'
echo "cold start, empty store → first answer with the whole default graph: ${answered} s"
rate=$(grep -o '[0-9]* facts/s' "$log" | head -1 || true)
echo "import rate (openfootball files, nodes + relationships created per second): ${rate:-unknown}"
# What the cold start left in the graph (joins the running app's Neo4j through the store).
(cd "$repo" && PITCHGRAPH_DATA_DIR="$work/data" npx tsx scripts/countLabels.ts)
