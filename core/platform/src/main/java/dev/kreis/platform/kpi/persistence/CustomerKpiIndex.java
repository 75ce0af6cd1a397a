package dev.kreis.platform.kpi.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.jboss.logging.Logger;

import dev.kreis.platform.kpi.ChurnAndRetention;
import dev.kreis.platform.kpi.Funnel;
import dev.kreis.platform.kpi.KpiConfig;
import dev.kreis.platform.kpi.Repurchase;
import dev.kreis.platform.kpi.RevenueRetention;
import dev.kreis.platform.kpi.persistence.KpiRollupQueries.Filter;
import dev.kreis.platform.kpi.persistence.KpiRollupQueries.MrrCohort;
import dev.kreis.platform.kpi.persistence.KpiRollupQueries.PeakEndSum;
import dev.kreis.platform.storage.Jdbc;
import dev.kreis.spi.touchpoint.JourneyPhase;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The per-customer rollup ({@code kpi_profile_day}) held in memory on each node, so the per-customer
 * KPIs (funnel, repurchase, peak-end, revenue retention, churn, CLV) aggregate per customer by
 * scanning arrays instead of grouping millions of rows in the database (ADR 0004, "in-memory customer
 * index"). It answers exactly what {@link KpiRollupQueries} answers from SQL; a test holds the two
 * to the same values on random data.
 *
 * <p>It is derived data, never written to: loaded in the background at start-up (until then the SQL
 * queries answer) and, before each computation, brought up to the database's state: the days
 * refolded since the fold generation it last read ({@code kpi_fold_day}) are reloaded, and the
 * profiles moved by merges and splits since the last identity change it saw (minus the fold overlap,
 * for late commits) get their current customer. Several nodes each keep their own copy this way.
 *
 * <p>Memory: about 30 bytes per {@code kpi_profile_day} row plus about 100 bytes per profile and per
 * customer; {@code kreis.kpis.memory-index=false} turns it off and leaves every query to SQL.
 */
@ApplicationScoped
public class CustomerKpiIndex {
    private static final Logger LOG = Logger.getLogger(CustomerKpiIndex.class);
    private static final String STATE = "touchpoints";
    private static final String COLUMNS = "d.profile_id, d.epoch_day, d.module, d.phase, d.phase_rank, d.orders, d.peak_30, d.peak_at,"
            + " d.peak_id, d.end_30, d.end_at, d.end_id, d.mrr, d.mrr_at, d.mrr_id";
    private static final String CLUSTER = "select p.id, p.customer_id, c.kind from profile p join customer c on c.id = p.customer_id";
    private static final int LOOKUP_CHUNK = 500;
    private static final int DAYS_PER_READ = 31;
    private static final int SPARE_SCRATCH = 2;

    private final Jdbc jdbc;
    private final KpiConfig config;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private final NavigableMap<Integer, IndexedDay> days = new TreeMap<>();
    private final Map<UUID, Integer> profiles = new HashMap<>();
    private final Map<UUID, Integer> customers = new HashMap<>();
    private final Map<String, Short> modules = new HashMap<>();
    private final Map<String, Byte> phases = new HashMap<>();
    private final Map<String, Byte> kinds = new HashMap<>();
    private int[] customerOf = new int[1024];
    private byte[] kindOf = new byte[1024];
    private final Object refreshing = new Object();
    private final java.util.concurrent.ConcurrentLinkedQueue<Scratch> spare = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile long generation;
    private volatile OffsetDateTime identityChanged;
    private volatile boolean ready;
    private volatile boolean catchingUp;
    private final java.util.concurrent.atomic.AtomicLong backgroundCatchUps = new java.util.concurrent.atomic.AtomicLong();
    private volatile Thread loader;

    CustomerKpiIndex(Jdbc jdbc, KpiConfig config) {
        this.jdbc = jdbc;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.memoryIndex()) {
            return;
        }
        Thread thread = new Thread(this::loadQuietly, "kreis-kpi-index-load");
        thread.setDaemon(true);
        loader = thread;
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        Thread thread = loader;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void loadQuietly() {
        try {
            long started = System.nanoTime();
            load();
            LOG.infof("KPI customer index loaded: %d days, %d profiles, %d customers in %d ms", days.size(), profiles.size(),
                    customers.size(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("The KPI customer index could not be loaded; per-customer KPIs are computed in the database", e);
        } finally {
            loader = null;
        }
    }

    /** Whether the index answers (loaded and enabled); until then callers use the SQL queries. */
    public boolean ready() {
        return ready;
    }

    /**
     * Loads everything: the clusters, then every day, a chunk of days at a time; the SQL queries answer
     * meanwhile ({@link #ready()} is false). Public for tests that need it loaded now.
     */
    public void load() {
        synchronized (refreshing) {
            ready = false;
            Version version = version();
            lock.writeLock().lock();
            try {
                days.clear();
                profiles.clear();
                customers.clear();
                jdbc.withConnection(connection -> {
                    stream(connection, CLUSTER, new Object[0], this::assign);
                    return null;
                });
            } finally {
                lock.writeLock().unlock();
            }
            reloadDays(jdbc.query("select distinct epoch_day from kpi_day_rollup", row -> row.getInt("epoch_day")));
            generation = version.generation();
            identityChanged = version.identityChanged();
            ready = true;
        }
    }

    /**
     * Brings the index up to the database's state (see the class comment): a few milliseconds when
     * little changed. Called before every computation, not by the fold job: during a bulk import
     * nobody pays for rereading days until somebody reads a KPI.
     */
    public void refresh() {
        if (!ready || catchingUp) {
            return;
        }
        Version version = version();
        if (isAt(version)) {
            return;
        }
        synchronized (refreshing) {
            if (isAt(version) || catchingUp) {
                return;
            }
            if (version.generation() != generation && touchpointsChangedAfter(generation) > config.memoryIndexReadRefreshLimit()) {
                catchUpInBackground();
                return;
            }
            apply(version);
        }
    }

    /** Whether a background catch-up is under way; meanwhile the SQL queries answer. */
    public boolean catchingUp() {
        return catchingUp;
    }

    /** How many background catch-ups this node has started. */
    public long backgroundCatchUps() {
        return backgroundCatchUps.get();
    }

    /** Touchpoints on the days refolded after {@code after}: what rereading them costs. */
    private long touchpointsChangedAfter(long after) {
        return jdbc.queryOne("select coalesce(sum(r.touchpoints), 0) as n from kpi_day_rollup r join kpi_fold_day f on f.epoch_day = r.epoch_day"
                + " where f.generation > ?", row -> row.getLong("n"), after).orElse(0L);
    }

    /**
     * Rereads a large change (a bulk import) on a thread of its own. Until it is done the index answers
     * nothing and the SQL queries answer, exact and current, so no read waits for the reread and no
     * answer mixes old and new days.
     */
    private void catchUpInBackground() {
        catchingUp = true;
        backgroundCatchUps.incrementAndGet();
        Thread thread = new Thread(() -> {
            try {
                long started = System.nanoTime();
                synchronized (refreshing) {
                    apply(version());
                }
                LOG.infof("KPI customer index caught up in the background in %d ms", (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warn("The KPI customer index could not catch up; the next KPI read tries again", e);
            } finally {
                catchingUp = false;
            }
        }, "kreis-kpi-index-catch-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Rereads the days changed and re-maps the profiles moved since the state the index is at, up to
     * {@code version}; call holding {@code refreshing}.
     */
    private void apply(Version version) {
        if (version.generation() != generation) {
            reloadDays(jdbc.query("select epoch_day from kpi_fold_day where generation > ?", row -> row.getInt("epoch_day"), generation));
            generation = version.generation();
        }
        if (!Objects.equals(version.identityChanged(), identityChanged)) {
            OffsetDateTime since = identityChanged == null ? OffsetDateTime.parse("1970-01-01T00:00:00Z")
                    : identityChanged.minus(config.foldOverlap());
            List<Object[]> moved = jdbc.query(CLUSTER + " where p.id in (select iep.profile_id from identity_event_profile iep"
                    + " join identity_event e on e.id = iep.event_id where e.occurred_at > ?)",
                    row -> new Object[] { Jdbc.uuid(row, "id"), Jdbc.uuid(row, "customer_id"), row.getString("kind") }, since);
            lock.writeLock().lock();
            try {
                moved.forEach(m -> assign((UUID) m[0], (UUID) m[1], (String) m[2]));
            } finally {
                lock.writeLock().unlock();
            }
            identityChanged = version.identityChanged();
        }
    }

    private boolean isAt(Version version) {
        return version.generation() == generation && Objects.equals(version.identityChanged(), identityChanged);
    }

    /** Rereads the given days, {@code DAYS_PER_READ} at a time: rows are read without the lock, then put in place under it. */
    private void reloadDays(Collection<Integer> changed) {
        List<Integer> pending = new ArrayList<>(changed);
        long started = System.nanoTime();
        long rows = 0;
        for (int from = 0; from < pending.size(); from += DAYS_PER_READ) {
            List<Integer> chunk = pending.subList(from, Math.min(pending.size(), from + DAYS_PER_READ));
            Map<Integer, List<IndexedDay.Row>> byDay = new TreeMap<>();
            chunk.forEach(day -> byDay.put(day, new ArrayList<>()));
            jdbc.withConnection(connection -> {
                stream(connection, "select " + COLUMNS + " from kpi_profile_day d where d.epoch_day in (" + Jdbc.markers(chunk.size()) + ")",
                        chunk.toArray(), row -> byDay.get(row.getInt("epoch_day")).add(readRow(row)));
                return null;
            });
            resolveNewProfiles(byDay);
            lock.writeLock().lock();
            try {
                byDay.forEach((day, dayRows) -> {
                    dayRows.forEach(this::encode);
                    dayRows.removeIf(r -> r.profile < 0);
                    if (dayRows.isEmpty()) {
                        days.remove(day);
                    } else {
                        days.put(day, IndexedDay.of(dayRows));
                    }
                });
            } finally {
                lock.writeLock().unlock();
            }
            rows += byDay.values().stream().mapToLong(List::size).sum();
        }
        if (pending.size() > DAYS_PER_READ) {
            LOG.infof("KPI customer index: reloaded %d days (%d rows) in %d ms", pending.size(), rows, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private record Version(long generation, OffsetDateTime identityChanged) {
    }

    private Version version() {
        long fold = jdbc.queryOne("select generation from kpi_fold_state where id = ?", row -> row.getLong("generation"), STATE).orElse(0L);
        List<OffsetDateTime> latest = jdbc.query("select max(occurred_at) as latest from identity_event", row -> Jdbc.time(row, "latest"));
        return new Version(fold, latest.isEmpty() ? null : latest.get(0));
    }

    private interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }

    /** Streams a large result (a cursor on PostgreSQL, which needs autocommit off for it). */
    private static void stream(Connection connection, String sql, Object[] params, RowConsumer consumer) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        boolean ownTransaction = autoCommit;
        if (ownTransaction) {
            connection.setAutoCommit(false);
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(10_000);
            Jdbc.bind(statement, params);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    consumer.accept(row);
                }
            }
        } finally {
            if (ownTransaction) {
                connection.commit();
                connection.setAutoCommit(true);
            }
        }
    }

    private void assign(ResultSet row) throws SQLException {
        assign(Jdbc.uuid(row, "id"), Jdbc.uuid(row, "customer_id"), row.getString("kind"));
    }

    /** Puts a profile in its customer; call under the write lock. */
    private void assign(UUID profile, UUID customer, String kind) {
        int c = customers.computeIfAbsent(customer, id -> customers.size());
        if (c >= kindOf.length) {
            kindOf = Arrays.copyOf(kindOf, Math.max(c + 1, kindOf.length * 2));
        }
        kindOf[c] = kinds.computeIfAbsent(kind, k -> (byte) kinds.size());
        int p = profiles.computeIfAbsent(profile, id -> profiles.size());
        if (p >= customerOf.length) {
            customerOf = Arrays.copyOf(customerOf, Math.max(p + 1, customerOf.length * 2));
        }
        customerOf[p] = c;
    }

    private static IndexedDay.Row readRow(ResultSet row) throws SQLException {
        IndexedDay.Row r = new IndexedDay.Row();
        r.profileId = Jdbc.uuid(row, "profile_id");
        r.moduleName = row.getString("module");
        r.phaseName = row.getString("phase");
        r.rank = (byte) row.getInt("phase_rank");
        r.orders = row.getInt("orders");
        BigDecimal peak = row.getBigDecimal("peak_30");
        if (peak != null) {
            r.peak(peak, Jdbc.time(row, "peak_at"), Jdbc.uuid(row, "peak_id"));
            r.end(row.getBigDecimal("end_30"), Jdbc.time(row, "end_at"), Jdbc.uuid(row, "end_id"));
        }
        BigDecimal mrr = row.getBigDecimal("mrr");
        if (mrr != null) {
            r.mrr(mrr, Jdbc.time(row, "mrr_at"), Jdbc.uuid(row, "mrr_id"));
        }
        return r;
    }

    /** Codes a row's profile, module and phase; call under the write lock. A profile the index does not know is -1. */
    private void encode(IndexedDay.Row r) {
        Integer p = profiles.get(r.profileId);
        r.profile = p == null ? -1 : p;
        r.module = modules.computeIfAbsent(r.moduleName, m -> (short) modules.size());
        r.phase = phases.computeIfAbsent(r.phaseName, ph -> (byte) phases.size());
    }

    /** Looks up the customers of profiles created after the clusters were read (rows of profiles that no longer exist are dropped later). */
    private void resolveNewProfiles(Map<Integer, List<IndexedDay.Row>> byDay) {
        Set<UUID> unknown = new LinkedHashSet<>();
        lock.readLock().lock();
        try {
            byDay.values().forEach(rows -> rows.forEach(r -> {
                if (!profiles.containsKey(r.profileId)) {
                    unknown.add(r.profileId);
                }
            }));
        } finally {
            lock.readLock().unlock();
        }
        List<UUID> pending = new ArrayList<>(unknown);
        for (int from = 0; from < pending.size(); from += LOOKUP_CHUNK) {
            List<UUID> chunk = pending.subList(from, Math.min(pending.size(), from + LOOKUP_CHUNK));
            List<Object[]> found = jdbc.query(CLUSTER + " where p.id in (" + Jdbc.markers(chunk.size()) + ")",
                    row -> new Object[] { Jdbc.uuid(row, "id"), Jdbc.uuid(row, "customer_id"), row.getString("kind") }, chunk.toArray());
            lock.writeLock().lock();
            try {
                found.forEach(f -> assign((UUID) f[0], (UUID) f[1], (String) f[2]));
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /** The filter's module, phase and customer kind as codes: -1 for "any", -2 for a value no row has. */
    private record Codes(int module, int phase, int kind) {
        boolean row(IndexedDay day, int r) {
            return (module == -1 || day.module[r] == module) && (phase == -1 || day.phase[r] == phase);
        }

        boolean customer(byte[] kindOf, int c) {
            return kind == -1 || kindOf[c] == kind;
        }
    }

    private Codes codes(Filter filter) {
        return new Codes(code(modules, filter.module()), code(phases, filter.phase()), code(kinds, filter.customerKind()));
    }

    private static int code(Map<String, ? extends Number> dictionary, String value) {
        if (value == null) {
            return -1;
        }
        Number code = dictionary.get(value);
        return code == null ? -2 : code.intValue();
    }

    /**
     * Runs a computation on the current state: refreshed first, then read under the read lock, with
     * per-customer work arrays from the pool (a few megabytes each at a million customers; reusing
     * them keeps such arrays from being allocated, and collected, on every request).
     */
    private <T> Optional<T> read(java.util.function.Function<Scratch, T> computation) {
        if (!ready) {
            return Optional.empty();
        }
        refresh();
        lock.readLock().lock();
        try {
            if (catchingUp) {
                return Optional.empty();
            }
            Scratch scratch = scratchFor(customers.size());
            try {
                return Optional.of(computation.apply(scratch));
            } finally {
                if (spare.size() < SPARE_SCRATCH) {
                    spare.offer(scratch);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    private Scratch scratchFor(int customerCount) {
        Scratch scratch = spare.poll();
        while (scratch != null && scratch.capacity() < customerCount) {
            scratch = spare.poll();
        }
        return scratch != null ? scratch : new Scratch(customerCount + customerCount / 8 + 1024);
    }

    /**
     * Per-customer work arrays of one computation. Each computation first resets the arrays it relies
     * on (a fill of a few megabytes, well under a millisecond) and, between buckets, the entries of the
     * customers it touched; {@code seenIn} uses a stamp that grows with every bucket.
     */
    private static final class Scratch {
        final byte[] furthest;
        final int[] touched;
        final IndexedDay[] peakDay;
        final int[] peakRow;
        final IndexedDay[] endDay;
        final int[] endRow;
        final long[] current;
        final long[] atStart;
        final int[] seenIn;
        int stamp;

        Scratch(int capacity) {
            furthest = new byte[capacity];
            touched = new int[capacity];
            peakDay = new IndexedDay[capacity];
            peakRow = new int[capacity];
            endDay = new IndexedDay[capacity];
            endRow = new int[capacity];
            current = new long[capacity];
            atStart = new long[capacity];
            seenIn = new int[capacity];
        }

        int capacity() {
            return touched.length;
        }
    }

    /** As {@link KpiRollupQueries#funnel(Filter, int[])}. */
    public Optional<List<Funnel>> funnel(Filter filter, int[] bounds) {
        return read(scratch -> {
            Codes codes = codes(filter);
            int phaseCount = JourneyPhase.values().length;
            byte[] furthest = scratch.furthest;
            Arrays.fill(furthest, 0, customers.size(), (byte) -1);
            int[] touched = scratch.touched;
            List<Funnel> funnels = new ArrayList<>();
            for (int b = 0; b + 1 < bounds.length; b++) {
                int count = 0;
                for (IndexedDay day : days.subMap(bounds[b], true, bounds[b + 1], false).values()) {
                    for (int r = 0; r < day.size; r++) {
                        byte rank = day.rank[r];
                        if (rank < 0 || !codes.row(day, r)) {
                            continue;
                        }
                        int c = customerOf[day.profile[r]];
                        if (!codes.customer(kindOf, c)) {
                            continue;
                        }
                        if (furthest[c] < 0) {
                            touched[count++] = c;
                        }
                        if (rank > furthest[c]) {
                            furthest[c] = rank;
                        }
                    }
                }
                long[] atPhase = new long[phaseCount];
                for (int i = 0; i < count; i++) {
                    atPhase[furthest[touched[i]]]++;
                    furthest[touched[i]] = -1;
                }
                funnels.add(Funnel.ofFurthestPhaseCounts(atPhase));
            }
            return funnels;
        });
    }

    /** As {@link KpiRollupQueries#repurchase(Filter, int[])}. */
    public Optional<List<Repurchase>> repurchase(Filter filter, int[] bounds) {
        return read(scratch -> {
            Codes codes = codes(filter);
            long[] orders = scratch.current;
            Arrays.fill(orders, 0, customers.size(), 0L);
            int[] touched = scratch.touched;
            List<Repurchase> buckets = new ArrayList<>();
            for (int b = 0; b + 1 < bounds.length; b++) {
                int count = 0;
                for (IndexedDay day : days.subMap(bounds[b], true, bounds[b + 1], false).values()) {
                    for (int r = 0; r < day.size; r++) {
                        if (day.orders[r] <= 0 || !codes.row(day, r)) {
                            continue;
                        }
                        int c = customerOf[day.profile[r]];
                        if (!codes.customer(kindOf, c)) {
                            continue;
                        }
                        if (orders[c] == 0) {
                            touched[count++] = c;
                        }
                        orders[c] += day.orders[r];
                    }
                }
                long repeat = 0;
                for (int i = 0; i < count; i++) {
                    repeat += orders[touched[i]] >= 2 ? 1 : 0;
                    orders[touched[i]] = 0;
                }
                buckets.add(new Repurchase(count, repeat));
            }
            return buckets;
        });
    }

    /** As {@link KpiRollupQueries#peakEnd(Filter, int[])}. */
    public Optional<List<PeakEndSum>> peakEnd(Filter filter, int[] bounds) {
        return read(scratch -> {
            Codes codes = codes(filter);
            IndexedDay[] peakDay = scratch.peakDay;
            Arrays.fill(peakDay, 0, customers.size(), null);
            int[] peakRow = scratch.peakRow;
            IndexedDay[] endDay = scratch.endDay;
            int[] endRow = scratch.endRow;
            long[] peakKey = scratch.current;
            long[] endKey = scratch.atStart;
            int[] touched = scratch.touched;
            List<PeakEndSum> buckets = new ArrayList<>();
            for (int b = 0; b + 1 < bounds.length; b++) {
                int count = 0;
                for (IndexedDay day : days.subMap(bounds[b], true, bounds[b + 1], false).values()) {
                    for (int s = 0; s < day.scoredRow.length; s++) {
                        int r = day.scoredRow[s];
                        if (!codes.row(day, r)) {
                            continue;
                        }
                        int c = customerOf[day.profile[r]];
                        if (!codes.customer(kindOf, c)) {
                            continue;
                        }
                        long key = day.peakKey[s];
                        long endAt = day.endAt[s];
                        if (peakDay[c] == null) {
                            touched[count++] = c;
                            peakDay[c] = day;
                            peakRow[c] = s;
                            peakKey[c] = key;
                            endDay[c] = day;
                            endRow[c] = s;
                            endKey[c] = endAt;
                            continue;
                        }
                        if (key > peakKey[c] || key == peakKey[c] && day.peakBeats(s, peakDay[c], peakRow[c])) {
                            peakDay[c] = day;
                            peakRow[c] = s;
                            peakKey[c] = key;
                        }
                        if (endAt > endKey[c] || endAt == endKey[c] && day.endBeats(s, endDay[c], endRow[c])) {
                            endDay[c] = day;
                            endRow[c] = s;
                            endKey[c] = endAt;
                        }
                    }
                }
                long total = 0;
                for (int i = 0; i < count; i++) {
                    int c = touched[i];
                    total += peakDay[c].peak[peakRow[c]] + endDay[c].end[endRow[c]];
                    peakDay[c] = null;
                }
                buckets.add(new PeakEndSum(count, IndexedDay.unscaled(total)));
            }
            return buckets;
        });
    }

    /** As {@link KpiRollupQueries#mrrCohort(Filter, int[])}: every customer's MRR replayed in order up to the last bound. */
    public Optional<List<MrrCohort>> mrrCohort(Filter filter, int[] bounds) {
        return read(scratch -> {
            Codes codes = new Codes(-1, -1, code(kinds, filter.customerKind()));
            long[] current = scratch.current;
            Arrays.fill(current, 0, customers.size(), 0L);
            long[] atStart = scratch.atStart;
            int[] seenIn = scratch.seenIn;
            int[] touched = scratch.touched;
            List<MrrCohort> cohorts = new ArrayList<>();
            long paying = 0;
            long total = 0;
            int bucket = -1;
            long payingAtStart = 0;
            long mrrAtStart = 0;
            int count = 0;
            for (Map.Entry<Integer, IndexedDay> entry : days.headMap(bounds[bounds.length - 1], false).entrySet()) {
                int dayBucket = bucketOf(entry.getKey(), bounds);
                while (bucket < dayBucket) {
                    if (bucket >= 0) {
                        cohorts.add(cohort(payingAtStart, mrrAtStart, paying, current, atStart, touched, count));
                        count = 0;
                    }
                    bucket++;
                    scratch.stamp++;
                    payingAtStart = paying;
                    mrrAtStart = total;
                }
                IndexedDay day = entry.getValue();
                for (int m = 0; m < day.mrrRow.length; m++) {
                    int c = customerOf[day.profile[day.mrrRow[m]]];
                    if (!codes.customer(kindOf, c)) {
                        continue;
                    }
                    if (bucket >= 0 && seenIn[c] != scratch.stamp) {
                        seenIn[c] = scratch.stamp;
                        atStart[c] = current[c];
                        touched[count++] = c;
                    }
                    long before = current[c];
                    long after = day.mrr[m];
                    paying += (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
                    total += after - before;
                    current[c] = after;
                }
            }
            while (cohorts.size() < bounds.length - 1) {
                if (bucket >= 0) {
                    cohorts.add(cohort(payingAtStart, mrrAtStart, paying, current, atStart, touched, count));
                    count = 0;
                }
                bucket++;
                payingAtStart = paying;
                mrrAtStart = total;
            }
            return cohorts;
        });
    }

    /** -1 before the first bound, else the bucket {@code [bounds[i], bounds[i + 1])} the day falls in. */
    private static int bucketOf(int day, int[] bounds) {
        int i = Arrays.binarySearch(bounds, day);
        return i >= 0 ? i : -i - 2;
    }

    private static MrrCohort cohort(long payingAtStart, long mrrAtStart, long payingAtEnd, long[] current, long[] atStart, int[] touched,
            int count) {
        long expansion = 0;
        long contraction = 0;
        long churned = 0;
        long fresh = 0;
        for (int i = 0; i < count; i++) {
            int c = touched[i];
            long st = atStart[c];
            long en = current[c];
            if (st > 0 && en > st) {
                expansion += en - st;
            } else if (st > 0 && en > 0 && en < st) {
                contraction += st - en;
            } else if (st > 0 && en == 0) {
                churned += st;
            }
            if (en > 0 && st == 0) {
                fresh++;
            }
        }
        RevenueRetention retention = payingAtStart == 0 ? RevenueRetention.none()
                : new RevenueRetention(payingAtStart, IndexedDay.unscaled(mrrAtStart), IndexedDay.unscaled(expansion),
                        IndexedDay.unscaled(contraction), IndexedDay.unscaled(churned));
        return new MrrCohort(retention, new ChurnAndRetention(payingAtStart, fresh, payingAtEnd));
    }
}
