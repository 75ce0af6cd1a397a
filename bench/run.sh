#!/usr/bin/env bash
# Kreis benchmark: builds the app, starts it on PostgreSQL (database kreis_bench, port 18080),
# loads a deterministic data set over the HTTP API and compares the app with raw PostgreSQL.
# Writes bench/results/latest.json and prints a summary table. See docs/performance.md.
#
# usage: bench/run.sh [--kpi | --scale | --import | --sync | --ui] [--quick] [--kafka] [--no-build]
#   --quick     10,000 customers / 100,000 touchpoints, 15 s single-ingest, 500 timeline samples
#               (default: 100,000 / 1,000,000, 30 s, 2,000)
#   --kpi       the KPI scenario instead (database kreis_bench_kpi): 1,000,000 customers /
#               10,000,000 touchpoints loaded with COPY (--quick: 100,000 / 1,000,000); writes
#               bench/results/latest-kpi.json and merges its headline figures into latest.json
#   --scale     the scale scenario (database kreis_bench_scale, port 18600, app heap -Xmx8g): grows the KPI scenario's
#               data set with COPY through the sizes in KREIS_BENCH_SCALE_SIZES (default "1000000 10000000 30000000"
#               touchpoints, --quick "100000 1000000"; one customer per 10 touchpoints) and at each size measures the KPI
#               scenario (cold/warm, SQL cross-check; 10/20 samples), the timeline p99, the heap in use after a full GC,
#               the disk per million touchpoints and, after restarting the app, the time until it is at full speed;
#               writes bench/results/latest-scale.json after every size
#   --import    the bulk-import scenario instead (database kreis_bench_import, port 18800): loads the
#               customers, batch-ingests the touchpoints, then imports as many touchpoint rows and
#               100,000 profile rows (10 % sharing an earlier row's e-mail) as CSV files through
#               POST /api/v1/imports (--quick: 10,000 / 100,000 / 20,000); writes bench/results/latest-import.json
#   --sync      the connector sync scenario instead (database kreis_bench_sync, app port 19380, fake HubSpot
#               port 19381): loads 10,000 customers, batch-ingests 100,000 touchpoints, then syncs 100,000
#               contacts (100 per page) from a fake HubSpot in the load generator's process and an incremental
#               sync of 1,000 changed ones; writes bench/results/latest-sync.json (KREIS_BENCH_SYNC_CONTACTS,
#               KREIS_BENCH_SYNC_CHANGED, KREIS_BENCH_SYNC_PORT, KREIS_BENCH_SYNC_FAKE_PORT override)
#   --ui        the web UI scenario instead (database kreis_bench_ui, port 18900): loads 100,000 customers (profiles,
#               attributes, identifiers) and 1,000,000 touchpoints with COPY (step ui-data; --quick: 10,000 / 100,000), one
#               customer with KREIS_BENCH_UI_HEAVY touchpoints (default 5,000), waits for the KPI fold, then measures the
#               pages with bench/ui/vitals.mjs in Chromium (needs ui/node_modules: cd ui && npm ci); writes
#               bench/results/latest-ui.json
#   --kafka     also ingest through Kafka in the same run: starts a local Apache Kafka broker (KRaft,
#               app/src/test/kafka/kafka.sh, port $KREIS_BENCH_KAFKA_PORT, default 18092), runs the app with
#               kreis.ingest.kafka.enabled and, after the batch step, sends as many touchpoints again, one per
#               record, to kreis.touchpoints (figure ingest_kafka_per_s; docs/kafka.md)
#   --no-build  use the jars already in app/target and bench/target
#   KREIS_BENCH_PORT / KREIS_BENCH_DB override the app's port and the database (kreis_bench)
#
# Environment overrides: KREIS_BENCH_DB and KREIS_BENCH_PORT (another database and port, e.g. beside another run), KREIS_BENCH_IMPORT_PROFILES,
# KREIS_BENCH_IMPORT_BIG_MB (--import: size of the heap-test file, uploaded and followed until it ends or for at most
# KREIS_BENCH_IMPORT_BIG_SECONDS (3600), then cancelled; default 1024, 0 with --quick), KREIS_BENCH_CUSTOMERS, KREIS_BENCH_TOUCHPOINTS, KREIS_BENCH_SINGLE_SECONDS,
# KREIS_BENCH_TIMELINE_SAMPLES, KREIS_BENCH_TIMELINE_WARMUP (requests before the measured ones; 200 quick, 3,000 full), KREIS_BENCH_SEED, KREIS_BENCH_MVN_ARGS (extra mvn arguments, e.g. -o),
# KREIS_BENCH_FOLD_WAIT_S (how long a step waits for the KPI fold and the funnel's gap cells, default 3600; 30M needs more),
# KREIS_BENCH_CLIENT (the single and floor steps' load generator: wrk, the default, needs Debian's wrk; or java),
# BENCH_APP_JAVA_OPTS (extra JVM options for the app, e.g. -XX:StartFlightRecording=filename=app.jfr);
# for --kpi: KREIS_BENCH_KPI_COLD, KREIS_BENCH_KPI_WARM (samples per KPI and period; default 15/50 quick, 30/100 full).
# Exit status: 0 when the run is valid (targets may still be missed, see latest.json "targets_met"),
# 1 when a step failed or any touchpoint was rejected, 64 on a usage error.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage() { sed -n '2,40p' "$ROOT/bench/run.sh" | sed 's/^# \{0,1\}//'; }
cd "$ROOT"

