#!/usr/bin/env bash
# Partner-API intake benchmark: starts Recourse (./recourse run, embedded PostgreSQL with its
# defaults fsync=on and synchronous_commit=on, so every 201 is a durable commit) on a fresh data
# directory, provisions an API key with ./recourse api-key create, and runs the open-loop load
# generator. Usage: bench/intake/run.sh [RATE_PER_SECOND] [SECONDS] [WARMUP_SECONDS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RATE="${1:-1000}"
SECONDS_TO_RUN="${2:-60}"
WARMUP="${3:-60}"
PORT="${BENCH_PORT:-18080}"
DATA="$(mktemp -d /tmp/recourse-bench.XXXXXX)"
# The embedded PostgreSQL runs as an unprivileged user when started by root: it must reach the directory.
chmod 755 "$DATA"
export RECOURSE_DATA_DIR="$DATA" SERVER_PORT="$PORT"
# The per-key limit protects production; the benchmark measures the server, not the limiter.
export RECOURSE_INTAKE_API_REQUESTS_PER_SECOND=100000
export RECOURSE_JAVA_OPTS="${RECOURSE_JAVA_OPTS:--Xmx1g}"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

# Waits until the server answers its health check; shows its log and fails if it died instead.
await_server() {
  for _ in $(seq 1 180); do
    curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER" 2>/dev/null || { tail -40 "$DATA/server.log"; exit 1; }
    sleep 1
  done
}
# The port the embedded PostgreSQL of this data directory listens on (a new one after a restart),
# from its postmaster.pid (4th line), which names the running server only.
pg_port() {
  sed -n 4p "$DATA/postgres/postmaster.pid"
}

"$ROOT/recourse" build
# The JDBC driver the build fetched, for the PostgreSQL helpers below.
PGJDBC="$(find "$HOME/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' | sort -V | tail -1)"
"$ROOT/recourse" run > "$DATA/server.log" 2>&1 &
SERVER=$!
# The server stops its PostgreSQL on the way out; if it is killed before it can, stop it here.
# Its shutdown still writes into the data directory, so wait for it to end before removing that.
stop() {
  set +e # every step runs: a failed one (the server's exit status, nothing left to pkill) must not skip the rest
  kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null
  pkill -f -- "-D $DATA/postgres" 2>/dev/null
  for _ in $(seq 1 30); do pgrep -f -- "-D $DATA/postgres" >/dev/null || break; sleep 1; done
  rm -rf "$DATA"
}
trap stop EXIT
await_server
# BENCH_PG_RESTART_SETTINGS="name=value ..." tries PostgreSQL settings that take a restart
# (shared_buffers, wal_buffers, shared_preload_libraries): written with ALTER SYSTEM, then the
# server (and with it PostgreSQL) is restarted on the same data directory.
# BENCH_PG_STATEMENTS=1 loads pg_stat_statements and auto_explain (plans of statements over 50 ms
# go to PostgreSQL's log, without ANALYZE) and prints the costliest statements of the measurement.
if [ "${BENCH_PG_STATEMENTS:-0}" = 1 ]; then
  BENCH_PG_RESTART_SETTINGS="${BENCH_PG_RESTART_SETTINGS:-} shared_preload_libraries=pg_stat_statements,auto_explain auto_explain.log_min_duration=50ms auto_explain.log_nested_statements=on log_autovacuum_min_duration=0"
fi
if [ -n "${BENCH_PG_RESTART_SETTINGS:-}" ]; then
  "$JAVA_HOME/bin/java" -cp "$PGJDBC" "$ROOT/bench/intake/PgWatch.java" "$DATA" "$(pg_port)" 0 $BENCH_PG_RESTART_SETTINGS
  kill "$SERVER"; wait "$SERVER" || true
  "$ROOT/recourse" run >> "$DATA/server.log" 2>&1 &
  SERVER=$!
  await_server
fi
PG_PORT="$(pg_port)"
pg_query() { "$JAVA_HOME/bin/java" -cp "$PGJDBC" "$ROOT/bench/intake/PgQuery.java" "$DATA" "$PG_PORT" "$@"; }
[ "${BENCH_PG_STATEMENTS:-0}" = 1 ] && pg_query "create extension if not exists pg_stat_statements"
# BENCH_PG_SQL="statement; ..." runs SQL on the database before the load (e.g. to try without an index).
if [ -n "${BENCH_PG_SQL:-}" ]; then pg_query "$BENCH_PG_SQL"; fi
KEY="$("$ROOT/recourse" api-key create --organisation "Benchmark" --scopes reports:submit | grep '^rk_')"
LOAD=("$JAVA_HOME/bin/java" "$ROOT/bench/intake/IntakeLoad.java" "http://localhost:$PORT" "$KEY")

