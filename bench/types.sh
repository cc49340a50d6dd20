#!/usr/bin/env bash
# Session-types benchmark (issue 6): k = 2..12, 10 restarts, 100 bootstraps on 20,000 and 400,000
# synthetic sessions. Usage: bench/types.sh [N ...]   (default: 20000 400000)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -o package -DskipTests
cp_file="$root/bench/target/classpath.txt"
mvn -B -q -o -pl bench dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
# this worktree's lib classes, not whatever workbench-lib jar another checkout installed in ~/.m2
deps="$(tr ':' '\n' < "$cp_file" | grep -v '/workbench-lib/' | paste -sd: -)"
cp="$root/bench/target/classes:$root/lib/target/classes:$deps"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(20000 400000)
read -ra product_opts <<< "$(sed -e 's/#.*//' "$root/bin/jvm-options" | xargs)" # what users run
for n in "${sizes[@]}"; do
  java -Xmx4g "${product_opts[@]}" -Dorg.bytedeco.javacpp.cachedir="$HOME/.javacpp" \
    -cp "$cp" dev.personas.bench.TypesBench "$n" "${BOOTSTRAPS:-100}" "${RESTARTS:-10}" "${THREADS:-2}"
done
