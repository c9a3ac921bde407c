#!/usr/bin/env bash
# Trains the extractive answerer's window scorer from labelled questions and writes
# src/main/resources/answerer/model.json (docs/evaluation.md, "The answerer's model").
#   scripts/train-answerer.sh [-Dciteqa.SETTING=VALUE ...] [--plan eval/answerer-training.json] [--out FILE]
#                             [--data DIR] [--without FEATURE,...] [--objective pairwise|pointwise]
#                             [--evaluate MODEL_FILE] [--thresholds MODEL_FILE]
# --evaluate reports what a model file does on both halves, and trains and writes nothing.
# --thresholds keeps a model file's weights, works out its abstention thresholds again by the same rule on
# today's retrieval, and writes the file to --out.
# A -Dciteqa.* setting changes the retrieval the training reads from; the model file records it.
# The plan names the training and held-out question sets; both are reported. The first run builds an index
# (with embeddings) of each corpus under --data (default target/train-data), which takes minutes per
# thousand articles; later runs reuse them.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/train-classpath.txt
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! "$java_bin" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  java_bin="$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | while read -r j; do
    "$j" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && echo "$j"; done | tail -1)"
fi
jvm=() args=()
for a in "$@"; do
  if [[ $a == -D* ]]; then jvm+=("$a"); else args+=("$a"); fi
done
exec "$java_bin" "${jvm[@]}" -cp "target/test-classes:target/classes:$(cat target/train-classpath.txt)" \
    dev.citeqa.answer.extractive.TrainAnswerer "${args[@]}"