# CPU time (user + system, in clock ticks) of the server JVM and every PostgreSQL process of this
# data directory: the machine may be shared, so the rate per CPU-second is reported beside the
# wall-clock rate. Read straight from /proc with one ps and one awk, so that taking the snapshot
# at the start of the measurement costs the two cores next to nothing.
# proc_ticks prints one "label<TAB>ticks" line per label: "server", "postmaster", "ended processes"
# (the children time of the postmaster: processes that ended in between, autovacuum workers come
# and go) and each PostgreSQL role by user and system time: backends (the server's connections),
# autovacuum workers, WAL writer, checkpointer, ...
proc_ticks() {
  local pm
  pm="$(head -1 "$DATA/postgres/postmaster.pid")"
  { echo "$SERVER server"; echo "$pm postmaster"; ps --ppid "$pm" -o pid=,args=; } | awk '
    function stat(pid, f,   line) {
      if ((getline line < ("/proc/" pid "/stat")) <= 0) return 0
      close("/proc/" pid "/stat")
      sub(/^.*\) /, "", line) # after "(comm) ": f[12] utime, f[13] stime, f[14] cutime, f[15] cstime
      return split(line, f, " ")
    }
    {
      pid = $1; $1 = ""; sub(/^ +/, ""); label = $0
      if (!stat(pid, f)) next
      if (label == "server") { sum["server"] += f[12] + f[13]; next }
      if (label == "postmaster") { sum["postmaster"] += f[12] + f[13]; sum["ended processes"] += f[14] + f[15]; next }
      sub(/^postgres: /, "", label)
      if (label ~ /\([0-9]+\)/) label = "backend"
      else if (label ~ /^autovacuum worker/) label = "autovacuum worker"
      else if (label ~ /^autovacuum launcher/) label = "autovacuum launcher"
      sum[label " (user)"] += f[12]; sum[label " (system)"] += f[13]
    }
    END { for (l in sum) print l "\t" sum[l] }'
}
# "pid ticks" for each PostgreSQL process (BENCH_PG_BACKENDS=1).
pid_ticks() {
  for pid in $(pgrep -P "$(head -1 "$DATA/postgres/postmaster.pid")"); do echo "$pid $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null)"; done
}
# The server JVM and PostgreSQL together (ended processes apart, as the figures before had them).
cpu_ticks() {
  awk -F'\t' '$1 != "ended processes" { t += $2 } END { print t }' "$1"
}

# The JIT compiles the request path in the first tens of seconds, and PostgreSQL re-plans its
# statements once autoanalyze has seen the tables grow: both belong to start-up, not to the rate.
# Warm-up and measurement run in one load-generator JVM, so that its own start-up (compiling the
# source, its JIT) happens before the clock starts.
# BENCH_WATCH=1 also logs PostgreSQL's background work per second of the measurement;
# BENCH_PG_SETTINGS="name=value ..." (with BENCH_WATCH=1) tries PostgreSQL settings for the run.
if [ "${BENCH_WATCH:-0}" = 1 ]; then
  "$JAVA_HOME/bin/java" -cp "$PGJDBC" "$ROOT/bench/intake/PgWatch.java" "$DATA" "$PG_PORT" $((4 * WARMUP + SECONDS_TO_RUN + 60)) ${BENCH_PG_SETTINGS:-} > "$DATA/watch.txt" 2>&1 &
  WATCH=$!
fi
echo "== warm-up ($WARMUP s), then measurement ($SECONDS_TO_RUN s) =="
"${LOAD[@]}" "$RATE" "$SECONDS_TO_RUN" "$WARMUP" > "$DATA/result.txt" &
LOADER=$!
until grep -q '^measure:' "$DATA/result.txt" || ! kill -0 "$LOADER" 2>/dev/null; do sleep 0.1; done
[ "${BENCH_PG_STATEMENTS:-0}" = 1 ] && pg_query "select pg_stat_statements_reset()" > /dev/null
proc_ticks > "$DATA/ticks-before.txt"
[ "${BENCH_PG_BACKENDS:-0}" = 1 ] && pid_ticks > "$DATA/pids-before.txt"
loader_before=$(awk '{print $14 + $15}' "/proc/$LOADER/stat")
measured_from=$(date +%s.%N)
# The load generator's own CPU time, read just before it exits (it shares the two cores).
while kill -0 "$LOADER" 2>/dev/null && ! grep -q '^slowest' <(sed -n '/^measure:/,$p' "$DATA/result.txt"); do
  loader_after=$(awk '{print $14 + $15}' "/proc/$LOADER/stat" 2>/dev/null || echo "${loader_after:-0}")
  sleep 1
done
wait "$LOADER"
proc_ticks > "$DATA/ticks-after.txt"
# BENCH_PG_BACKENDS=1: each PostgreSQL process's CPU in the measurement, with what it last ran.
if [ "${BENCH_PG_BACKENDS:-0}" = 1 ]; then
  pid_ticks > "$DATA/pids-after.txt"
  pg_query "select pid, coalesce(application_name, ''), backend_start, state, left(regexp_replace(query, '\s+', ' ', 'g'), 90) from pg_stat_activity" > "$DATA/activity.txt"
  pg_query "select s.relname, seq_scan, seq_tup_read, idx_scan, n_live_tup, c.reltuples, autoanalyze_count, last_autoanalyze from pg_stat_user_tables s join pg_class c on c.oid = s.relid order by seq_tup_read desc limit 12" > "$DATA/tables.txt"
