package dev.kreis.platform.touchpoint.persistence;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.kreis.platform.storage.DatabaseKind;
import dev.kreis.platform.storage.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The monthly partitions of {@code touchpoint} on PostgreSQL (migration V1_80): one per UTC month of
 * {@code occurred_at}, named {@code touchpoint_yYYYYmMM}. H2 keeps one table; there every method here
 * does nothing.
 *
 * <p>A row whose month has no partition cannot be inserted, so every insert path calls
 * {@link #ensure(Collection)} first — outside the transaction that inserts, since creating a partition
 * locks the parent table. Creating one is serialised across nodes by an advisory lock and is a no-op
 * when it exists, so nodes racing for the same month are safe. A caller that is already inside a
 * transaction (a module recording touchpoints in its own transaction) gets the partition made in that
 * transaction: its locks on {@code touchpoint} would keep a second transaction from ever getting the
 * exclusive lock a new partition needs.
 */
@ApplicationScoped
public class TouchpointPartitions {
    /** The advisory lock key of partition changes (create, drop): "kreistpp" as a number. */
    private static final long LOCK = 0x6b72656973747070L;
    private static final Pattern NAME = Pattern.compile("touchpoint_y(\\d{4})m(\\d{2})");

    private final Jdbc jdbc;
    private final TransactionSynchronizationRegistry transactions;
    private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    TouchpointPartitions(Jdbc jdbc, TransactionSynchronizationRegistry transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Whether touchpoints are partitioned here (PostgreSQL). */
    public boolean partitioned() {
        return jdbc.kind() == DatabaseKind.POSTGRESQL;
    }

    /** The UTC month a time falls in. */
    public static YearMonth month(OffsetDateTime at) {
        return YearMonth.from(at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** The first instant of a UTC month: where its partition begins. */
    public static OffsetDateTime start(YearMonth month) {
        return month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    public static String name(YearMonth month) {
        return String.format("touchpoint_y%04dm%02d", month.getYear(), month.getMonthValue());
    }

    /** Makes sure a partition exists for the month of each time; costs nothing when all are known. */
    public void ensure(Collection<OffsetDateTime> occurredAts) {
        if (!partitioned() || occurredAts.isEmpty()) {
            return;
        }
        Set<YearMonth> months = new TreeSet<>();
        occurredAts.forEach(at -> months.add(month(at)));
        ensureMonths(months);
    }

    /** Makes sure a partition exists for each month. */
    public void ensureMonths(Collection<YearMonth> months) {
        if (!partitioned()) {
            return;
        }
        if (!loaded) {
            reload();
        }
        List<YearMonth> missing = months.stream().filter(m -> !known.contains(m)).distinct().sorted().toList();
        if (missing.isEmpty()) {
            return;
        }
        if (QuarkusTransaction.isActive()) {
            // The caller's transaction may hold locks on touchpoint already: make the partitions in it (no lock timeout of
            // our own, it would stay for the rest of the caller's transaction), and know them once it has committed.
            create(missing);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        known.addAll(missing);
                    }
                }
            });
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            jdbc.update("set local lock_timeout = '10s'");
            create(missing);
        });
        known.addAll(missing);
    }

    private void create(List<YearMonth> missing) {
        jdbc.query("select pg_advisory_xact_lock(?)", row -> null, LOCK);
        for (YearMonth month : missing) {
            jdbc.query("select touchpoint_month_partition(?)", row -> null, start(month));
        }
    }

    /** The months that have a partition now, oldest first (read from the catalog). */
    public List<YearMonth> months() {
        if (!partitioned()) {
            return List.of();
        }
        Set<YearMonth> found = new TreeSet<>();
        jdbc.query("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'touchpoint'::regclass",
                row -> {
                    Matcher m = NAME.matcher(row.getString("relname"));
                    if (m.matches()) {
                        found.add(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
                    }
                    return null;
                });
        return List.copyOf(found);
    }

    /** Reads which partitions exist (after another node may have dropped some). */
    public void reload() {
        List<YearMonth> now = months();
        known.clear();
        known.addAll(now);
        loaded = true;
    }

    /** The latest {@code received_at} of a month's partition, null when it is empty. */
    public OffsetDateTime latestReceived(YearMonth month) {
        return jdbc.queryOne("select max(received_at) as r from " + name(month), row -> Jdbc.time(row, "r")).orElse(null);
    }

    /**
     * Drops one month's partition with all its touchpoints, and their idempotency keys, in one
     * transaction. Answers how many touchpoints it held.
     */
    public long drop(YearMonth month) {
        if (!partitioned()) {
            throw new IllegalStateException("touchpoints are partitioned on PostgreSQL only");
        }
        String table = name(month);
        long rows = QuarkusTransaction.requiringNew().call(() -> {
            jdbc.update("set local lock_timeout = '30s'");
            jdbc.query("select pg_advisory_xact_lock(?)", row -> null, LOCK);
            boolean exists = jdbc.queryOne("select to_regclass(?) is not null as e", row -> row.getBoolean("e"), table).orElse(false);
            if (!exists) {
                return 0L;
            }
            jdbc.update("delete from touchpoint_key k using " + table + " t where k.source = t.source and k.external_id = t.external_id"
                    + " and k.id = t.id");
            long n = jdbc.queryOne("select count(*) as n from " + table, row -> row.getLong("n")).orElse(0L);
            jdbc.update("drop table " + table);
            return n;
        });
        known.remove(month);
        return rows;
    }
}
