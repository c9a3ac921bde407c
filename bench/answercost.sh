#!/usr/bin/env bash
# What a question costs on the seed corpus, two ways:
#  - the extractive answerer alone, in process (JMH `RetrievalBenchmark.answer*` in sample mode, so that the
#    median is printed; the seed questions, their passages retrieved and their vectors made in set-up);
#  - the packaged service in `bm25` mode under wrk at 8 connections, against the no-op `/q/health/live` and then
#    `/api/ask` with a question never asked before each time, ROUNDS rounds of each in turn so that both see
#    the same machine.
# Writes the "Answer cost" section of docs/benchmarks.md (between its markers) and prints the figures.
#
#   bench/answercost.sh [ROUNDS=3] [SECONDS=10] [MODE=bm25] [WARMUP=120]
#
# The ask path is large, and the JIT is still compiling it a minute into the load (about 1,700 requests/s at 80 s
# where 15 s gave 860, docs/benchmarks.md); WARMUP seconds of asks, in 10-s steps whose rates are printed, come
# before the rounds so that they measure the service as it runs for long.
#
# Needs a JDK 21+ in JAVA_HOME, wrk, python3 and curl. Port 18700 (SERVICE_PORT).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3} DURATION=${2:-10} MODE=${3:-bm25} WARMUP=${4:-120}
[[ $WARMUP =~ ^(0|[1-9][0-9]*0)$ ]] || { echo "WARMUP: whole seconds, a multiple of 10 (10 s steps)" >&2; exit 1; }
WORK=target/bench/answercost
rm -rf "$WORK" && mkdir -p "$WORK"
source bench/service.sh
[ -f "$SERVICE_JAR" ] || ./mvnw -q -B -DskipTests package
service_questions_lua "$WORK/questions.lua"

bench/java.sh org.openjdk.jmh.Main 'RetrievalBenchmark.answer' -f 1 -wi 3 -w 2s -i 5 -r 2s -bm sample -tu us \
  -rf json -rff "$WORK/jmh.json" -jvmArgsAppend "-Dbench.corpus=corpus -Dbench.data=$WORK/jmh-data \
  -Dbench.questions=eval/questions.jsonl,eval/seed-heldout.jsonl" > "$WORK/jmh.log"

trap 'service_stop > /dev/null' EXIT
service_start "$WORK/service.log" CITEQA_RETRIEVAL_MODE="$MODE" CITEQA_DATA_DIR="$WORK/data" \
  -- '-Dquarkus.log.category."io.quarkus.http.access-log".level=WARN'
service_wait /q/health/ready 300 > /dev/null
# Warm-up, not counted: the no-op briefly, then WARMUP seconds of asks (the JIT compiles the ask path for a minute
# or more), whose rates are kept for the section.
wrk -t2 -c8 -d5s "http://127.0.0.1:$SERVICE_PORT/q/health/live" > /dev/null
: > "$WORK/warmup.txt"
for step in $(seq 1 $(( WARMUP / 10 ))); do
  out=$(AB_RUN="warm$step$RANDOM" wrk -t2 -c8 -d10s -s "$WORK/questions.lua" "http://127.0.0.1:$SERVICE_PORT")
  if echo "$out" | grep -q "Non-2xx" || ! echo "$out" | grep -q "Requests/sec"; then echo "$out" >&2; exit 1; fi
  echo "$out" | awk '/Requests\/sec/ {printf "%.0f ", $2}' >> "$WORK/warmup.txt"
done
echo "warm-up, asks per second in each 10 s: $(cat "$WORK/warmup.txt")"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq 1 "$ROUNDS"); do
  for target in noop ask; do
    if [ $target = noop ]; then
      out=$(wrk -t2 -c8 -d"${DURATION}s" --latency "http://127.0.0.1:$SERVICE_PORT/q/health/live")
    else
      out=$(AB_RUN="r$round$RANDOM" wrk -t2 -c8 -d"${DURATION}s" --latency -s "$WORK/questions.lua" \
        "http://127.0.0.1:$SERVICE_PORT")
    fi
    if echo "$out" | grep -q "Non-2xx"; then echo "$out" >&2; exit 1; fi
    echo "$round $target $(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1 == "50%" {print $2}')" \
      | tee -a "$WORK/results.txt"
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$WORK/results.txt" "$WORK/jmh.json" "$ROUNDS" "$DURATION" "$MODE" "$load_before" "$load_after" "$WARMUP" \
  "$(cat "$WORK/warmup.txt")" <<'PY'
