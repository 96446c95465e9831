#!/usr/bin/env bash
# Produces what a production install of Plenary consists of — exactly what the Docker image
# copies — in one folder:
#   OUT/server/dist/   the compiled server (index.mjs, render-worker.mjs, fold-worker.mjs, checkpoint-worker.mjs, print-worker.mjs)
#   OUT/web/build/     the built web app, with .br and .gz copies of every text file
#   OUT/package.json   the packages the compiled server still needs (native or self-loading ones)
# Then, in OUT: `pnpm install --prod` (or `npm install --omit=dev`) and `node server/dist/index.mjs`.
#
# Usage: scripts/bundle.sh OUT [--reuse-web]
#   --reuse-web  keep an existing web/build instead of building the web app again (tests use it;
#                the server is always compiled again, which takes seconds).
set -euo pipefail

out="${1:?usage: scripts/bundle.sh OUT [--reuse-web]}"
reuse_web="${2:-}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if [[ "$reuse_web" == "--reuse-web" && -f web/build/200.html ]]; then
  echo "bundle: reusing web/build"
else
  pnpm --filter @plenary/web build
  node scripts/compress-web.mjs web/build
fi
mkdir -p "$out/server" "$out/web"
out="$(cd "$out" && pwd)"
# Compiled straight into the bundle: server/dist (what tests running meanwhile start) stays as it is.
node scripts/build-server.mjs "$out/server/dist"
rm -rf "$out/web/build"
cp -R web/build "$out/web/build"
node scripts/production-package.mjs > "$out/package.json"
echo "bundle: $out (then: pnpm install --prod && node server/dist/index.mjs)"
