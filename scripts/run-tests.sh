#!/usr/bin/env bash
# Runs every test project. The browser tests (chromium) run beside the others (in-process, stores,
# processes): the real-process tests mostly wait on servers, Redis and timers, so on a 2-core
# machine the two halves overlap instead of adding up. Each half's files still run one at a time
# where their project says so. Fails when either half fails.
set -uo pipefail
cd "$(dirname "$0")/.."
config=tests/vitest.config.ts
# `pnpm test` has just built server/dist: test processes start from it (tests/utils/server-entry.ts).
export PLENARY_TEST_SERVER=built
vitest=node_modules/.bin/vitest

"$vitest" run --config "$config" --project in-process --project stores --project processes &
servers=$!
"$vitest" run --config "$config" --project chromium &
browsers=$!

wait "$servers"; servers_rc=$?
wait "$browsers"; browsers_rc=$?
echo "test projects: in-process, stores, processes exit $servers_rc; chromium exit $browsers_rc"
[ "$servers_rc" -eq 0 ] && [ "$browsers_rc" -eq 0 ]
