#!/usr/bin/env bash
# Where a look-up's CPU goes (issue 16): runs bench/matching/run.sh and, during its measured phase at
# the target rate, samples every thread of the JVM (server and load generator share it) with
# async-profiler for 25 s — Java and kernel frames alike, which JFR does not see — then sums the
# samples by layer (bench/matching/ProfileLayers.java). async-profiler comes from Maven Central
# (tools.profiler:async-profiler) into the local Maven repository; nothing is installed.
# Usage: bench/matching/profile.sh [ENTRIES=1000000] [OUT=/tmp/recourse-lookup-profile]
# Writes OUT.log (the benchmark's output), OUT.collapsed (stacks, one per line, for flame graphs).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ENTRIES="${1:-1000000}"
OUT="${2:-/tmp/recourse-lookup-profile}"
VERSION=4.2
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAR="$HOME/.m2/repository/tools/profiler/async-profiler/$VERSION/async-profiler-$VERSION.jar"
[ -f "$JAR" ] || "$ROOT/mvnw" -q dependency:get -Dartifact="tools.profiler:async-profiler:$VERSION"
LIB_DIR="$(mktemp -d /tmp/async-profiler.XXXXXX)"
trap 'rm -rf "$LIB_DIR"' EXIT
unzip -q -o "$JAR" 'linux-x64/libasyncProfiler.so' -d "$LIB_DIR"
LIB="$LIB_DIR/linux-x64/libasyncProfiler.so"
rm -f "$OUT.log" "$OUT.collapsed"
"$ROOT/bench/matching/run.sh" "$ENTRIES" 30 > "$OUT.log" 2>&1 &
BENCH=$!
# The phase after the warm-up is the measured one.
until grep -q "^raw_lookup: GET" "$OUT.log" 2>/dev/null; do
  kill -0 "$BENCH" 2>/dev/null || { echo "the benchmark ended before its measured phase: see $OUT.log" >&2; exit 1; }
  sleep 0.5
done
PID="$(pgrep -f 'MatchBench.java' | head -1)"
sleep 2
# jcmd reads name=value pairs: the agent's options are passed as one quoted argument.
"$JAVA_HOME/bin/jcmd" "$PID" JVMTI.agent_load "$LIB" "\"start,event=cpu,interval=997us\"" > /dev/null
sleep 25
"$JAVA_HOME/bin/jcmd" "$PID" JVMTI.agent_load "$LIB" "\"stop,file=$OUT.collapsed,collapsed\"" > /dev/null
wait "$BENCH"
MEASURED="$(grep -A9 "^raw_lookup: GET" "$OUT.log")"
echo "$MEASURED" | grep -E "latency from due|CPU per request"
CPU_MS="$(echo "$MEASURED" | sed -n 's/^CPU per request: \([0-9.]*\) ms.*/\1/p')"
"$JAVA_HOME/bin/java" "$ROOT/bench/matching/ProfileLayers.java" "$OUT.collapsed" $CPU_MS
