#!/usr/bin/env bash
# Incremental reindex on a 10,000-article corpus, behind docs/reliability.md. Needs a JDK 21+ in JAVA_HOME,
# python3 and curl. The first start embeds the whole corpus (several minutes); the measured part is editing
# one file and asking for a reindex, repeated.
#
#   bench/reindex.sh [hybrid|bm25] [runs] [copies]   # default: hybrid, 7 runs, 10 copies of eval/news1000
#
# Port 18200 (CITEQA_BENCH_PORT).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-hybrid}"
RUNS="${2:-7}"
COPIES="${3:-10}"
PORT="${CITEQA_BENCH_PORT:-18200}"
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
KEY=bench-key
WORK=target/bench-reindex
CORPUS="$WORK/news${COPIES}k"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q package -DskipTests
# A copy of the packaged service, so that a rebuild meanwhile does not pull the jars from under it.
rm -rf "$WORK/app" && mkdir -p "$WORK" && cp -r target/quarkus-app "$WORK/app"
python3 bench/multiply_corpus.py eval/news1000 "$CORPUS" "$COPIES"

CITEQA_RETRIEVAL_MODE=$MODE CITEQA_CORPUS_DIR="$CORPUS" CITEQA_DATA_DIR="$WORK/data-$MODE-$COPIES" CITEQA_API_KEY=$KEY \
  CITEQA_CORPUS_WATCH=false QUARKUS_HTTP_PORT=$PORT "$JAVA" -jar "$WORK/app/quarkus-run.jar" \
  > "$WORK/service-$MODE-$COPIES.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "localhost:$PORT/q/health/ready" > /dev/null; do
  kill -0 $pid 2>/dev/null || { echo "service exited; see $WORK/service-$MODE-$COPIES.log" >&2; exit 1; }
  sleep 2
done
curl -s "localhost:$PORT/q/health/ready"; echo

# Each run changes one article (a new last sentence) and times the reindex the admin endpoint reports.
edited="$(ls "$CORPUS" | sort | sed -n "$((COPIES * 500))p")"
cp "$CORPUS/$edited" "$WORK/original.txt"
: > "$WORK/durations-$MODE-$COPIES.txt"
for run in $(seq 1 "$RUNS"); do
  cp "$WORK/original.txt" "$CORPUS/$edited"
  echo "The board met again on day $run of the review and approved $run new grants." >> "$CORPUS/$edited"
  out="$(curl -s -X POST -H "Authorization: Bearer $KEY" -w ' wall=%{time_total}' "localhost:$PORT/api/admin/reindex")"
  echo "$out"
  echo "$out" | python3 -c 'import json,sys; print(json.loads(sys.stdin.read().rsplit(" wall=",1)[0])["durationMs"])' \
    >> "$WORK/durations-$MODE-$COPIES.txt"
done
cp "$WORK/original.txt" "$CORPUS/$edited"
python3 -c 'import statistics,sys; d=[int(x) for x in open(sys.argv[1])]; print(f"{sys.argv[2]}: median {statistics.median(d)} ms, min {min(d)}, max {max(d)}, {len(d)} runs")' \
  "$WORK/durations-$MODE-$COPIES.txt" "$MODE"
