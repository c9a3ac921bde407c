#!/usr/bin/env bash
# The side-by-side comparison of retrieval modes behind docs/performance.md; the benchmark suite of
# docs/benchmarks.md is bench/run.sh. Needs hyperfine (apt-get install hyperfine) and a JDK 21+ in JAVA_HOME.
# Takes about 15 minutes; run it on an otherwise idle machine if you can.
#
#   bench/modes.sh          # all of it
#
# 1. Start-up to first answer, on the seed corpus and on eval/news1000: with nothing cached (index and
#    embeddings built), with cached embeddings (index rebuilt), and with the index reused.
# 2. Request latency over HTTP of the three retrieval modes side by side, with LoadGenerator --mode compare.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
./mvnw -q package -DskipTests
JAR=target/quarkus-app/quarkus-run.jar
WORK=target/bench
mkdir -p "$WORK"
: > "$WORK/none.jsonl"

for corpus in corpus eval/news1000; do
  data="$WORK/data-$(basename "$corpus")"
  eval_cmd="$JAVA -jar $JAR eval --questions $WORK/none.jsonl --corpus $corpus --data $data"
  hyperfine --runs 5 --export-json "$WORK/startup-$(basename "$corpus").json" \
    --prepare "rm -rf $data" -n "nothing cached" "$eval_cmd" \
    --prepare "rm -rf $data/index-*" -n "embeddings cached" "$eval_cmd" \
    --prepare "true" -n "index reused" "$eval_cmd"
  # Medians: on a shared machine one slow run moves the mean, not the median.
  python3 bench/medians.py "$WORK/startup-$(basename "$corpus").json" | tee "$WORK/startup-$(basename "$corpus").txt"
done

# One service per retrieval mode, on ports 8081-8083, asked in turn by the load client.
pids=()
port=8081
for mode in bm25 dense hybrid; do
  CITEQA_RETRIEVAL_MODE=$mode CITEQA_DATA_DIR="$WORK/data-corpus-$mode" QUARKUS_HTTP_PORT=$port CITEQA_HTTP_RATE_LIMIT_REQUESTS=0 \
    "$JAVA" -jar $JAR > "$WORK/service-$mode.log" 2>&1 &
  pids+=($!)
  port=$((port + 1))
done
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
for port in 8081 8082 8083; do
  until curl -sf "localhost:$port/q/health/ready" > /dev/null; do sleep 1; done
done
for questions in eval/questions.jsonl eval/seed-heldout.jsonl; do
  echo "== seed corpus, $questions"
  bench/java.sh dev.citeqa.bench.LoadGenerator --mode compare --questions "$questions" --runs 10 \
    --base bm25=http://127.0.0.1:8081 --base dense=http://127.0.0.1:8082 --base hybrid=http://127.0.0.1:8083 \
    | tee "$WORK/latency-$(basename "$questions" .jsonl).md"
done