fi
before=$(cpu_ticks "$DATA/ticks-before.txt")
after=$(cpu_ticks "$DATA/ticks-after.txt")
server_before=$(awk -F'\t' '$1 == "server" { print $2 }' "$DATA/ticks-before.txt")
server_after=$(awk -F'\t' '$1 == "server" { print $2 }' "$DATA/ticks-after.txt")
cat "$DATA/result.txt"
sed -n '/^measure:/,$p' "$DATA/result.txt" | awk '
  /^wait for the answer once sent/ { print "measurement: longest wait for an answer once sent " $NF " ms" }
  /^503 \+ Retry-After/ { print "measurement: " $5 " requests answered 503 + Retry-After" }'
created=$(sed -n '/^measure:/,$p' "$DATA/result.txt" | grep -oE 'answered as expected [0-9]+' | head -1 | awk '{print $4}')
ticks=$((after - before))
hz=$(getconf CLK_TCK)
awk -v t="$ticks" -v hz="$hz" -v n="$created" 'BEGIN {
  cpu = t / hz
  printf "server + PostgreSQL CPU time: %.1f s for %d reports => %.0f reports per CPU-second (~%.0f/s on 2 dedicated cores)\n", cpu, n, n / cpu, 2 * n / cpu }'
awk -v s="$((server_after - server_before))" -v t="$ticks" -v hz="$hz" -v n="$created" 'BEGIN {
  printf "  of which the server JVM %.2f ms and PostgreSQL %.2f ms per report\n", 1000 * s / hz / n, 1000 * (t - s) / hz / n }'
awk -v t="$((loader_after - loader_before))" -v hz="$hz" -v n="$created" 'BEGIN {
  printf "load generator CPU time: %.1f s (%.2f ms per report)\n", t / hz, 1000 * t / hz / n }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "PostgreSQL CPU per report by role (ms; 'ended processes' are not in the total above):"
awk -F'\t' -v hz="$hz" -v n="$created" 'FNR == NR { before[$1] = $2; next }
  $1 != "server" { d = $2 - before[$1]; if (d > 0) printf "  %-28s %.3f\n", $1, 1000 * d / hz / n }' "$DATA/ticks-before.txt" "$DATA/ticks-after.txt"
if [ "${BENCH_PG_BACKENDS:-0}" = 1 ]; then
  echo "== PostgreSQL processes: CPU ticks in the measurement, what each last ran =="
  awk 'FILENAME ~ /pids-before/ { b[$1] = $2; next } FILENAME ~ /pids-after/ { d[$1] = $2 - b[$1]; next }
       { split($0, f, " [|] "); pid = f[1] + 0; if (pid in d) print d[pid], $0; delete d[pid] }
       END { for (p in d) print d[p], p, "(not in pg_stat_activity)" }' \
    "$DATA/pids-before.txt" "$DATA/pids-after.txt" "$DATA/activity.txt" | sort -rn | head -40
  echo "== tables read by sequential scans since start (name | scans | rows read | index scans | rows | planner's rows | autoanalyses | last) =="
  cat "$DATA/tables.txt"
fi
if [ "${BENCH_WATCH:-0}" = 1 ]; then
  kill "$WATCH" 2>/dev/null
  echo "== PostgreSQL background work per second of the measurement (autovacuum workers, checkpointer, disk) =="
  awk -v t0="$measured_from" -v n="$SECONDS_TO_RUN" -v from="${BENCH_WATCH_FROM:--1}" '/^#/ { print; next } { t = $1 - t0; if (t >= from && t < n + 1) { $1 = sprintf("%5.1f", t); print } }' "$DATA/watch.txt"
fi
if [ "${BENCH_PG_STATEMENTS:-0}" = 1 ]; then
  echo "== statements of the measurement, costliest first (total ms, calls, mean ms, max ms, rows) =="
  pg_query "select round(total_exec_time), calls, round(mean_exec_time::numeric, 3), round(max_exec_time), rows, left(regexp_replace(query, '\s+', ' ', 'g'), 160) from pg_stat_statements order by total_exec_time desc limit 25"
  echo "== autoanalyze of the intake tables (seconds from the start of the measurement) =="
  grep -h 'automatic analyze of table' "$DATA/postgres/server.log" | grep -E 'intake_case|reported_item' \
    | awk -v t0="$measured_from" '{ split($2, c, ":"); cmd = "date -d \"" $1 " " $2 "\" +%s.%N"; cmd | getline e; close(cmd); printf "%7.1f %s\n", e - t0, $0 }' | cut -c1-140 || true
  echo "== plans logged by auto_explain (over 50 ms) =="
  grep -h -A25 'duration: .* plan:' "$DATA/postgres/server.log" "$DATA"/postgres/log/* 2>/dev/null | cut -c1-220 | head -300 || true
fi
