#!/usr/bin/env bash
# Builds and runs Sluice's JMH benchmarks. Sized for a 2-core machine: about 9 minutes in all.
#
#   bash bench/run.sh                        # every benchmark, settings below, with -prof gc
#   bash bench/run.sh CalcBenchmark          # one benchmark (any JMH regex / options go to JMH)
#   JMH_OPTS="-f 2 -i 10" bash bench/run.sh  # override the run settings
#   SKIP_ENGINE_INSTALL=1 bash bench/run.sh  # reuse the engine already installed in ~/.m2
#
# ColdStartBenchmark measures one call per fresh JVM, so it runs with its own settings (COLD_JMH_OPTS:
# 8 forks, no warm-up, one single-shot measurement each, no -prof gc), after the others when no
# benchmark is named, or alone when the arguments name it.
#
# Results land in bench/results/ (gitignored): <stamp>.txt (JMH's console output) and <stamp>.json
# (<stamp>-cold.json for ColdStartBenchmark). See docs/benchmarks.md.
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
# One fork, 3 x 2 s warm-up and 5 x 3 s measurement per benchmark method: about 25 s each.
JMH_OPTS="${JMH_OPTS:--f 1 -wi 3 -w 2s -i 5 -r 3s}"
COLD_JMH_OPTS="${COLD_JMH_OPTS:--f 8 -wi 0 -i 1}"

run_jmh() {  # run_jmh <options> <json file> <JMH arguments...>
  local opts="$1" json="$2"
  shift 2
  # shellcheck disable=SC2086
  java -cp "$cp" org.openjdk.jmh.Main \
    $opts \
    -jvmArgs "-Xms1g -Xmx1g -Dslf4j.internal.verbosity=ERROR" \
    -rf json -rff "$json" \
    "$@" 2>&1 | grep -v '^SLF4J' | tee -a "$here/results/$stamp.txt"
}

if [[ $# -eq 0 ]]; then
  run_jmh "$JMH_OPTS -prof gc" "$here/results/$stamp.json" 'dev\.sluice\.bench\.(?!ColdStart)'
  run_jmh "$COLD_JMH_OPTS" "$here/results/$stamp-cold.json" 'dev\.sluice\.bench\.ColdStartBenchmark'
elif [[ "$*" == *ColdStart* ]]; then
  run_jmh "$COLD_JMH_OPTS" "$here/results/$stamp-cold.json" "$@"
else
  run_jmh "$JMH_OPTS -prof gc" "$here/results/$stamp.json" "$@"
fi
echo ">> results: bench/results/$stamp.txt and .json"
