#!/usr/bin/env bash
# Runs every test project on Node 20 (the machine's `node`), and what differs between Nodes again
# on Node 24.
#
# Two lanes side by side: the server-process tests spend much of their time waiting on timers
# (idle connections, retention, a hung Redis, restarts), which the browser lane uses. Beyond that
# the machine's two cores are the limit (one browser test file alone keeps them 90% busy):
#   servers:  in-process, stores and processes on Node 20; then on Node 24 (scripts/node24.sh) the
#             stores project — the embedded store runs on node:sqlite there, better-sqlite3 on
#             Node 20 — and of the processes project the files about the process itself and its
#             storage (NODE24_PROCESSES: start-up of the production bundle, backup and restore with
#             the operator's CLI, kill -9, SIGTERM, a Redis outage). The servers and CLIs those start
#             run on the Node that runs Vitest. The rest is the same code on either Node, so it
#             runs once.
#   browsers: chromium (the built web app against servers on Node 20)
# Fails when any run fails.
set -uo pipefail
cd "$(dirname "$0")/.."
config=tests/vitest.config.ts
vitest=node_modules/vitest/vitest.mjs
# `pnpm test` has just built server/dist: test processes start from it (tests/utils/server-entry.ts).
export PLENARY_TEST_SERVER=built

# Each run also writes a JSON report, so the failures can be listed together at the very end.
reports=.cache/test-reports
rm -rf "$reports" && mkdir -p "$reports"
json() { echo "--reporter=default --reporter=json --outputFile.json=$reports/$1.json"; }

node24="$(bash scripts/node24.sh)" || { echo "run-tests: no Node 24 (scripts/node24.sh failed)" >&2; exit 1; }

NODE24_PROCESSES=(
  tests/deploy/ tests/operator/backup-restore.test.ts
  tests/sync/durability-sigkill.test.ts tests/sync/sigterm-writes.test.ts tests/sync/instance-killed.test.ts tests/sync/redis-outage.test.ts
)

servers_lane() {
  node "$vitest" run --config "$config" --project in-process --project stores --project processes $(json servers-node20)
  local node20=$?
  echo "run-tests: Node 24 ($("$node24" --version)): stores; processes: ${NODE24_PROCESSES[*]}"
  "$node24" "$vitest" run --config "$config" --project stores $(json servers-node24)
  local node24rc=$?
  "$node24" "$vitest" run --config "$config" --project processes $(json processes-node24) "${NODE24_PROCESSES[@]}"
  local node24processes=$?
  echo "run-tests: servers lane: Node 20 exit $node20, Node 24 exit $node24rc, Node 24 processes exit $node24processes"
  [ "$node20" -eq 0 ] && [ "$node24rc" -eq 0 ] && [ "$node24processes" -eq 0 ]
}

servers_lane &
servers=$!
node "$vitest" run --config "$config" --project chromium $(json chromium) &
browsers=$!

wait "$servers"; servers_rc=$?
wait "$browsers"; browsers_rc=$?
node scripts/failed-tests.mjs "$reports"/servers-node20.json "$reports"/servers-node24.json "$reports"/processes-node24.json "$reports"/chromium.json
echo "test projects: in-process, stores, processes (Node 20 and 24) exit $servers_rc; chromium exit $browsers_rc; $(( SECONDS / 60 )) min $(( SECONDS % 60 )) s"
[ "$servers_rc" -eq 0 ] && [ "$browsers_rc" -eq 0 ]
