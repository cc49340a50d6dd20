#!/usr/bin/env bash
# JMH microbenchmarks of bench/ (HotPathsBench, FeaturesBench, ...), on this worktree's classes.
# Usage: bench/jmh.sh [JMH arguments]   e.g.  bench/jmh.sh HotPathsBench
#        bench/jmh.sh 'HotPathsBench.kmeans.*' -wi 1 -i 3 -f 1      (quick run)
#        bench/jmh.sh -l                                             (list benchmarks)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -o -pl bench -am package -DskipTests >&2
cp_file="$root/bench/target/classpath.txt"
mvn -B -q -o -pl bench dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
# this worktree's lib classes, not whatever workbench-lib jar another checkout installed in ~/.m2
deps="$(tr ':' '\n' < "$cp_file" | grep -v '/workbench-lib/' | paste -sd: -)"
exec java -Xmx2g -cp "$root/bench/target/classes:$root/lib/target/classes:$deps" org.openjdk.jmh.Main "$@"
