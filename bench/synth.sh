#!/usr/bin/env bash
# Synthetic-generator benchmark (issue 5): 400,000 sessions as SWE-chat parquet; prints wall and
# CPU seconds, sessions/s, conversation rows, rows/s, output bytes, peak heap and peak RSS, load.
# Usage: bench/synth.sh [SESSIONS] [USERS] [FORMAT] [OUT_DIR]
#   (defaults 400000, SESSIONS/20, parquet, a temporary folder deleted afterwards)
# Uses this worktree's lib/target/classes (never the shared ~/.m2 snapshot jar).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -o -pl bench -am package -DskipTests
cp_file="$root/bench/target/classpath.txt"
mvn -B -q -o -pl bench dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
deps="$(tr ':' '\n' < "$cp_file" | grep -v '/workbench-lib/' | paste -sd: -)"
cp="$root/bench/target/classes:$root/lib/target/classes:$deps"
sessions="${1:-400000}"
users="${2:-$((sessions / 20))}"
format="${3:-parquet}"
out="${4:-}"
cleanup=""
if [ -z "$out" ]; then
  out="$(mktemp -d "${TMPDIR:-/tmp}/synth-bench.XXXXXX")"
  cleanup="$out"
fi
trap '[ -n "$cleanup" ] && rm -rf "$cleanup"' EXIT
echo "uptime before: $(uptime)"
java -Xmx2g -cp "$cp" dev.personas.bench.SynthBench "$sessions" "$users" "$format" "$out"
echo "uptime after: $(uptime)"
