#!/usr/bin/env bash
# Shared by keycloak.sh, kafka.sh and nodes/haproxy.sh (sourced, not run): stopping and awaiting a service started in the background.
# The caller sets pid_file and log_file and names the service in $service.

# Stops the service whose pid is in $pid_file: TERM, then KILL after 60 s; removes the pid file.
stop() {
  [[ -f "$pid_file" ]] || return 0
  local pid
  pid=$(cat "$pid_file")
  if kill -0 "$pid" 2>/dev/null; then
    echo "Stopping $service (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "$service did not stop within 60 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$pid_file"
}

# await_start TIMEOUT CHECK...: runs CHECK (a command) each second until it succeeds; fails with the end of the log if
# the service exits or TIMEOUT seconds pass (then it is stopped).
await_start() {
  local timeout=$1
  shift
  local started=$SECONDS
  until "$@"; do
    if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
      echo "$service exited during start; the end of $log_file:" >&2
      tail -n 40 "$log_file" >&2
      rm -f "$pid_file"
      exit 1
    fi
    if (( SECONDS - started > timeout )); then
      echo "$service did not start within $timeout s; the end of $log_file:" >&2
      tail -n 40 "$log_file" >&2
      stop
      exit 1
    fi
    sleep 1
  done
  echo "$service answers after $((SECONDS - started)) s"
}
