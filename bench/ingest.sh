#!/usr/bin/env bash
# Whole-corpus ingest benchmark: MB/s of raw transcript, sessions/s, peak heap (issue 3).
# Usage: bench/ingest.sh [corpusEntireDir] [runs] [threads]   (run from anywhere)
# Uses this worktree's lib/target/classes (not the shared ~/.m2 snapshot jar, which other
# worktrees overwrite).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# default input: the development corpus beside the project, unpacked once into .cache/corpus
corpus="${WORKBENCH_CORPUS_DIR:-$root/.cache/corpus}"
[ -n "${1:-}" ] || bash "$root/../shared/corpus/unpack.sh" "$corpus"
# reactor build of lib + bench into this worktree's target/ folders (never install: ~/.m2 is shared)
mvn -B -q -o -pl bench -am compile
cp_file="$root/lib/target/lib.classpath"
mvn -B -q -o -pl lib dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
jmh="$(find ~/.m2/repository/org/openjdk/jmh/jmh-core -name '*.jar' | head -1)"
read -ra product_opts <<< "$(sed -e 's/#.*//' "$root/bin/jvm-options" | xargs)" # what users run
exec java -Xmx2g "${product_opts[@]}" ${BENCH_JAVA_OPTS:-} -cp "$root/bench/target/classes:$root/lib/target/classes:$(cat "$cp_file"):$jmh" \
  dev.personas.bench.IngestBench "${1:-$corpus/entire}" "${2:-3}" "${3:-$(nproc)}"
