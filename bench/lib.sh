# Shared helpers of the bench scripts (sourced). Benchmarks talk to 127.0.0.1 only and stop what they start.
set -euo pipefail
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$BENCH_ROOT/target/krishiv-gateway.jar"
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

ensure_jar() {
  if [ ! -f "$JAR" ]; then
    (cd "$BENCH_ROOT" && mvn -B -q -DskipTests package)
  fi
}

ensure_apt() { # ensure_apt COMMAND PACKAGE
  if ! command -v "$1" >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

wait_http() { # wait_http URL [HEADER]: until it answers (any status), at most 120 s
  local deadline=$((SECONDS + 120))
  until curl -s -o /dev/null --max-time 2 ${2:+-H "$2"} "$1"; do
    [ $SECONDS -lt $deadline ] || { echo "no answer from $1" >&2; return 1; }
    sleep 0.2
  done
}
