#!/bin/sh
# Runs the packaged service (target/quarkus-app, built by ./mvnw package) with the JDK 21+ that ./mvnw picks, so
# that an older default java does no harm here either. JVM options (-D…, -X…, -ea, --add-opens=…: one word each)
# come first, then the service's own arguments:
#
#   scripts/citeqa.sh -Dciteqa.retrieval.mode=bm25 eval --questions eval/questions.jsonl --mode bm25
set -eu
ROOT=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
JDK=$(MVNW_VERBOSE='' CITEQA_PRINT_JDK=1 "$ROOT/mvnw")
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
# Java reads file names in the locale's charset, and a container's default (C, POSIX) is ASCII: every article whose
# name has an accent would be skipped.
case "$(locale charmap 2>/dev/null)" in
UTF-8) ;;
*) export LC_ALL=C.UTF-8 ;;
esac
[ -f "$JAR" ] || { echo "$JAR is missing: build it first with ./mvnw -q package -DskipTests" >&2; exit 1; }
# The arguments again, with "-jar JAR" after the last leading JVM option: each stays one word, spaces and all.
n=$#
jar_placed=no
while [ "$n" -gt 0 ]; do
  a=$1
  shift
  n=$((n - 1))
  if [ "$jar_placed" = no ]; then
    case "$a" in
    -*) ;;
    *) set -- "$@" -jar "$JAR"; jar_placed=yes ;;
    esac
  fi
  set -- "$@" "$a"
done
[ "$jar_placed" = yes ] || set -- "$@" -jar "$JAR"
exec "$JDK/bin/java" "$@"
