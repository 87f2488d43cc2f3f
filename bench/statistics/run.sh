#!/usr/bin/env bash
# Statistics benchmark (issue 17): the application on a fresh embedded PostgreSQL, filled by the
# shared generator bench/data/CaseData.java (cases, and the statistics read model with 2 notices per
# case), then each statistics page timed and a year's export of each preset, pinned to 2 cores.
# Targets: every page p95 <= 1 s, a year's export <= 20 s on a million cases.
# Usage: bench/statistics/run.sh [CASES=1000000] [REQUESTS_PER_PAGE=20]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CASES="${1:-1000000}"
REQUESTS="${2:-20}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
DATA="$(mktemp -d /tmp/recourse-statbench.XXXXXX)"
# The embedded PostgreSQL runs as an unprivileged user when started by root: it must reach the directory.
chmod 755 "$DATA"
trap 'rm -rf "$DATA"' EXIT
"$ROOT/mvnw" -q -o -f "$ROOT/server/pom.xml" test-compile dependency:build-classpath -Dmdep.outputFile="$DATA/cp.txt" -Dmdep.includeScope=test
CP="$ROOT/server/target/test-classes:$ROOT/server/target/classes:$(cat "$DATA/cp.txt")"
taskset -c 0,1 "$JAVA_HOME/bin/java" -Xmx1g -cp "$CP" "$ROOT/bench/statistics/StatisticsBench.java" "$DATA" "$CASES" "$REQUESTS"
