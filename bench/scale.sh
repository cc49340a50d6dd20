#!/usr/bin/env bash
# Scale benchmark (issue 9): a SWE-chat parquet folder -> features (conversations streamed through
# DuckDB, never loaded whole) -> session-type sweep (k = 2..12, 100 bootstraps), with -Xmx4g.
# Prints per-stage seconds, rows/s, peak heap and the load average.
# Usage: bench/scale.sh [DIR [OUT]]          (default DIR: /work/scale400k, OUT: bench/target/scale)
#        GENERATE=400000 bench/scale.sh DIR  generates DIR first (./workbench generate --format parquet)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dir="${1:-/work/scale400k}"
out="${2:-$root/bench/target/scale}"
mvn -B -q -o -pl bench -am package -DskipTests
cp_file="$root/bench/target/classpath.txt"
mvn -B -q -o -pl bench dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
# this worktree's lib classes, not whatever workbench-lib jar another checkout installed in ~/.m2
deps="$(tr ':' '\n' < "$cp_file" | grep -v '/workbench-lib/' | paste -sd: -)"
cp="$root/bench/target/classes:$root/lib/target/classes:$deps"
read -ra product_opts <<< "$(sed -e 's/#.*//' "$root/bin/jvm-options" | xargs)" # what users run
java_opts=(-Xmx4g "${product_opts[@]}" -Dorg.bytedeco.javacpp.cachedir="$HOME/.javacpp")
if [ -n "${GENERATE:-}" ]; then
  start=$(date +%s.%N)
  java "${java_opts[@]}" -cp "$cp" dev.personas.cli.Main generate --sessions "$GENERATE" \
    --users "${USERS:-$((GENERATE / 10))}" --format parquet --out "$dir"
  echo "generate: $(echo "$(date +%s.%N) - $start" | bc) s"
fi
[ -f "$dir/sessions.parquet" ] || { echo "no sessions.parquet in $dir (set GENERATE=N to make one)" >&2; exit 2; }
echo "uptime before: $(uptime)"
java "${java_opts[@]}" -cp "$cp" dev.personas.bench.ScaleBench "$dir" "$out" "${THREADS:-2}"
echo "uptime after: $(uptime)"
