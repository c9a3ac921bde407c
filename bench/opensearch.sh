#!/usr/bin/env bash
# Embedded Lucene against a local two-node OpenSearch cluster, on eval/news1000, for docs/scaling.md:
#   1. ingest: the passages/s of copying the built index into the cluster (bulk API), three times;
#   2. request latency of /api/ask over HTTP, both services asked in turn by LoadGenerator --mode compare.
# Needs a JDK 21+ in JAVA_HOME; starts the cluster with scripts/opensearch-cluster.sh if it is not up.
#
#   bench/opensearch.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
HOSTS=http://127.0.0.1:19200,http://127.0.0.1:19201
WORK=target/bench-opensearch
CORPUS=eval/news1000
mkdir -p "$WORK"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests
JAR=target/quarkus-app/quarkus-run.jar
curl -sf -m 2 http://127.0.0.1:19200 > /dev/null || scripts/opensearch-cluster.sh start

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
serve() { # name port backend
  CITEQA_CORPUS_DIR=$CORPUS CITEQA_DATA_DIR="$WORK/data-$1" QUARKUS_HTTP_PORT=$2 CITEQA_HTTP_RATE_LIMIT_REQUESTS=0 CITEQA_RETRIEVAL_BACKEND=$3 \
    CITEQA_OPENSEARCH_HOSTS=$HOSTS CITEQA_OPENSEARCH_INDEX=citeqa-bench \
    nice -n 10 "$JAVA" -jar $JAR > "$WORK/service-$1.log" 2>&1 &
  pids+=($!)
  until curl -sf "localhost:$2/q/health/ready" > /dev/null; do sleep 1; done
}

# The Lucene service builds the index (and the embeddings, which the other service then reuses).
serve lucene 18401 lucene
grep -h "Built index\|Reusing index" "$WORK/service-lucene.log"
mkdir -p "$WORK/data-opensearch"
cp "$WORK"/data-lucene/embeddings-*.bin "$WORK/data-opensearch/"

# Ingest: each start finds no index in the cluster and copies all passages into a new one.
for run in 1 2 3; do
  curl -s -XDELETE "http://127.0.0.1:19200/citeqa-bench-*" > /dev/null
  serve opensearch 18402 opensearch
  until grep -q "Indexed .* passages" "$WORK/service-opensearch.log"; do sleep 1; done
  grep -h "Indexed .* passages" "$WORK/service-opensearch.log" | tee -a "$WORK/ingest.txt"
  if [ $run -lt 3 ]; then kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true; unset 'pids[-1]'; fi
done

echo "== $CORPUS, eval/news1000-questions.jsonl"
bench/java.sh dev.citeqa.bench.LoadGenerator --mode compare --questions eval/news1000-questions.jsonl --runs 5 \
  --base lucene=http://127.0.0.1:18401 --base opensearch=http://127.0.0.1:18402 | tee "$WORK/latency.md"
