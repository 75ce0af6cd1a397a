#!/usr/bin/env bash
# The PostgreSQL streaming replica of the read-replica suite (the Maven profile "replica" in app/pom.xml,
# docs/postgresql.md#read-replica): a second local cluster made from the primary with pg_basebackup, no Docker.
#   start:  prepares the primary (below), makes a fresh base backup of it into $REPLICA_HOME/data
#           (pg_basebackup -R: a standby that streams from the primary), starts it on 127.0.0.1:$REPLICA_PORT and
#           waits until it streams (at most $REPLICA_START_TIMEOUT s, default 180).
#   stop:   stops the replica, keeping its data directory (resume starts it again).
#   resume: starts the stopped replica again; it catches up from the primary.
#   remove: stops the replica, drops its replication slot on the primary and deletes $REPLICA_HOME.
# The primary ($PRIMARY_HOST:$PRIMARY_PORT, default 127.0.0.1:5432, user postgres) needs wal_level replica or logical
# and max_wal_senders > 0 (PostgreSQL's defaults; changing them needs a restart, which this script never does), and a
# pg_hba.conf entry that lets 127.0.0.1 make replication connections: when there is none, "start" appends
#   host replication all 127.0.0.1/32 trust
# to the primary's pg_hba.conf and reloads it (once; it checks first). Run as root (the replica's commands then run as
# the user postgres) or as postgres. Environment: REPLICA_HOME (a directory the user postgres may write, default
# /tmp/kreis-replica-$REPLICA_PORT), REPLICA_PORT.
set -euo pipefail

: "${REPLICA_PORT:?REPLICA_PORT must name the port of the replica}"
REPLICA_HOME=${REPLICA_HOME:-/tmp/kreis-replica-$REPLICA_PORT}
PRIMARY_HOST=${PRIMARY_HOST:-127.0.0.1}
PRIMARY_PORT=${PRIMARY_PORT:-5432}
data="$REPLICA_HOME/data"
# A physical replication slot keeps the primary's WAL until the replica has it: without one a busy primary (several
# suites share it) removes WAL a paused or stopped replica still needs, and the replica can never catch up.
slot="kreis_replica_$REPLICA_PORT"
log_file="$REPLICA_HOME/replica.log"

