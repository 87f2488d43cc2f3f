#!/usr/bin/env bash
# Staff search benchmark (issue 14): the application on a fresh embedded PostgreSQL, filled by the
# shared generator bench/data/CaseData.java, then timed GET /staff/search requests for a mix of
# queries (see SearchBench.java), pinned to 2 cores. Target: p95 <= 200 ms on a million cases.
# Usage: bench/search/run.sh [CASES=1000000] [QUERIES=1000]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CASES="${1:-1000000}"
QUERIES="${2:-1000}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
DATA="$(mktemp -d /tmp/recourse-searchbench.XXXXXX)"
# The embedded PostgreSQL runs as an unprivileged user when started by root: it must reach the directory.
chmod 755 "$DATA"
trap 'rm -rf "$DATA"' EXIT
"$ROOT/mvnw" -q -f "$ROOT/server/pom.xml" test-compile dependency:build-classpath -Dmdep.outputFile="$DATA/cp.txt" -Dmdep.includeScope=test
CP="$ROOT/server/target/test-classes:$ROOT/server/target/classes:$(cat "$DATA/cp.txt")"
# SearchBench.java is package `search`, so the launcher finds the generator (package `data`) under bench/.
taskset -c 0,1 "$JAVA_HOME/bin/java" -Xmx1g -cp "$CP" "$ROOT/bench/search/SearchBench.java" "$DATA" "$CASES" "$QUERIES"
