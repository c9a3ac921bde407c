#!/usr/bin/env bash
# Two builds of the service side by side: each in turn serves the seed corpus (hybrid, the default) and takes
# distinct questions from wrk, one connection and then eight, for ROUNDS rounds; prints each round and the
# medians. Used for changes whose effect is smaller than this shared machine's drift (docs/performance.md).
#
#   bench/ab.sh A/quarkus-app B/quarkus-app [ROUNDS=3] [SECONDS=10]
#   AB_OPTS_B="--add-modules jdk.incubator.vector" bench/ab.sh target/quarkus-app target/quarkus-app
#
# AB_OPTS_A and AB_OPTS_B add JVM options to one side, to compare settings of one build. AB_WARMUP seconds of asks
# (8 connections, not counted) come first at every start, each round of each side; the default 0 compares the first
# seconds of a start, while the JIT still compiles the ask path (it settles after a minute or two: docs/benchmarks.md,
# "Answer cost").
# Needs a JDK 21+ in JAVA_HOME, wrk and curl (apt-get install wrk curl).
set -euo pipefail
cd "$(dirname "$0")/.."
A=$1 B=$2 ROUNDS=${3:-3} DURATION=${4:-10}
[[ ${AB_WARMUP:-0} =~ ^[0-9]+$ ]] || { echo "AB_WARMUP: whole seconds" >&2; exit 1; }
PORT=18300
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
WORK=target/ab
rm -rf "$WORK" && mkdir -p "$WORK"
source bench/service.sh
service_questions_lua "$WORK/questions.lua"

PID=""
stop() {
  if [ -n "$PID" ]; then kill "$PID" 2> /dev/null || true; wait "$PID" 2> /dev/null || true; fi
  PID=""
}
trap stop EXIT
for round in $(seq 1 "$ROUNDS"); do
  for side in A B; do
    app=$([ $side = A ] && echo "$A" || echo "$B")
    opts=$([ $side = A ] && echo "${AB_OPTS_A:-}" || echo "${AB_OPTS_B:-}")
    # shellcheck disable=SC2086 # options are words
    "$JAVA" $opts -Dquarkus.http.port=$PORT -Dciteqa.data.dir="$WORK/data-$side" -Dciteqa.http.rate-limit.requests=0 \
      -Dquarkus.log.category.\"io.quarkus.http.access-log\".level=WARN -jar "$app/quarkus-run.jar" \
      > "$WORK/service-$side.log" 2>&1 &
    PID=$!
    # As bench/run.sh waits: a service that exits or never gets ready stops the comparison, rather than
    # letting wrk measure connection errors.
    for _ in $(seq 1 240); do
      curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null && break
      kill -0 "$PID" 2> /dev/null || { echo "side $side exited, see $WORK/service-$side.log" >&2; exit 1; }
      sleep 0.5
    done
    curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null || { echo "side $side not ready" >&2; exit 1; }
    if [ "${AB_WARMUP:-0}" -gt 0 ]; then
      out=$(AB_RUN="warm$side$round$RANDOM" wrk -t1 -c8 -d"${AB_WARMUP}s" -s "$WORK/questions.lua" \
        "http://127.0.0.1:$PORT")
      if echo "$out" | grep -q "Non-2xx"; then echo "$out" >&2; exit 1; fi
    fi
    for c in 1 8; do
      out=$(AB_RUN="$side$round$c$RANDOM" wrk -t1 -c$c -d"${DURATION}s" --latency -s "$WORK/questions.lua" \
        "http://127.0.0.1:$PORT")
      if echo "$out" | grep -q "Non-2xx"; then echo "$out" >&2; exit 1; fi
      rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
      p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
      echo "$side $c $rps $p50" | tee -a "$WORK/results.txt"
    done
    stop
  done
done
python3 - "$WORK/results.txt" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
def ms(s):  # wrk prints 850.00us, 8.12ms or 1.02s
    for unit, factor in (("us", 0.001), ("ms", 1), ("s", 1000)):
        if s.endswith(unit):
            return float(s[:-len(unit)]) * factor
for c in ("1", "8"):
    a = [r for r in rows if r[0] == "A" and r[1] == c]
    b = [r for r in rows if r[0] == "B" and r[1] == c]
    ra, rb = statistics.median(float(r[2]) for r in a), statistics.median(float(r[2]) for r in b)
    la, lb = statistics.median(ms(r[3]) for r in a), statistics.median(ms(r[3]) for r in b)
    print(f"{c} connection(s): A {ra:.1f} req/s p50 {la:.1f} ms | B {rb:.1f} req/s p50 {lb:.1f} ms | B/A throughput {rb / ra:.2f}")
PY
