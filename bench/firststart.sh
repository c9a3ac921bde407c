#!/usr/bin/env bash
# A cold first start on a real corpus in the default hybrid mode, behind the "First start" section of
# docs/benchmarks.md: how soon the HTTP port answers, when the first (BM25) answer comes, when the vectors are
# complete, the resident memory throughout, and the raw model's speed on the same texts in the same run.
#
#   bench/firststart.sh CORPUS [RUNS=1] [QUESTION]
#   BENCH_UNTIL=answer bench/firststart.sh CORPUS 3   # each run stops at the first answer: start-up only
#
# Needs a JDK 21+ in JAVA_HOME, python3 and curl. Each run starts on an empty data folder (no index, no
# embedding cache). BENCH_JVM sets the service's JVM options (default: -Xmx512m, as README advises). Port
# 18700 (SERVICE_PORT). Results in target/bench/firststart; the section is rewritten in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:?usage: bench/firststart.sh CORPUS [RUNS] [QUESTION]}
RUNS=${2:-1}
QUESTION=${3:-"What did the government announce?"}
JVM=${BENCH_JVM:-"-Xmx512m"}
WORK=target/bench/firststart
RESULTS=$WORK/results${BENCH_UNTIL:+-$BENCH_UNTIL}
source bench/service.sh
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B -DskipTests package
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
# A copy of the packaged service, so that a rebuild meanwhile does not pull the jars from under it.
rm -rf "$WORK/app" && cp -r target/quarkus-app "$WORK/app"
SERVICE_JAR=$WORK/app/quarkus-run.jar
trap 'service_stop > /dev/null' EXIT

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for run in $(seq 1 "$RUNS"); do
  data="$WORK/data-$run"
  rm -rf "$data"
  echo "== run $run (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  # shellcheck disable=SC2086
  service_start "$WORK/service-$run.log" CITEQA_CORPUS_DIR="$CORPUS" CITEQA_DATA_DIR="$data" \
    CITEQA_RETRIEVAL_MODE=hybrid CITEQA_CORPUS_WATCH=false -- $JVM
  python3 bench/firststart.py watch --port "$SERVICE_PORT" --pid "$SERVICE_PID" --started-ms "$SERVICE_STARTED_MS" \
    --question "$QUESTION" --out "$RESULTS/run-$run.json" ${BENCH_UNTIL:+--until "$BENCH_UNTIL"}
  stop_ms=$(service_stop)
  python3 - "$RESULTS/run-$run.json" "$stop_ms" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); r["stopMs"] = int(sys.argv[2]); json.dump(r, open(sys.argv[1], "w"), indent=1)
PY
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# The raw model on the same kind of texts, in the same run: the test classpath has the benchmark tools.
if [ -z "${BENCH_UNTIL:-}" ]; then
if [ ! -f target/bench/classpath.txt ] || [ ! -d target/test-classes/dev/citeqa/bench ]; then
  ./mvnw -q -B -DskipTests test-compile
  ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/deps.txt
  echo "$PWD/target/test-classes:$PWD/target/classes:$(cat target/bench/deps.txt)" > target/bench/classpath.txt
fi
"$JAVA_HOME/bin/java" -cp "$(cat target/bench/classpath.txt)" dev.citeqa.bench.ModelSpeed texts --corpus "$CORPUS" \
  --articles 300 --out "$RESULTS/model.json"
fi

python3 - "$RESULTS/meta.json" "$CORPUS" "$RUNS" "$JVM" "$load_before" "$load_after" <<'PY'
import datetime, json, subprocess, sys, os, glob
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
words = sum(len(open(f, encoding="utf-8", errors="replace").read().split()) for f in glob.glob(sys.argv[2] + "/*.txt"))
json.dump({"cpu": cpu, "cores": os.cpu_count(), "words": words, "jvm": sys.argv[4], "loadBefore": sys.argv[5],
           "loadAfter": sys.argv[6],
           "when": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
           "command": f"bench/firststart.sh {sys.argv[2]} {sys.argv[3]}"}, open(sys.argv[1], "w"))
PY
# The section needs a whole run (to the vectors); start-up-only runs add to its start-up medians.
if [ -f "$WORK/results/meta.json" ]; then
  python3 bench/firststart.py report --results "$WORK/results" --startup "$WORK/results-answer" --doc docs/benchmarks.md
fi
