#!/usr/bin/env bash
# Load test behind docs/reliability.md: starts the packaged service on the seed corpus (port 18100, rate limit
# off, its own data folder), then asks POST /api/ask at a fixed rate for a fixed time with the load client's open
# mode (LoadGenerator --mode open, src/bench/java) and prints status counts, p50/p99 latency and the heap over time,
# plus the process's resident memory.
#
#   bench/load.sh [RATE_PER_SECOND=5] [SECONDS=60]
#
# Needs a JDK 21+ in JAVA_HOME. Exits non-zero on any 5xx or connection error.
set -euo pipefail
cd "$(dirname "$0")/.."
RATE="${1:-5}"
SECONDS_TO_RUN="${2:-60}"
PORT=18100
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q package -DskipTests
WORK=target/load
mkdir -p "$WORK"

"$JAVA" -Dquarkus.http.port=$PORT -Dciteqa.data.dir="$WORK/data" -Dciteqa.http.rate-limit.requests=0 \
  -Dquarkus.log.category.\"io.quarkus.http.access-log\".level=WARN \
  -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null || { echo "service did not become ready" >&2; exit 1; }

rss() { awk '/VmRSS/ {printf "%.0f MiB", $2 / 1024}' "/proc/$PID/status"; }
echo "RSS before: $(rss)"
status=0
bench/java.sh dev.citeqa.bench.LoadGenerator --mode open --base "http://127.0.0.1:$PORT" --rate "$RATE" \
  --seconds "$SECONDS_TO_RUN" || status=$?
echo "RSS after:  $(rss)"
exit $status
