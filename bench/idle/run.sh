#!/usr/bin/env bash
# What an idle Recourse costs: starts ./recourse run on a fresh data directory, waits until it has
# settled, then counts for SECONDS the CPU time of the server JVM and of every PostgreSQL process
# of its data directory, and the statements PostgreSQL ran (logged for the measurement only).
# Usage: bench/idle/run.sh [SECONDS] [SETTLE_SECONDS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SECONDS_TO_RUN="${1:-60}"
SETTLE="${2:-30}"
PORT="${BENCH_PORT:-18081}"
DATA="$(mktemp -d /tmp/recourse-idle.XXXXXX)"
chmod 755 "$DATA"
export RECOURSE_DATA_DIR="$DATA" SERVER_PORT="$PORT"
export RECOURSE_JAVA_OPTS="${RECOURSE_JAVA_OPTS:--Xmx1g}"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

"$ROOT/recourse" build
PGJDBC="$(find "$HOME/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' | sort -V | tail -1)"
"$ROOT/recourse" run > "$DATA/server.log" 2>&1 &
SERVER=$!
stop() {
  set +e
  kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null
  for _ in $(seq 1 30); do pgrep -f -- "-D $DATA/postgres" >/dev/null || break; sleep 1; done
  rm -rf "$DATA"
}
trap stop EXIT
for _ in $(seq 1 180); do
  curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { tail -40 "$DATA/server.log"; exit 1; }
  sleep 1
done
PG_PORT="$(pgrep -af -- "-D $DATA/postgres" | grep -oE ' -p [0-9]+' | head -1 | awk '{print $2}')"
pg_query() { "$JAVA_HOME/bin/java" -cp "$PGJDBC" "$ROOT/bench/intake/PgQuery.java" "$DATA" "$PG_PORT" "$@"; }

# CPU time (user + system, clock ticks) of the server JVM (the launcher execs it) or of the
# postmaster and its children.
cpu_ticks() { # $1: jvm or pg
  if [ "$1" = jvm ]; then
    awk '{print $14 + $15}' "/proc/$SERVER/stat"
    return
  fi
  local total=0 pid postmaster
  postmaster="$(head -1 "$DATA/postgres/postmaster.pid")"
  for pid in "$postmaster" $(pgrep -P "$postmaster" || true); do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}

echo "== settling for $SETTLE s =="
sleep "$SETTLE"
pg_query "alter system set log_statement = 'all'" "alter system set log_min_duration_statement = -1" "select pg_reload_conf()" > /dev/null
sleep 1
lines_before=$(cat "$DATA"/postgres/server.log | wc -l)
jvm_before=$(cpu_ticks jvm); pg_before=$(cpu_ticks pg)
echo "== measuring $SECONDS_TO_RUN s idle =="
sleep "$SECONDS_TO_RUN"
jvm_after=$(cpu_ticks jvm); pg_after=$(cpu_ticks pg)
pg_query "alter system reset log_statement" "select pg_reload_conf()" > /dev/null
hz=$(getconf CLK_TCK)
awk -v j="$((jvm_after - jvm_before))" -v p="$((pg_after - pg_before))" -v hz="$hz" -v s="$SECONDS_TO_RUN" 'BEGIN {
  printf "idle CPU over %d s: server JVM %.2f s (%.1f %% of a core), PostgreSQL %.2f s (%.1f %% of a core)\n",
    s, j / hz, 100 * j / hz / s, p / hz, 100 * p / hz / s }'
statements=$(tail -n +"$((lines_before + 1))" "$DATA/postgres/server.log" | grep -cE 'LOG:  (statement|execute [^:]*):' || true)
echo "statements PostgreSQL ran: $statements ($(awk -v n="$statements" -v s="$SECONDS_TO_RUN" 'BEGIN { printf "%.1f", n / s }') per second); most frequent:"
tail -n +"$((lines_before + 1))" "$DATA/postgres/server.log" | grep -E 'LOG:  (statement|execute [^:]*):' | sed -E 's/.*LOG:  (statement|execute [^:]*): //' \
  | sed -E "s/'[^']*'/?/g; s/[0-9]+/N/g" | cut -c1-150 | sort | uniq -c | sort -rn | head -25
