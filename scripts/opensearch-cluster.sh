#!/usr/bin/env bash
# A local two-node OpenSearch cluster for CiteQA's OpenSearch backend, from the same distribution and k-NN
# plugin the integration tests use (unpacked by Maven into target/opensearch).
#
#   scripts/opensearch-cluster.sh start    # nodes on http://127.0.0.1:19200 and :19201, waits until green
#   scripts/opensearch-cluster.sh stop
#   scripts/opensearch-cluster.sh status
#
# Node 0 is cluster manager and data node, node 1 a data node; each has a 512 MB heap. Data and logs go to
# target/opensearch-cluster. Security is not installed: bind to loopback only, as here.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}"
VERSION=$(sed -n 's:.*<opensearch.version>\(.*\)</opensearch.version>.*:\1:p' pom.xml)
KNN_VERSION=$(sed -n 's:.*<opensearch-knn.version>\(.*\)</opensearch-knn.version>.*:\1:p' pom.xml)
HOME_DIR="target/opensearch/opensearch-$VERSION"
WORK=target/opensearch-cluster
HTTP=(19200 19201)
TRANSPORT=(19300 19301)

health() { curl -s -m 5 "http://127.0.0.1:${HTTP[0]}/_cluster/health?$1" || true; }

start() {
  if [ ! -x "$HOME_DIR/bin/opensearch" ]; then
    ./mvnw -q -B dependency:unpack@unpack-opensearch dependency:copy@copy-opensearch-knn
  fi
  if [ ! -d "$HOME_DIR/plugins/opensearch-knn" ]; then
    OPENSEARCH_JAVA_HOME="$JAVA_HOME" "$HOME_DIR/bin/opensearch-plugin" install --batch \
      "file://$PWD/target/opensearch/opensearch-knn-$KNN_VERSION.zip"
  fi
  # OpenSearch refuses to run as root; as root, run it in a user namespace that maps root to an ordinary ID.
  local as_user=()
  if [ "$(id -u)" -eq 0 ]; then as_user=(unshare --user --map-user=1000 --map-group=1000); fi
  # Both nodes share the config folder; made first, the keystore is not raced for by two starting nodes.
  if [ ! -f "$HOME_DIR/config/opensearch.keystore" ]; then
    OPENSEARCH_JAVA_HOME="$JAVA_HOME" "${as_user[@]}" "$HOME_DIR/bin/opensearch-keystore" create
  fi
  for i in 0 1; do
    local dir="$WORK/node-$i" roles="data,ingest"
    [ "$i" -eq 0 ] && roles="cluster_manager,data,ingest"
    mkdir -p "$dir"
    OPENSEARCH_JAVA_HOME="$JAVA_HOME" OPENSEARCH_JAVA_OPTS="-Xms256m -Xmx512m" \
      nice -n 10 "${as_user[@]}" "$HOME_DIR/bin/opensearch" -d -p "$PWD/$dir/pid" \
      -E cluster.name=citeqa-local -E node.name="node-$i" -E node.roles="$roles" -E network.host=127.0.0.1 \
      -E http.port="${HTTP[$i]}" -E transport.port="${TRANSPORT[$i]}" \
      -E discovery.seed_hosts="127.0.0.1:${TRANSPORT[0]},127.0.0.1:${TRANSPORT[1]}" \
      -E cluster.initial_cluster_manager_nodes=node-0 \
      -E path.data="$PWD/$dir/data" -E path.logs="$PWD/$dir/logs" \
      -E cluster.routing.allocation.disk.threshold_enabled=false
  done
  echo "Waiting for a green cluster of two nodes..."
  for _ in $(seq 1 240); do
    if health "wait_for_status=green&wait_for_nodes=2&timeout=1s" | grep -q '"timed_out":false'; then
      echo "Cluster up: CITEQA_OPENSEARCH_HOSTS=http://127.0.0.1:${HTTP[0]},http://127.0.0.1:${HTTP[1]}"
      return 0
    fi
    sleep 1
  done
  echo "The cluster did not come up; see $WORK/node-*/logs" >&2
  return 1
}

stop() {
  for i in 1 0; do
    local pid_file="$WORK/node-$i/pid"
    if [ -f "$pid_file" ]; then
      local pid
      pid=$(cat "$pid_file")
      kill "$pid" 2>/dev/null || true
      while kill -0 "$pid" 2>/dev/null; do sleep 1; done
      rm -f "$pid_file" # OpenSearch removes it itself on a clean stop
    fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) health "" && echo ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