MODE=full
BUILD=1
KPI=0
SCALE=0
IMPORT=0
SYNC=0
UI=0
KAFKA=0
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) MODE=quick ;;
        --kpi) KPI=1 ;;
        --scale) SCALE=1 ;;
        --import) IMPORT=1 ;;
        --sync) SYNC=1 ;;
        --ui) UI=1 ;;
        --kafka) KAFKA=1 ;;
        --no-build) BUILD=0 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 64 ;;
    esac
    shift
done

if [ "$MODE" = quick ]; then
    CUSTOMERS=${KREIS_BENCH_CUSTOMERS:-10000}
    TOUCHPOINTS=${KREIS_BENCH_TOUCHPOINTS:-100000}
    SINGLE_SECONDS=${KREIS_BENCH_SINGLE_SECONDS:-15}
    TIMELINE_SAMPLES=${KREIS_BENCH_TIMELINE_SAMPLES:-500}
    TIMELINE_WARMUP=${KREIS_BENCH_TIMELINE_WARMUP:-200}
else
    CUSTOMERS=${KREIS_BENCH_CUSTOMERS:-100000}
    TOUCHPOINTS=${KREIS_BENCH_TOUCHPOINTS:-1000000}
    SINGLE_SECONDS=${KREIS_BENCH_SINGLE_SECONDS:-30}
    TIMELINE_SAMPLES=${KREIS_BENCH_TIMELINE_SAMPLES:-2000}
    # A node in service has run its timeline code many times: after 200 warm-up requests the app was still warming
    # up during the measured ones (p99 9.5-11.9 ms against 5.5-7.8 ms after 3,000 on the same cached 10M database,
    # docs/performance.md "Where the timeline's p99 goes at 10M").
    TIMELINE_WARMUP=${KREIS_BENCH_TIMELINE_WARMUP:-3000}
fi
if [ "$KPI" = 1 ]; then
    if [ "$MODE" = quick ]; then
        CUSTOMERS=${KREIS_BENCH_CUSTOMERS:-100000}
        TOUCHPOINTS=${KREIS_BENCH_TOUCHPOINTS:-1000000}
        KPI_COLD=${KREIS_BENCH_KPI_COLD:-15}
        KPI_WARM=${KREIS_BENCH_KPI_WARM:-50}
    else
        CUSTOMERS=${KREIS_BENCH_CUSTOMERS:-1000000}
        TOUCHPOINTS=${KREIS_BENCH_TOUCHPOINTS:-10000000}
        KPI_COLD=${KREIS_BENCH_KPI_COLD:-30}
        KPI_WARM=${KREIS_BENCH_KPI_WARM:-100}
    fi
fi
if [ "$SCALE" = 1 ]; then
    if [ "$MODE" = quick ]; then
        SCALE_SIZES=${KREIS_BENCH_SCALE_SIZES:-100000 1000000}
    else
        SCALE_SIZES=${KREIS_BENCH_SCALE_SIZES:-1000000 10000000 30000000}
    fi
    KPI_COLD=${KREIS_BENCH_KPI_COLD:-10}
    KPI_WARM=${KREIS_BENCH_KPI_WARM:-20}
fi
if [ "$SYNC" = 1 ]; then
    CUSTOMERS=${KREIS_BENCH_CUSTOMERS:-10000}
    TOUCHPOINTS=${KREIS_BENCH_TOUCHPOINTS:-100000}
