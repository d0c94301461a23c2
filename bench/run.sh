#!/usr/bin/env bash
# Builds and runs Sluice's JMH benchmarks. Sized for a 2-core machine: a few minutes in all.
#
#   bash bench/run.sh                        # both benchmarks, settings below, with -prof gc
#   bash bench/run.sh CalcBenchmark          # one benchmark (any JMH regex / options go to JMH)
#   JMH_OPTS="-f 2 -i 10" bash bench/run.sh  # override the run settings
#   SKIP_ENGINE_INSTALL=1 bash bench/run.sh  # reuse the engine already installed in ~/.m2
#
# Results land in bench/results/ (gitignored): <stamp>.txt (JMH's console output) and <stamp>.json.
# See docs/benchmarks.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

if [[ "${SKIP_ENGINE_INSTALL:-0}" != 1 ]]; then
  echo ">> installing sql-parser, planner, engine (the code under test) into ~/.m2"
  (cd "$root" && mvn -q -DskipTests install -pl sql-parser,planner,engine -am)
fi
echo ">> building bench/"
(cd "$here" && mvn -q -DskipTests package)

cp="$here/target/classes:$(cat "$here/target/classpath.txt")"
mkdir -p "$here/results"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
# One fork, 3 x 2 s warm-up and 5 x 3 s measurement per benchmark: about 25 s each, 5 benchmarks.
JMH_OPTS="${JMH_OPTS:--f 1 -wi 3 -w 2s -i 5 -r 3s}"
# shellcheck disable=SC2086
java -cp "$cp" org.openjdk.jmh.Main \
  $JMH_OPTS -prof gc \
  -jvmArgs "-Xms1g -Xmx1g" \
  -rf json -rff "$here/results/$stamp.json" \
  "${@:-dev.sluice.bench.}" 2>&1 | grep -v '^SLF4J' | tee "$here/results/$stamp.txt"
echo ">> results: bench/results/$stamp.txt and .json"
