#!/usr/bin/env bash
# Runs every test project, on Node 20 (the machine's `node`) and again on Node 24.
#
# Two lanes side by side, because on a 2-core machine the real-process tests mostly wait on
# servers, Redis and timers while the browser tests keep the cores busy:
#   servers:  in-process, stores and processes on Node 20, then the same three on Node 24
#             (scripts/node24.sh; the servers and CLIs the tests start run on the Node that runs
#             Vitest, so Node 24 runs the server, node:sqlite and all)
#   browsers: chromium (the built web app against servers on Node 20)
# Each lane's files still run one at a time where their project says so. Fails when any run fails.
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

servers_lane() {
  node "$vitest" run --config "$config" --project in-process --project stores --project processes $(json servers-node20)
  local node20=$?
  echo "run-tests: Node 24 ($("$node24" --version)): in-process, stores, processes"
  "$node24" "$vitest" run --config "$config" --project in-process --project stores --project processes $(json servers-node24)
  local node24rc=$?
  echo "run-tests: servers lane: Node 20 exit $node20, Node 24 exit $node24rc"
  [ "$node20" -eq 0 ] && [ "$node24rc" -eq 0 ]
}

servers_lane &
servers=$!
node "$vitest" run --config "$config" --project chromium $(json chromium) &
browsers=$!

wait "$servers"; servers_rc=$?
wait "$browsers"; browsers_rc=$?
node scripts/failed-tests.mjs "$reports"/servers-node20.json "$reports"/servers-node24.json "$reports"/chromium.json
echo "test projects: in-process, stores, processes (Node 20 and 24) exit $servers_rc; chromium exit $browsers_rc"
[ "$servers_rc" -eq 0 ] && [ "$browsers_rc" -eq 0 ]
