#!/usr/bin/env bash
# Speed benchmarks behind docs/performance.md. Needs hyperfine (apt-get install hyperfine) and a JDK 21+ in
# JAVA_HOME. Takes about 15 minutes; run it on an otherwise idle machine if you can.
#
#   bench/run.sh            # all benchmarks
#
# 1. Start-up to first answer, on the seed corpus and on eval/news1000: with nothing cached (index and
#    embeddings built), with cached embeddings (index rebuilt), and with the index reused.
# 2. Request latency per retrieval mode over HTTP, with bench/latency.py.
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
  hyperfine --runs 3 --export-markdown "$WORK/startup-$(basename "$corpus").md" \
    --prepare "rm -rf $data" -n "nothing cached" "$eval_cmd" \
    --prepare "rm -rf $data/index-*" -n "embeddings cached" "$eval_cmd" \
    --prepare "true" -n "index reused" "$eval_cmd"
done

for mode in bm25 dense hybrid; do
  CITEQA_RETRIEVAL_MODE=$mode CITEQA_DATA_DIR="$WORK/data-corpus" "$JAVA" -jar $JAR > "$WORK/service-$mode.log" 2>&1 &
  pid=$!
  until curl -sf localhost:8080/q/health/ready > /dev/null; do sleep 1; done
  echo "== $mode, seed corpus, public questions"
  python3 bench/latency.py --questions eval/questions.jsonl --runs 5 | tee "$WORK/latency-$mode.txt"
  kill $pid
  wait $pid 2>/dev/null || true
done
