#!/usr/bin/env bash
# Starts or stops the Keycloak of the Keycloak suite (the Maven profile "keycloak" in app/pom.xml).
#   start: fresh data directory, the project's realm imported, dev mode on 127.0.0.1:$KC_PORT; waits until
#          the realm's OIDC discovery document answers (at most $KC_START_TIMEOUT seconds, default 480: its first start builds it, which took 2 min alone at load average 30).
#   stop:  stops the Keycloak started here (its pid is in $KC_HOME/kreis-keycloak.pid) and waits for it.
# Environment: KC_HOME (the unpacked distribution), KC_PORT, KC_REALM_FILE, KC_ADMIN_PASSWORD (start only).
# Keycloak runs on the JDK of JAVA_HOME, or the java on the PATH; 26.x runs on Java 17.
set -euo pipefail

: "${KC_HOME:?KC_HOME must name the unpacked Keycloak distribution}"
pid_file="$KC_HOME/kreis-keycloak.pid"
log_file="$KC_HOME/keycloak.log"
service=Keycloak
# shellcheck source=../service.sh
source "$(cd "$(dirname "$0")" && pwd)/../service.sh"

answers() {
  # One HTTP GET with bash only: true once the realm's discovery document is served with 200.
  local status
  status=$( (exec 3<>"/dev/tcp/127.0.0.1/$KC_PORT" \
    && printf 'GET /realms/kreis/.well-known/openid-configuration HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 \
    && head -n 1 <&3) 2>/dev/null || true)
  [[ "$status" == *" 200 "* ]]
}

start() {
  : "${KC_PORT:?}" "${KC_REALM_FILE:?}" "${KC_ADMIN_PASSWORD:?}"
  stop # a Keycloak left over by an interrupted run
  if answers; then
    echo "Port $KC_PORT already serves a realm 'kreis': another Keycloak is running there; stop it or pass -Dkreis.keycloak.port=<free port>" >&2
    exit 1
  fi
  rm -rf "$KC_HOME/data"
  mkdir -p "$KC_HOME/data/import"
  cp "$KC_REALM_FILE" "$KC_HOME/data/import/"
  echo "Starting Keycloak on 127.0.0.1:$KC_PORT (log: $log_file)"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$KC_ADMIN_PASSWORD" \
    nohup "$KC_HOME/bin/kc.sh" start-dev --import-realm --http-host=127.0.0.1 --http-port="$KC_PORT" \
    --hostname-strict=false </dev/null >"$log_file" 2>&1 &
  echo $! >"$pid_file"
  await_start "${KC_START_TIMEOUT:-480}" answers
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