fi
if [ "$UI" = 1 ] && [ "$MODE" = quick ]; then
    CUSTOMERS=${KREIS_BENCH_CUSTOMERS:-10000}
    TOUCHPOINTS=${KREIS_BENCH_TOUCHPOINTS:-100000}
fi
SYNC_CONTACTS=${KREIS_BENCH_SYNC_CONTACTS:-100000}
SYNC_CHANGED=${KREIS_BENCH_SYNC_CHANGED:-1000}
IMPORT_PROFILES=${KREIS_BENCH_IMPORT_PROFILES:-$([ "$MODE" = quick ] && echo 20000 || echo 100000)}
SEED=${KREIS_BENCH_SEED:-20250301}
# The single and floor steps' load generator: wrk (Debian's package), a C client driven like pgbench (16 connections on
# 2 threads), or "java": the bench's own LeanHttp threads, which leave the app less of the cores (docs/performance.md).
LOAD_CLIENT=${KREIS_BENCH_CLIENT:-wrk}
case "$LOAD_CLIENT" in
    wrk) command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk), or set KREIS_BENCH_CLIENT=java" >&2; exit 1; } ;;
    java) ;;
    *) echo "bench: KREIS_BENCH_CLIENT must be wrk or java" >&2; exit 1 ;;
esac

export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
DB=kreis_bench
[ "$KPI" = 1 ] && DB=kreis_bench_kpi
[ "$SCALE" = 1 ] && DB=kreis_bench_scale
[ "$IMPORT" = 1 ] && DB=kreis_bench_import
[ "$SYNC" = 1 ] && DB=kreis_bench_sync
[ "$UI" = 1 ] && DB=kreis_bench_ui
DB=${KREIS_BENCH_DB:-$DB}
JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
PORT=18080
[ "$IMPORT" = 1 ] && PORT=18800
[ "$SCALE" = 1 ] && PORT=18600
[ "$SYNC" = 1 ] && PORT=${KREIS_BENCH_SYNC_PORT:-19380}
[ "$UI" = 1 ] && PORT=18900
PORT=${KREIS_BENCH_PORT:-$PORT}
KAFKA_PORT=${KREIS_BENCH_KAFKA_PORT:-18092}
KAFKA_TOUCHPOINTS=${KREIS_BENCH_KAFKA_TOUCHPOINTS:-$TOUCHPOINTS}
BASE_URL="http://127.0.0.1:$PORT"
RESULTS="$ROOT/bench/results"
WORK="$RESULTS/tmp"
APP_JAR="$ROOT/app/target/quarkus-app/quarkus-run.jar"
PGBENCH_CLIENTS=16

