#!/usr/bin/env bash
# Figure-layer benchmark on real data: ingest + features once, then every figure kind written twice
# (PNG + SVG + one HTML), per-figure times, sizes and a byte-identity check of the two runs.
# Usage: bench/figures.sh [corpusDir] [outDir]   (run from anywhere; uses this worktree's classes)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# default input: the development corpus beside the project, unpacked once into .cache/corpus
corpus="${WORKBENCH_CORPUS_DIR:-$root/.cache/corpus}"
[ -n "${1:-}" ] || bash "$root/../shared/corpus/unpack.sh" "$corpus"
mvn -B -q -o install -DskipTests
cp_file="$root/lib/target/lib.classpath"
mvn -B -q -o -pl lib dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
exec java -Xmx2g -Djava.awt.headless=true -cp "$root/bench/target/classes:$root/lib/target/classes:$(cat "$cp_file")" \
  dev.personas.bench.FiguresBench "${1:-$corpus}" "${2:-$(mktemp -d)}"
