#!/usr/bin/env bash
# Makes sure what the test suite needs is on this machine: Debian's Chromium (browser tests),
# poppler-utils (PDF text), Node 24 beside the machine's Node (scripts/node24.sh: the suite runs on
# both), and a Redis server answering at REDIS_URL (started if none does).
# Installs with apt-get when something is missing and we are root.
set -euo pipefail

REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
hostport="${REDIS_URL#*://}"; hostport="${hostport##*@}"; hostport="${hostport%%/*}"
REDIS_HOST="${hostport%%:*}"; REDIS_PORT="${hostport##*:}"
[ "$REDIS_PORT" = "$REDIS_HOST" ] && REDIS_PORT=6379

apt_updated=0
need() { # need <command> <debian package>
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "test-prereqs: '$1' is missing; install the Debian package '$2'" >&2; exit 1
  fi
  if [ "$apt_updated" = 0 ]; then apt-get update -qq; apt_updated=1; fi
  echo "test-prereqs: installing $2" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}

redis_answers() { (exec 3<>"/dev/tcp/$REDIS_HOST/$REDIS_PORT" && printf 'PING\r\n' >&3 && timeout 2 head -c 5 <&3 | grep -q PONG) 2>/dev/null; }

need chromium chromium
need pdftotext poppler-utils
# Fonts for every script the delegates write (Thai, Khmer, Mongolian, CJK, Vietnamese, Cyrillic),
# used by Chromium when it prints PDF exports.
families="$(fc-list : family 2>/dev/null || true)"
if ! grep -q "Noto Sans Thai" <<<"$families" || ! grep -q "Noto Sans CJK" <<<"$families"; then
  need_pkg() { [ "$apt_updated" = 0 ] && { apt-get update -qq; apt_updated=1; }; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; }
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test-prereqs: installing fonts-noto-core fonts-noto-cjk" >&2
    need_pkg fonts-noto-core fonts-noto-cjk
  else
    echo "test-prereqs: Noto fonts are missing; install fonts-noto-core and fonts-noto-cjk" >&2; exit 1
  fi
fi

if ! redis_answers; then
  need redis-server redis-server
  echo "test-prereqs: starting redis-server on port $REDIS_PORT" >&2
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no >/dev/null
  for _ in $(seq 1 50); do redis_answers && break; sleep 0.1; done
  redis_answers || { echo "test-prereqs: Redis does not answer at $REDIS_URL" >&2; exit 1; }
fi
node24="$(bash "$(dirname "$0")/node24.sh")"
echo "test-prereqs: Node 24 at $node24" >&2
echo "test-prereqs: chromium, fonts, pdftotext and Redis ($REDIS_URL) are ready" >&2