START=$(date +%s)
log() { printf '[%4ds] %s\n' "$(( $(date +%s) - START ))" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# --- 1. build -----------------------------------------------------------------------------------
BUILD_SECONDS=0
if [ "$BUILD" = 1 ]; then
    log "building app and bench (mvn package -pl app,bench -am)"
    # shellcheck disable=SC2086
    mvn -q -B -DskipTests ${KREIS_BENCH_MVN_ARGS:-} package -pl app,bench -am || die "build failed"
    BUILD_SECONDS=$(( $(date +%s) - START ))
fi
[ -f "$APP_JAR" ] || die "$APP_JAR missing; build first (run without --no-build)"
BENCH_JAR=$(ls "$ROOT"/bench/target/kreis-bench-*.jar 2>/dev/null | head -n 1 || true)
[ -n "$BENCH_JAR" ] && [ -d "$ROOT/bench/target/lib" ] || die "bench jar missing; build first (run without --no-build)"

# --- 2. database --------------------------------------------------------------------------------
if ! pg_isready -q; then
    log "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
    for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
    pg_isready -q || die "PostgreSQL does not answer on $PGHOST:$PGPORT"
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    die "port $PORT is already in use (an app left over from an earlier run?)"
fi
log "recreating database $DB"
dropdb --if-exists --force "$DB"
createdb "$DB"

rm -rf "$WORK"
mkdir -p "$WORK"
# Run private copies of the app and the load generator, so a rebuild of app/ or bench/ during the
# run cannot pull jars out from under them (the JVM loads classes lazily from the jars).
cp -r "$(dirname "$APP_JAR")" "$WORK/quarkus-app"
mkdir -p "$WORK/bench"
cp -r "$BENCH_JAR" "$ROOT/bench/target/lib" "$WORK/bench/"
BENCH_CP="$WORK/bench/$(basename "$BENCH_JAR"):$WORK/bench/lib/*"

# --- 3. app -------------------------------------------------------------------------------------
APP_PID=
AV_PID=
cleanup() {
    if [ -n "$AV_PID" ]; then
        kill "$AV_PID" 2>/dev/null || true
    fi
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        log "stopping app (pid $APP_PID)"
        kill "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 20); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
        kill -9 "$APP_PID" 2>/dev/null || true
    fi
    psql -q -d "$DB" -c "drop table if exists bench_copy_target, bench_single_target" >/dev/null 2>&1 || true
    if [ "$KAFKA" = 1 ]; then
        KAFKA_HOME="$WORK/kafka" bash "$ROOT/app/src/test/kafka/kafka.sh" stop >&2 || true
        rm -rf "$WORK/kafka/logs"
    fi
    rm -rf "$WORK/quarkus-app" "$WORK/bench"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The autovacuum daemon keeps planner statistics current in any real deployment. Where the server
# runs with autovacuum = off (as CI-style configurations do), the tables grow without statistics and
# the planner picks sequential scans for the app's lookups, which measures the configuration rather
# than the app. In that case run.sh does autovacuum's work itself: every 60 s (autovacuum_naptime's
# default) it analyzes, or vacuums and analyzes, each table past autovacuum's default thresholds.
AUTOVACUUM=$(psql -At -d "$DB" -c "show autovacuum")
AUTOVACUUM_DUE_SQL="select case when s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0)
           or s.n_ins_since_vacuum > 1000 + 0.2 * greatest(c.reltuples, 0)
         then 'vacuum (analyze) ' else 'analyze ' end || format('%I.%I', s.schemaname, s.relname)
    from pg_stat_user_tables s join pg_class c on c.oid = s.relid
   where s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)
      or s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0)
      or s.n_ins_since_vacuum > 1000 + 0.2 * greatest(c.reltuples, 0)"
autovacuum_stand_in() {
    while sleep 60; do
        psql -At -d "$DB" -c "$AUTOVACUUM_DUE_SQL" 2>/dev/null | while read -r statement; do
            printf '%s\t%s\n' "$(( $(date +%s) - START ))" "$statement" >> "$WORK/autovacuum.log"
            psql -q -d "$DB" -c "$statement" >/dev/null 2>&1 || true
        done
    done
}

APP_KAFKA_OPTS=
if [ "$KAFKA" = 1 ]; then
    log "starting Kafka on 127.0.0.1:$KAFKA_PORT (log: bench/results/tmp/kafka/kafka.log)"
    KAFKA_HOME="$WORK/kafka" KAFKA_PORT=$KAFKA_PORT KAFKA_CONTROLLER_PORT=$((KAFKA_PORT + 1)) \
        bash "$ROOT/app/src/test/kafka/kafka.sh" start >&2 || die "Kafka did not start"
    APP_KAFKA_OPTS="-Dkreis.ingest.kafka.enabled=true -Dkreis.ingest.kafka.bootstrap-servers=127.0.0.1:$KAFKA_PORT"
fi

