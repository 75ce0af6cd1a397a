#!/usr/bin/env bash
# Starts or stops the single-node Apache Kafka broker (KRaft: broker and controller in one JVM, no ZooKeeper)
# of the Kafka suite (the Maven profile "kafka" in app/pom.xml) and of bench/run.sh --kafka.
#   start: resolves the broker's jars from Maven (pom.xml beside this script), formats a fresh log directory,
#          starts the broker on 127.0.0.1:$KAFKA_PORT (controller on $KAFKA_CONTROLLER_PORT) and waits until the
#          port accepts connections and the log says the broker started (at most $KAFKA_START_TIMEOUT s, default 180).
#   stop:  stops the broker started here (pid in $KAFKA_HOME/kafka.pid) and waits for it.
# Environment: KAFKA_HOME (a work directory, e.g. app/target/kafka), KAFKA_PORT, KAFKA_CONTROLLER_PORT,
#              KAFKA_PARTITIONS (default partitions of auto-created topics, default 4).
set -euo pipefail

: "${KAFKA_HOME:?KAFKA_HOME must name a work directory}"
here=$(cd "$(dirname "$0")" && pwd)
pid_file="$KAFKA_HOME/kafka.pid"
log_file="$KAFKA_HOME/kafka.log"
service=Kafka
# shellcheck source=../service.sh
source "$here/../service.sh"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"


listening() {
  (exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null
}

broker_started() {
  listening && grep -q 'Kafka Server started' "$log_file"
}

start() {
  : "${KAFKA_PORT:?}" "${KAFKA_CONTROLLER_PORT:?}"
  stop
  if listening; then
    echo "Port $KAFKA_PORT is taken: another broker runs there; stop it or choose another port" >&2
    exit 1
  fi
  mkdir -p "$KAFKA_HOME"
  local classpath_file="$KAFKA_HOME/classpath.txt"
  if [[ ! -s "$classpath_file" ]]; then
    mvn -B -q -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$classpath_file" >"$KAFKA_HOME/resolve.log" 2>&1 \
      || { echo "Could not resolve the Kafka broker's jars:" >&2; tail -n 30 "$KAFKA_HOME/resolve.log" >&2; exit 1; }
  fi
  local classpath
  classpath=$(cat "$classpath_file")
  rm -rf "$KAFKA_HOME/logs"
  mkdir -p "$KAFKA_HOME/logs"
  cat >"$KAFKA_HOME/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_HOME/logs
num.partitions=${KAFKA_PARTITIONS:-4}
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
  local cluster_id
  cluster_id=$("$java_bin" -cp "$classpath" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
  "$java_bin" -cp "$classpath" kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_HOME/server.properties" \
    >"$KAFKA_HOME/format.log" 2>&1 || { echo "Formatting the Kafka log directory failed:" >&2; cat "$KAFKA_HOME/format.log" >&2; exit 1; }
  echo "Starting Kafka on 127.0.0.1:$KAFKA_PORT (log: $log_file)"
  nohup "$java_bin" -Xms256m -Xmx512m -XX:+UseSerialGC -cp "$classpath" kafka.Kafka "$KAFKA_HOME/server.properties" \
    </dev/null >"$log_file" 2>&1 &
  echo $! >"$pid_file"
  await_start "${KAFKA_START_TIMEOUT:-180}" broker_started
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
