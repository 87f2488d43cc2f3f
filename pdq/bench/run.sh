#!/usr/bin/env bash
# Builds the JMH benchmarks jar, writes the synthetic JPEG corpus (no downloads) and runs the
# PDQ hashing and matching benchmarks. Run from anywhere; results go to stdout and to
# pdq/target/jmh-*.txt. Short runs by default (2 warmup + 3 measured iterations); pass JMH
# options to override, e.g. bench/run.sh -wi 5 -i 10.
#   Hashing: images/s on one thread (= one core), 1600x1200 JPEGs.
#   Matching: radius-31 queries/s on two threads at 1 M and 10 M hashes (needs ~8 GB heap).
set -euo pipefail

module_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root_dir="$(cd "$module_dir/.." && pwd)"
java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$java_home/bin/java"
corpus="$module_dir/target/bench-corpus"

cd "$root_dir"
JAVA_HOME="$java_home" ./mvnw -q -f pdq/pom.xml -Pbench -DskipTests package

"$java" -cp "$module_dir/target/benchmarks.jar" org.recourse.pdq.bench.SyntheticPhotos "$corpus" 24

common=(-f 1 -wi 2 -w 3s -i 3 -r 5s "$@")
"$java" -jar "$module_dir/target/benchmarks.jar" HashingBenchmark "${common[@]}" \
    -jvmArgs "-Xmx2g -Dpdq.bench.corpus=$corpus" | tee "$module_dir/target/jmh-hashing.txt"
"$java" -jar "$module_dir/target/benchmarks.jar" MatchingBenchmark "${common[@]}" \
    -jvmArgs "-Xmx8g" | tee "$module_dir/target/jmh-matching.txt"