# In the sync scenario the scheduler is off, so the benchmark's own runs are the only ones.
# The load generator authenticates with an API token issued by the bootstrap admin; the per-principal
# ingestion limit (10,000 items/s by default) is lifted, since the run measures how fast ingestion can go.
# With the in-memory customer index on (KREIS_KPIS_MEMORY_INDEX=true; off by default), the KPI scenario's
# first read after its bulk load waits until the index has reread everything (timed as index_catch_up_s);
# by default the database would answer that read while the index rereads in the background.
ADMIN_PASSWORD="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
APP_HEAP=${KREIS_BENCH_APP_HEAP:-$([ "$SCALE" = 1 ] && echo 8g || echo 2g)}
# Starts the app in the background (APP_PID; its log appended to bench/results/app.log) and waits until it is ready.
start_app() {
    KREIS_DB_KIND=postgresql KREIS_DB_URL="$JDBC_URL" KREIS_DB_USERNAME=postgres QUARKUS_HTTP_PORT=$PORT \
        KREIS_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
        KREIS_SECURITY_RATE_LIMIT_INGESTION_PER_SECOND=10000000 KREIS_SECURITY_RATE_LIMIT_INGESTION_BURST=10000000 \
        KREIS_KPIS_MEMORY_INDEX_READ_REFRESH_LIMIT=1000000000000 \
        KREIS_SYNC_SCHEDULER_ENABLED=$([ "$SYNC" = 1 ] && echo false || echo true) \
        KREIS_DATA_DIR="$WORK/data" \
        java -Xmx$APP_HEAP ${BENCH_APP_JAVA_OPTS:-} $APP_KAFKA_OPTS -jar "$WORK/quarkus-app/quarkus-run.jar" >> "$RESULTS/app.log" 2>&1 &
    APP_PID=$!
    local ready=0
    for _ in $(seq 1 240); do
        kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$RESULTS/app.log" >&2; die "app exited during start-up"; }
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/q/health/ready" || true)" = 200 ]; then
            ready=1
            break
        fi
        sleep 0.5
    done
    [ "$ready" = 1 ] || { tail -n 40 "$RESULTS/app.log" >&2; die "app not ready after 120 s"; }
}
stop_app() {
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
}
log "starting app on port $PORT (heap -Xmx$APP_HEAP; log: bench/results/app.log)"
: > "$RESULTS/app.log"
start_app
log "app ready"
KREIS_BENCH_TOKEN=$(curl -sf -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
    -d "{\"name\":\"bench\",\"roles\":[\"integration\"$([ "$KPI" = 1 ] || [ "$SCALE" = 1 ] && echo ',"viewer"')]}" "$BASE_URL/api/v1/tokens" \
    | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$KREIS_BENCH_TOKEN" ] || die "could not issue an API token for the load generator"
export KREIS_BENCH_TOKEN
export KREIS_BENCH_ADMIN_PASSWORD="$ADMIN_PASSWORD"
# /q/metrics (the import step's heap samples) answers admins only.
KREIS_BENCH_METRICS_AUTH="Basic $(printf 'admin:%s' "$ADMIN_PASSWORD" | base64 -w0)"
export KREIS_BENCH_METRICS_AUTH
if [ "$AUTOVACUUM" != on ]; then
    log "PostgreSQL runs with autovacuum = $AUTOVACUUM; run.sh analyzes/vacuums due tables every 60 s in its place"
    autovacuum_stand_in &
    AV_PID=$!
fi

# --- 4.-8. measurements -------------------------------------------------------------------------
bench() {
    java -Xmx1g -cp "$BENCH_CP" dev.kreis.bench.Main "$@" --base-url "$BASE_URL" \
        --jdbc-url "$JDBC_URL?user=postgres" --work-dir "$WORK" --seed "$SEED" --customers "$CUSTOMERS" \
        --wrk-dir "$ROOT/bench/wrk"
}
write_results() {
    bench results --mode "$MODE" --touchpoints "$TOUCHPOINTS" --out "$RESULTS/latest.json" \
        --pgbench-clients "$PGBENCH_CLIENTS" --build-seconds "$BUILD_SECONDS" \
        --autovacuum-stand-in "$([ -n "$AV_PID" ] && echo true || echo false)" \
        --run-seconds "$(( $(date +%s) - START ))"
}
# CPU seconds the app process has used so far (user + system), from /proc.
CLK_TCK=$(getconf CLK_TCK)
app_cpu() { awk -v t="$CLK_TCK" '{ printf "%.1f", ($14 + $15) / t }' "/proc/$APP_PID/stat" 2>/dev/null || echo 0; }
# Appends "step<TAB>seconds" to tmp/app_cpu.tsv (read by the results step).
record_app_cpu() {
    local name=$1 before=$2 after
    after=$(app_cpu)
    local used
    used=$(awk -v a="$after" -v b="$before" 'BEGIN { printf "%.1f", a - b }')
    log "  app used $used s CPU during $name"
    printf '%s\t%s\n' "$name" "$used" >> "$WORK/app_cpu.tsv"
}
step() {
    local name=$1 cpu_before
    shift
    log "step $name (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    cpu_before=$(app_cpu)
    if ! bench "$name" "$@"; then
        log "step $name failed; writing what was measured so far"
        write_results || true
        exit 1
    fi
    record_app_cpu "$name" "$cpu_before"
    log "  step $name done (load average $(cut -d' ' -f1-3 /proc/loadavg))"
}
checkpoint() { psql -q -d "$DB" -c checkpoint; }

if [ "$KPI" = 1 ]; then
    # The KPI scenario: COPY the data set into the migrated schema, wait for the fold, measure.
    log "step kpi ($CUSTOMERS customers, $TOUCHPOINTS touchpoints; log: bench/results/kpi.log)"
    rc=0
    bench kpi --mode "$MODE" --touchpoints "$TOUCHPOINTS" --cold-samples "$KPI_COLD" --warm-samples "$KPI_WARM" \
        --out "$RESULTS/latest-kpi.json" --merge-into "$RESULTS/latest.json" 2>&1 | tee "$RESULTS/kpi.log" >&2 || rc=$?
    log "done in $(( $(date +%s) - START )) s (build ${BUILD_SECONDS} s)"
    exit "$rc"
fi

if [ "$SCALE" = 1 ]; then
    # The scale scenario: grow one data set through the sizes; at each size the KPI scenario's measurements (no
    # freshness), the timeline, the heap after a full GC, the disk, then a restart timed to full speed.
    SCALE_DIR="$WORK/scale"
    prev_tp=0
    prev_customers=0
    for size in $SCALE_SIZES; do
        customers=$(( size / ${KREIS_BENCH_SCALE_TOUCHPOINTS_PER_CUSTOMER:-10} ))
        dir="$SCALE_DIR/$size"
        mkdir -p "$dir"
        log "scale $size: load to $customers customers and $size touchpoints, fold, KPIs (load average $(cut -d' ' -f1-3 /proc/loadavg))"
        CUSTOMERS=$customers
        bench kpi --mode "$MODE" --touchpoints "$size" --customers-from "$prev_customers" --touchpoints-from "$prev_tp" \
            --cold-samples "$KPI_COLD" --warm-samples "$KPI_WARM" --sql-repeats 1 --freshness false \
            --out "$dir/kpi.json" --merge-into "" 2>&1 | tee "$dir/kpi.log" >&2 || die "scale $size: kpi step failed"
        log "scale $size: timeline (load average $(cut -d' ' -f1-3 /proc/loadavg))"
        bench timeline --samples "$TIMELINE_SAMPLES" --warmup "$TIMELINE_WARMUP" --limit 50 || die "scale $size: timeline failed"
        mv "$WORK/timeline.json" "$dir/timeline.json"
        bench scale-probe --what disk || die "scale $size: disk probe failed"
        mv "$WORK/scale-disk.json" "$dir/"
        bench scale-probe --what heap --app-pid "$APP_PID" || die "scale $size: heap probe failed"
        mv "$WORK/scale-heap.json" "$dir/"
        log "scale $size: restarting the app"
        stop_app
        launched=$(date +%s%3N)
        start_app
        bench scale-probe --what restart --launched-at-ms "$launched" --steady "$dir/kpi.json" || die "scale $size: restart probe failed"
        mv "$WORK/scale-restart.json" "$dir/"
        bench scale-report --dir "$SCALE_DIR" --out "$RESULTS/latest-scale.json" \
            --machine "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, app -Xmx$APP_HEAP, $(psql -At -d "$DB" -c 'show server_version')"
        prev_tp=$size
        prev_customers=$customers
    done
    log "wrote bench/results/latest-scale.json; done in $(( $(date +%s) - START )) s (build ${BUILD_SECONDS} s)"
    exit 0
fi

if [ "$UI" = 1 ]; then
    # The web UI scenario: COPY the data set, wait for the fold, measure the pages in Chromium.
    # not step(): a failure here must not write the ingestion figures' latest.json
    log "step ui-data (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    bench ui-data --touchpoints "$TOUCHPOINTS" --heavy "${KREIS_BENCH_UI_HEAVY:-5000}" || die "step ui-data failed"
    HEAVY_ID=$(sed -n 's/.*"heavy_customer_id" *: *"\([^"]*\)".*/\1/p' "$WORK/ui-data.json")
    [ -n "$HEAVY_ID" ] || die "ui-data wrote no heavy customer id"
    log "step vitals (Chromium; customer 360 of $HEAVY_ID; load average $(cut -d' ' -f1-3 /proc/loadavg))"
    KREIS_BASE="$BASE_URL" KREIS_USER=admin KREIS_PASSWORD="$ADMIN_PASSWORD" BENCH_CUSTOMER_ID="$HEAVY_ID" \
        BENCH_DATA_FILE="$WORK/ui-data.json" node "$ROOT/bench/ui/vitals.mjs" >&2 || die "vitals failed"
    log "wrote bench/results/latest-ui.json; done in $(( $(date +%s) - START )) s (build ${BUILD_SECONDS} s)"
    exit 0
fi

if [ "$IMPORT" = 1 ]; then
    # The import scenario: the same customers and batch ingest as the main run, then the CSV imports.
    step profiles --clients 16
    checkpoint
    step batch --touchpoints "$TOUCHPOINTS" --batch-size 1000 --clients 4
    checkpoint
    step import --touchpoints "$TOUCHPOINTS" --profiles "$IMPORT_PROFILES" \
        --big-file-mb "${KREIS_BENCH_IMPORT_BIG_MB:-$([ "$MODE" = quick ] && echo 0 || echo 1024)}" \
        --big-file-seconds "${KREIS_BENCH_IMPORT_BIG_SECONDS:-3600}"
    cp "$WORK/import.json" "$RESULTS/latest-import.json"
    log "wrote bench/results/latest-import.json; done in $(( $(date +%s) - START )) s (build ${BUILD_SECONDS} s)"
    exit 0
fi

if [ "$SYNC" = 1 ]; then
    # The sync scenario: the batch ingest for comparison, then the connector sync from the fake HubSpot.
    step profiles --clients 16
    checkpoint
    step batch --touchpoints "$TOUCHPOINTS" --batch-size 1000 --clients 4
    checkpoint
    step sync --contacts "$SYNC_CONTACTS" --changed "$SYNC_CHANGED" --fake-port "${KREIS_BENCH_SYNC_FAKE_PORT:-19381}"
    cp "$WORK/sync.json" "$RESULTS/latest-sync.json"
    log "wrote bench/results/latest-sync.json; done in $(( $(date +%s) - START )) s (build ${BUILD_SECONDS} s)"
    exit 0
fi

step profiles --clients 16
checkpoint
step batch --touchpoints "$TOUCHPOINTS" --batch-size 1000 --clients 4
if [ "$KAFKA" = 1 ]; then
    checkpoint
    step kafka --touchpoints "$KAFKA_TOUCHPOINTS" --bootstrap "127.0.0.1:$KAFKA_PORT" --topic kreis.touchpoints
fi
step copy
step single --clients 16 --seconds "$SINGLE_SECONDS" --client "$LOAD_CLIENT"
step floor --clients 16 --seconds "$SINGLE_SECONDS" --client "$LOAD_CLIENT"

log "step pgbench ($PGBENCH_CLIENTS clients, $SINGLE_SECONDS s)"
PROFILE_ID=$(psql -At -d "$DB" -c "select id from profile order by id limit 1")
[ -n "$PROFILE_ID" ] || die "no profile in $DB"
psql -q -d "$DB" -v ON_ERROR_STOP=1 <<'SQL'
set client_min_messages = warning;
drop table if exists bench_single_target;
create table bench_single_target (like touchpoint including all);
alter table bench_single_target add constraint bench_single_target_profile_fk
    foreign key (profile_id) references profile (id);
-- On a partitioned touchpoint table (V1_80) LIKE leaves out the unique (source, external_id), kept in touchpoint_key:
-- the baseline gets it back, the same work as before partitioning.
do $$ begin if to_regclass('touchpoint_key') is not null then
    alter table bench_single_target add constraint bench_single_target_source_external unique (source, external_id);
end if; end $$;
checkpoint;
SQL
cpu_before=$(app_cpu)
pgbench -n -c "$PGBENCH_CLIENTS" -j 2 -T "$SINGLE_SECONDS" -D "pid=$PROFILE_ID" \
    -f "$ROOT/bench/pgbench/insert.sql" "$DB" > "$WORK/pgbench.log" 2>&1 || { cat "$WORK/pgbench.log" >&2; die "pgbench failed"; }
grep -E '^(number of (transactions actually processed|failed)|latency average|tps)' "$WORK/pgbench.log" | sed 's/^/  pgbench: /' >&2
record_app_cpu pgbench "$cpu_before"
psql -q -d "$DB" -c "drop table bench_single_target"

step timeline --samples "$TIMELINE_SAMPLES" --warmup "$TIMELINE_WARMUP" --limit 50

# --- 9. results ---------------------------------------------------------------------------------
log "writing bench/results/latest.json"
rc=0
write_results || rc=$?
log "done in $(( $(date +%s) - START )) s (build ${BUILD_SECONDS} s)"
exit "$rc"
