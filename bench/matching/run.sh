#!/usr/bin/env bash
# Match API benchmark (issue 16): the application on a fresh embedded PostgreSQL whose banks hold
# ENTRIES PDQ entries (bench/data/CaseData.java), restarted to time the index load, then authenticated
# look-ups over HTTP: single ones offered at the target rate (bench/data/ConstantRate.java, latency from
# each request's due time), closed-loop batches, and single ones at saturation driven by wrk where it is
# installed (apt-get install wrk). Load generators and server share the 2 cores (taskset).
# The heap is fixed (-Xms = -Xmx) as docs/deployment.md advises for nodes that answer look-ups.
# Targets: 1 M entries >= 5,000 look-ups/s with p99 <= 20 ms; 10 M >= 2,000/s; batch at least twice
# the single rate; index loaded in <= 60 s; index heap <= 1 GB at 10 M.
# Usage: [BENCH_JAVA_OPTS="-Xlog:gc:file=/tmp/gc.log"] bench/matching/run.sh [ENTRIES=1000000] [SECONDS=30] [CLIENTS=16] [HEAP=3g]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ENTRIES="${1:-1000000}"
SECONDS_PER_RUN="${2:-30}"
CLIENTS="${3:-16}"
HEAP="${4:-3g}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
DATA="$(mktemp -d /tmp/recourse-matchbench.XXXXXX)"
# The embedded PostgreSQL runs as an unprivileged user when started by root: it must reach the directory.
chmod 755 "$DATA"
trap 'rm -rf "$DATA"' EXIT
"$ROOT/mvnw" -q -o -f "$ROOT/server/pom.xml" test-compile dependency:build-classpath -Dmdep.outputFile="$DATA/cp.txt" -Dmdep.includeScope=test
CP="$ROOT/server/target/test-classes:$ROOT/server/target/classes:$(cat "$DATA/cp.txt")"
taskset -c 0,1 "$JAVA_HOME/bin/java" -Xms"$HEAP" -Xmx"$HEAP" ${BENCH_JAVA_OPTS:-} -Dbench.dir="$ROOT/bench/matching" -cp "$CP" "$ROOT/bench/matching/MatchBench.java" "$DATA" "$ENTRIES" "$SECONDS_PER_RUN" "$CLIENTS"
