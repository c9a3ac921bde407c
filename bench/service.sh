#!/usr/bin/env bash
# Starting and stopping the packaged service for the benchmark scripts; source it, do not run it.
#
#   source bench/service.sh
#   service_start LOG [NAME=VALUE ...] [-- JVM_OPTION ...]   # sets SERVICE_PID and SERVICE_STARTED_MS
#   service_wait PATH [SECONDS]     # waits for a 200 from PATH on SERVICE_PORT; prints ms since the start
#   service_rss_mb                  # the process's resident memory now, in MB
#   service_stop                    # SIGTERM, and waits; prints the ms it took to exit
#   service_questions_lua FILE      # a wrk script that POSTs distinct questions to /api/ask (see below)
#
# SERVICE_PORT (default 18700), SERVICE_JAR (default target/quarkus-app/quarkus-run.jar) and JAVA_HOME (a JDK
# 21+) are read from the environment. The service runs with the per-client rate limit off (one benchmark
# client makes many requests) and its output in LOG.

SERVICE_PORT=${SERVICE_PORT:-18700}
SERVICE_JAR=${SERVICE_JAR:-target/quarkus-app/quarkus-run.jar}
SERVICE_PID=""
SERVICE_STARTED_MS=0

service_now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

service_start() { # LOG [NAME=VALUE ...] [-- JVM_OPTION ...]
  local log=$1; shift
  local env=() jvm=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do env+=("$1"); shift; done
  [ "${1:-}" = "--" ] && shift
  jvm=("$@")
  SERVICE_STARTED_MS=$(service_now_ms)
  env "${env[@]}" QUARKUS_HTTP_PORT="$SERVICE_PORT" QUARKUS_HTTP_HOST=127.0.0.1 CITEQA_HTTP_RATE_LIMIT_REQUESTS=0 \
    "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java" "${jvm[@]}" -jar "$SERVICE_JAR" > "$log" 2>&1 &
  SERVICE_PID=$!
}

service_wait() { # PATH [SECONDS]
  local path=$1 limit=${2:-120}
  local deadline=$(( $(service_now_ms) + limit * 1000 ))
  until curl -sf -o /dev/null "http://127.0.0.1:$SERVICE_PORT$path"; do
    kill -0 "$SERVICE_PID" 2> /dev/null || { echo "the service exited" >&2; return 1; }
    [ "$(service_now_ms)" -lt "$deadline" ] || { echo "no 200 from $path within $limit s" >&2; return 1; }
    sleep 0.05
  done
  echo $(( $(service_now_ms) - SERVICE_STARTED_MS ))
}

service_rss_mb() {
  awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$SERVICE_PID/status" 2> /dev/null || echo 0
}

service_stop() {
  [ -n "$SERVICE_PID" ] || return 0
  local sent; sent=$(service_now_ms)
  kill "$SERVICE_PID" 2> /dev/null || true
  wait "$SERVICE_PID" 2> /dev/null || true
  echo $(( $(service_now_ms) - sent ))
  SERVICE_PID=""
}

# A wrk script posting questions about the seed corpus to /api/ask, each distinct: wrk runs no JSON library,
# so the questions go to Lua as a table, made distinct per request by a counter and the environment's AB_RUN.
service_questions_lua() { # FILE
  python3 - > "$1" <<'PY'
import glob, json, random, re
words = [w for f in sorted(glob.glob("corpus/*.txt")) for w in re.findall(r"[A-Za-z]+", open(f).read())]
random.seed(7)
qs = []
for _ in range(500):
    i = random.randrange(len(words) - 9)
    qs.append("What about " + " ".join(words[i:i + random.randint(5, 9)]) + "?")
print("questions = {" + ",".join(json.dumps(q) for q in qs) + "}")
PY
  cat >> "$1" <<'LUA'
-- Each wrk thread runs its own copy of this script, so the thread's number keeps two threads' questions apart.
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end
local n = 0
local run = os.getenv("AB_RUN") or ""
request = function()
  n = n + 1
  local body = '{"question":"' .. questions[n % #questions + 1] .. ' ' .. run .. '-' .. (id or 0) .. '-' .. n .. '"}'
  return wrk.format("POST", "/api/ask", {["Content-Type"] = "application/json"}, body)
end
LUA
}
