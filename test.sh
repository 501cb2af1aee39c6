#!/usr/bin/env bash
# The test command: installs what the tests need when it is missing, then runs the whole suite
# (unit tests with Surefire, then the jar-as-a-process tests with Failsafe).
#
#   ./test.sh            everything (mvn -B verify)
#   ./test.sh -Dtest=X   extra Maven arguments are passed through
set -euo pipefail
cd "$(dirname "$0")"

need() { command -v "$1" >/dev/null 2>&1; }

apt_updated=0
apt_install() {
  # apt-get update once per run, and only when something is missing.
  if [ "$apt_updated" = 0 ]; then
    echo "test.sh: apt-get update" >&2
    apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

need java || apt_install openjdk-17-jdk-headless
need mvn || apt_install maven
# promtool and a real Prometheus for the /metrics tests (they skip without them, and fail under CI=true).
{ need prometheus && need promtool; } || apt_install prometheus

# npm packages live in project-local folders, installed from committed lockfiles.
npm_ci() {
  local dir="$1"
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules" ]; then
    need npm || apt_install nodejs npm
    echo "test.sh: npm ci in $dir" >&2
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
npm_ci tools/redocly
# The independent WebSocket client of the stream tests (ws, pinned by the committed lockfile).
npm_ci tools/node

exec mvn -B verify "$@"
