#!/usr/bin/env bash
# Escalation benchmark (issue 15): candidates over a million notices, and the dossier of one platform
# with 500 items and 2 GB of evidence streamed with a bounded heap, on a fresh embedded PostgreSQL
# filled by the shared generator bench/data/CaseData.java, pinned to 2 cores, heap capped at 512 MB.
# Targets: candidates <= 1 s; the dossier <= 30 s with the heap bounded.
# Usage: bench/escalation/run.sh [CASES=500000] [NOTICES=1000000] [RUNS=10] [ITEMS=500] [MEDIA_MB=4]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CASES="${1:-500000}"
NOTICES="${2:-1000000}"
RUNS="${3:-10}"
ITEMS="${4:-500}"
MEDIA_MB="${5:-4}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
DATA="$(mktemp -d /tmp/recourse-escbench.XXXXXX)"
# The embedded PostgreSQL runs as an unprivileged user when started by root: it must reach the directory.
chmod 755 "$DATA"
trap 'rm -rf "$DATA"' EXIT
"$ROOT/mvnw" -q -o -f "$ROOT/server/pom.xml" test-compile dependency:build-classpath -Dmdep.outputFile="$DATA/cp.txt" -Dmdep.includeScope=test
CP="$ROOT/server/target/test-classes:$ROOT/server/target/classes:$(cat "$DATA/cp.txt")"
taskset -c 0,1 "$JAVA_HOME/bin/java" -Xmx512m -Djava.awt.headless=true -cp "$CP" "$ROOT/bench/escalation/EscalationBench.java" \
  "$DATA" "$CASES" "$NOTICES" "$RUNS" "$ITEMS" "$MEDIA_MB"