import datetime, json, os, statistics, subprocess, sys
results, jmh, rounds, duration, mode, before, after, warmup, curve = sys.argv[1:]
rows = [l.split() for l in open(results)]
stage = {b["benchmark"].rsplit(".", 1)[1]: b["primaryMetric"]["scorePercentiles"] for b in json.load(open(jmh))}

def ms(s):  # wrk prints 850.00us, 8.12ms or 1.02s
    for unit, factor in (("us", 0.001), ("ms", 1), ("s", 1000)):
        if s.endswith(unit):
            return float(s[:-len(unit)]) * factor

def med(target, col):
    return statistics.median(float(r[2]) if col == 2 else ms(r[3]) for r in rows if r[1] == target)

def runs(target):
    return " ".join(r[2] for r in rows if r[1] == target)

noop, ask = med("noop", 2), med("ask", 2)
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
java = subprocess.run(["sh", "-c", '"$JAVA_HOME/bin/java" -version 2>&1 | head -1'], capture_output=True,
                      text=True).stdout.strip()
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
stage_rows = "\n".join(f"| `{name}` | {p['50.0']:,.0f} | {p['90.0']:,.0f} | {p['99.0']:,.0f} |"
                       for name, p in sorted(stage.items()))
now = datetime.datetime.now(datetime.timezone.utc)
warmed = (f"{warmup} s of asks to warm the JIT up (requests/s in each 10 s of it: {', '.join(curve.split())})"
          if curve.split() else "no warm-up of asks")
section = f"""<!-- answer-cost:begin -->
## Answer cost

Written by `bench/answercost.sh`; do not edit by hand. Machine: {cpu}, {os.cpu_count()} cores, shared with other
work (load average {before} before the service runs, {after} after); {java}; commit {commit}.

The extractive answerer alone, in process, on the seed corpus and its single-turn questions
(`eval/questions.jsonl` and `eval/seed-heldout.jsonl`), their 8 passages retrieved and their vectors made in
set-up; the hybrid row's sentence vectors come from the cache after the first pass, as a repeated question's
do (a new question's first answer adds up to 16 sentence embeddings). JMH sample mode, one thread, µs per
question:

| benchmark | p50 | p90 | p99 |
|---|---|---|---|
{stage_rows}

The service on the seed corpus in `{mode}` mode, wrk at 8 connections (2 threads) for {duration} s on the no-op
`/q/health/live`, then on `/api/ask` with a question never asked before each time; {rounds} rounds in turn after
{warmed}, medians:

| endpoint | requests/s | p50 ms | each round |
|---|---|---|---|
| `/q/health/live` (no-op) | {noop:,.0f} | {med("noop", 3):.2f} | {runs("noop")} |
| `/api/ask` | {ask:,.0f} | {med("ask", 3):.2f} | {runs("ask")} |

Ask throughput is **{100 * ask / noop:.1f} %** of the no-op's in the same run.

*Measured {now:%Y-%m-%d %H:%M} UTC; command: `bench/answercost.sh {rounds} {duration} {mode} {warmup}`*
<!-- answer-cost:end -->"""
doc = open("docs/benchmarks.md").read()
begin, end = "<!-- answer-cost:begin -->", "<!-- answer-cost:end -->"
if begin in doc:
    doc = doc[:doc.index(begin)] + section + doc[doc.index(end) + len(end):]
else:
    doc = doc.rstrip("\n") + "\n\n" + section + "\n"
open("docs/benchmarks.md", "w").write(doc)
print(", ".join(f"{name} p50 {p['50.0']:.0f} us" for name, p in sorted(stage.items())))
print(f"ask {ask:.1f} req/s, no-op {noop:.1f} req/s: {100 * ask / noop:.1f} %")
PY