as_postgres() {
  if [[ $(id -un) == postgres ]]; then
    "$@"
  elif [[ $(id -u) == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    echo "Run as root or as postgres: the replica's cluster belongs to the user postgres" >&2
    exit 1
  fi
}

primary_sql() {
  psql -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -d postgres -tAc "$1"
}

# The binaries of the primary's major version: a standby must run the same one.
pg_bin() {
  local major
  major=$(( $(primary_sql "show server_version_num") / 10000 ))
  local bin="/usr/lib/postgresql/$major/bin"
  [[ -x "$bin/pg_ctl" ]] || { echo "No PostgreSQL $major binaries in $bin (the primary's version)" >&2; exit 1; }
  echo "$bin"
}

prepare_primary() {
  local wal_level senders
  wal_level=$(primary_sql "show wal_level")
  senders=$(primary_sql "show max_wal_senders")
  if [[ $wal_level != replica && $wal_level != logical ]] || (( senders < 1 )); then
    echo "The primary has wal_level=$wal_level and max_wal_senders=$senders; a replica needs replica (or logical) and at least 1." >&2
    echo "Set them (ALTER SYSTEM SET wal_level = replica; ALTER SYSTEM SET max_wal_senders = 10) and restart the primary." >&2
    exit 1
  fi
  if psql "host=$PRIMARY_HOST port=$PRIMARY_PORT user=postgres replication=true" -tAc "IDENTIFY_SYSTEM" >/dev/null 2>&1; then
    return
  fi
  local hba
  hba=$(primary_sql "show hba_file")
  if ! grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba"; then
    echo "Allowing replication connections from 127.0.0.1 in $hba"
    printf '\n# Added by Kreis (app/src/test/replica/replica.sh): streaming replicas on this machine\nhost replication all 127.0.0.1/32 trust\n' >>"$hba"
  fi
  primary_sql "select pg_reload_conf()" >/dev/null
  for _ in $(seq 1 10); do
    psql "host=$PRIMARY_HOST port=$PRIMARY_PORT user=postgres replication=true" -tAc "IDENTIFY_SYSTEM" >/dev/null 2>&1 && return
    sleep 1
  done
  echo "The primary still refuses replication connections from 127.0.0.1; see $hba" >&2
  exit 1
}

running() {
  [[ -f "$data/postmaster.pid" ]] && as_postgres "$(pg_bin)/pg_ctl" -D "$data" status >/dev/null 2>&1
}

replica_sql() {
  psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -tAc "$1" 2>/dev/null
}

await_streaming() {
  local timeout=${REPLICA_START_TIMEOUT:-180} started=$SECONDS
  until [[ $(replica_sql "select status from pg_stat_wal_receiver") == streaming ]]; do
    if (( SECONDS - started > timeout )); then
      echo "The replica does not stream from the primary after $timeout s; the end of $log_file:" >&2
      tail -n 40 "$log_file" >&2
      exit 1
    fi
    sleep 1
  done
  echo "The replica on 127.0.0.1:$REPLICA_PORT streams from the primary after $((SECONDS - started)) s"
}

launch() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$REPLICA_PORT") 2>/dev/null; then
    echo "Port $REPLICA_PORT is taken; stop what runs there or choose another REPLICA_PORT" >&2
    exit 1
  fi
  as_postgres "$(pg_bin)/pg_ctl" -D "$data" -l "$log_file" -w -t 120 start >/dev/null
  await_streaming
}

start() {
  stop
  prepare_primary
  local bin
  bin=$(pg_bin)
  rm -rf "$REPLICA_HOME"
  mkdir -p "$REPLICA_HOME"
  chmod 700 "$REPLICA_HOME"
  [[ $(id -u) == 0 ]] && chown postgres:postgres "$REPLICA_HOME"
  drop_slot
  echo "Base backup of $PRIMARY_HOST:$PRIMARY_PORT into $data (replication slot $slot)"
  as_postgres "$bin/pg_basebackup" -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -D "$data" -R -X stream -c fast -C -S "$slot"
  # A hot standby needs these at least as high as on the primary. The primary's postgresql.conf may live outside its
  # data directory (Debian: /etc/postgresql), so the replica gets a configuration of its own.
  local setting conf="$data/postgresql.conf"
  {
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $REPLICA_PORT"
    echo "unix_socket_directories = '$REPLICA_HOME'"
    echo "hot_standby = on"
    echo "hot_standby_feedback = on"
    echo "shared_buffers = 32MB"
    for setting in max_connections max_worker_processes max_wal_senders max_prepared_transactions max_locks_per_transaction; do
      echo "$setting = $(primary_sql "show $setting")"
    done
  } | as_postgres tee "$conf" >/dev/null
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' | as_postgres tee "$data/pg_hba.conf" >/dev/null
  as_postgres touch "$data/pg_ident.conf"
  launch
}

stop() {
  [[ -d "$data" ]] || return 0
  if running; then
    echo "Stopping the replica on 127.0.0.1:$REPLICA_PORT"
    as_postgres "$(pg_bin)/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
  fi
}

# Drops the replica's slot, so that the primary no longer keeps WAL for it.
drop_slot() {
  primary_sql "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = '$slot' and not active" >/dev/null
}

resume() {
  [[ -d "$data" ]] || { echo "No replica in $data: use start" >&2; exit 1; }
  running || launch
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  resume) resume ;;
  remove) stop; drop_slot; rm -rf "$REPLICA_HOME" ;;
  *) echo "usage: $0 start|stop|resume|remove" >&2; exit 2 ;;
esac
