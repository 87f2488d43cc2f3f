#!/usr/bin/env bash
# Online-check benchmark (issue 7): the application's CheckingOnline against a local web server on
# many loopback addresses, pinned to 2 cores (taskset), on a fresh embedded PostgreSQL.
# Usage: bench/takedown/run.sh [ITEMS] [HOSTS] [ROUNDS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ITEMS="${1:-20000}"
HOSTS="${2:-1000}"
ROUNDS="${3:-3}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
DATA="$(mktemp -d /tmp/recourse-checkbench.XXXXXX)"
chmod 755 "$DATA"
trap 'rm -rf "$DATA"' EXIT
"$ROOT/mvnw" -q -f "$ROOT/server/pom.xml" test-compile dependency:build-classpath -Dmdep.outputFile="$DATA/cp.txt" -Dmdep.includeScope=test
CP="$ROOT/server/target/test-classes:$ROOT/server/target/classes:$(cat "$DATA/cp.txt")"
taskset -c 0,1 "$JAVA_HOME/bin/java" -Xmx1g -cp "$CP" "$ROOT/bench/takedown/OnlineCheckBench.java" "$DATA" "$ITEMS" "$HOSTS" "$ROUNDS"
