#!/usr/bin/env bash
# Runs a benchmark tool of src/bench/java (compiled with the tests) on the test classpath, for instance the
# load client:
#
#   bench/java.sh dev.citeqa.bench.LoadGenerator --mode open --base http://127.0.0.1:8080 --rate 5 --seconds 10
#
# Compiles the tools if they are missing, and writes the classpath (target/bench/classpath.txt) if it is missing
# or older than pom.xml. Needs a JDK 21+ in JAVA_HOME.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
CLASSPATH_FILE=$ROOT/target/bench/classpath.txt
# In a subshell: the tool itself runs in the caller's folder, where its relative paths point.
(
  cd "$ROOT"
  [ -d target/test-classes/dev/citeqa/bench ] || ./mvnw -q -B test-compile
  if [ ! "$CLASSPATH_FILE" -nt pom.xml ]; then
    mkdir -p target/bench
    ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/deps.txt
    echo "$ROOT/target/test-classes:$ROOT/target/classes:$(cat target/bench/deps.txt)" > "$CLASSPATH_FILE"
  fi
)
exec "$JAVA" -cp "$(cat "$CLASSPATH_FILE")" "$@"
