package dev.kreis.platform.kpi.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import dev.kreis.platform.kpi.ChurnAndRetention;
import dev.kreis.platform.kpi.Repurchase;
import dev.kreis.platform.kpi.RevenueRetention;
import dev.kreis.platform.kpi.persistence.KpiRollupQueries.MrrCohort;
import dev.kreis.platform.kpi.persistence.KpiRollupQueries.PeakEndSum;
import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Per-customer KPI parts for periods that reach past the data ({@code kpi_tail_delta}, ADR 0010): peak-end, the
 * repurchase rate, and the revenue-retention cohort with its churn. When no row of {@code kpi_customer_day} lies on or
 * after a period's end {@code b}, each customer's part in {@code [a, b)} depends on {@code a} alone and is a step
 * function of it: the peak is the customer's largest |score| on or after {@code a}, the end and the MRR at the end are the
 * customer's last ones, the MRR at the start is the one of the last change before {@code a}. Each step function is
 * written as differences on the days it steps, and the table keeps their sums per property, customer kind and day, so
 * a period's answer is the sum of the differences on the days before {@code a}: at most one row per day of history and
 * property, whatever the number of customers. The few customers with rows on or after {@code b} (a touchpoint dated
 * tomorrow) are corrected from their own rows ({@link #sums(int, int, String, int)}).
 *
 * <p>For a customer the steps are: peak — its records from the right (a scored day whose peak is larger, by the KPI's
 * order, than every later day's), each worth its peak from the record before it (exclusive) to itself (inclusive);
 * end, buyers, repeat buyers — worth their value up to the last scored day, the last order day, the last day from
 * which on it has two or more orders; MRR — each span between two changes worth its amounts compared to the final
 * MRR. Kept by the fold with {@code kpi_customer_day} as differences of the changed customers' parts, under the fold
 * lock, and rebuilt from {@code kpi_customer_day} in one statement with the gap cells ({@link GapCells}, one flag).
 */
@ApplicationScoped
public class TailSums {
    static final int PEAK = 0;
    static final int END = 1;
    static final int BUYERS = 2;
    static final int REPEAT_BUYERS = 3;
    static final int PAYING = 4;
    static final int EXPANSION = 5;
    static final int CONTRACTION = 6;
    static final int CHURNED = 7;
    static final int FRESH = 8;
    static final int PAYING_AT_END = 9;
    static final int PROPERTIES = 10;
    /**
     * At most this many customers with rows on or after a period's end are corrected from their own rows: the API's
     * default period ends tomorrow, and ingest accepts touchpoints up to a day ahead.
     */
    static final int CORRECTED_CUSTOMERS = 1000;
    private static final int BEFORE = GapCells.BEFORE;
    private static final int AFTER = GapCells.AFTER;
    private static final int CHUNK = 500;
    private static final String COLUMNS = "customer_id, customer_kind, epoch_day, orders, scored, peak_30, peak_at, peak_id, end_30, end_at,"
            + " end_id, mrr, mrr_at, mrr_id";
    /** The order of {@code uuid} columns in PostgreSQL and H2: unsigned, most significant bits first. */
    private static final Comparator<UUID> UUID_ORDER = Comparator.nullsFirst(
            Comparator.comparing(UUID::getMostSignificantBits, Long::compareUnsigned).thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned));
    private static final Comparator<OffsetDateTime> TIME_ORDER = Comparator.nullsFirst(Comparator.comparing(OffsetDateTime::toInstant));

    private final Jdbc jdbc;

    TailSums(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of a customer-day, or their combination: the sums and the best peak, end and MRR by the KPI queries' order. */
    record Day(long orders, long scored, BigDecimal peak30, OffsetDateTime peakAt, UUID peakId, BigDecimal end30, OffsetDateTime endAt,
            UUID endId, BigDecimal mrr, OffsetDateTime mrrAt, UUID mrrId) {

        static final Comparator<Day> PEAK_ORDER = Comparator.comparing((Day d) -> d.peak30.abs()).thenComparing(Day::peakAt, TIME_ORDER)
                .thenComparing(Day::peakId, UUID_ORDER);
        static final Comparator<Day> END_ORDER = Comparator.comparing(Day::endAt, TIME_ORDER).thenComparing(Day::endId, UUID_ORDER);
        static final Comparator<Day> MRR_ORDER = Comparator.comparing(Day::mrrAt, TIME_ORDER).thenComparing(Day::mrrId, UUID_ORDER);

        /** This day and another row of it together. */
        Day and(Day o) {
            Day peak = scored > 0 && (o.scored <= 0 || PEAK_ORDER.compare(this, o) >= 0) ? this : o;
            Day end = scored > 0 && (o.scored <= 0 || END_ORDER.compare(this, o) >= 0) ? this : o;
            Day mrrDay = mrr != null && (o.mrr == null || MRR_ORDER.compare(this, o) >= 0) ? this : o;
            return new Day(orders + o.orders, scored + o.scored, peak.peak30, peak.peakAt, peak.peakId, end.end30, end.endAt, end.endId,
                    mrrDay.mrr, mrrDay.mrrAt, mrrDay.mrrId);
        }
    }

    /** A difference on one day of one property and customer kind. */
    record Key(int property, String kind, int day) {
    }

    /** Customers and an amount. */
    public record Amount(long customers, BigDecimal amount) {
        static final Amount ZERO = new Amount(0, BigDecimal.ZERO);

        Amount plus(Amount o) {
            return new Amount(customers + o.customers, amount.add(o.amount));
        }

        Amount times(long sign) {
            return new Amount(customers * sign, amount.multiply(BigDecimal.valueOf(sign)));
        }

        boolean isZero() {
            return customers == 0 && amount.signum() == 0;
        }
    }

    /** A customer's kind and its days. */
    record CustomerDays(String kind, TreeMap<Integer, Day> days) {
        /** These days with {@code day} replaced by {@code value} ({@code null}: no row that day). */
        CustomerDays with(int day, Day value) {
            TreeMap<Integer, Day> copy = new TreeMap<>(days);
            if (value == null) {
                copy.remove(day);
            } else {
                copy.put(day, value);
            }
            return new CustomerDays(kind, copy);
        }

        /** Adds this customer's differences to {@code sums} with {@code sign}. */
        void count(Map<Key, Amount> sums, long sign) {
            Adder add = (property, day, customers, amount) -> {
                if (customers != 0 || amount.signum() != 0) {
                    sums.merge(new Key(property, kind, day), new Amount(customers, amount).times(sign), Amount::plus);
                }
            };
            peakAndEnd(add);
            orders(add);
            mrr(add);
        }

        private void peakAndEnd(Adder add) {
            List<Map.Entry<Integer, Day>> records = new ArrayList<>();
            Day best = null;
            for (Map.Entry<Integer, Day> day : days.descendingMap().entrySet()) {
                Day d = day.getValue();
                if (d.scored() > 0 && (best == null || Day.PEAK_ORDER.compare(d, best) > 0)) {
                    records.add(0, day);
                    best = d;
                }
            }
            int previous = BEFORE;
            for (Map.Entry<Integer, Day> record : records) {
                add.add(PEAK, previous, 1, record.getValue().peak30());
                add.add(PEAK, record.getKey(), -1, record.getValue().peak30().negate());
                previous = record.getKey();
            }
            days.descendingMap().entrySet().stream().filter(day -> day.getValue().scored() > 0).findFirst().ifPresent(last -> {
                add.add(END, BEFORE, 1, last.getValue().end30());
                add.add(END, last.getKey(), -1, last.getValue().end30().negate());
            });
        }

        private void orders(Adder add) {
            long orders = 0;
            boolean buyer = false;
            for (Map.Entry<Integer, Day> day : days.descendingMap().entrySet()) {
                if (day.getValue().orders() <= 0) {
                    continue;
                }
                if (!buyer) {
                    add.add(BUYERS, BEFORE, 1, BigDecimal.ZERO);
                    add.add(BUYERS, day.getKey(), -1, BigDecimal.ZERO);
                    buyer = true;
                }
                orders += day.getValue().orders();
                if (orders >= 2) {
                    add.add(REPEAT_BUYERS, BEFORE, 1, BigDecimal.ZERO);
                    add.add(REPEAT_BUYERS, day.getKey(), -1, BigDecimal.ZERO);
                    return;
                }
            }
        }

        private void mrr(Adder add) {
            NavigableMap<Integer, BigDecimal> changes = new TreeMap<>();
            days.forEach((day, d) -> {
                if (d.mrr() != null) {
                    changes.put(day, d.mrr());
                }
            });
            if (changes.isEmpty()) {
                return;
            }
            BigDecimal last = changes.lastEntry().getValue();
            if (last.signum() > 0) {
                add.add(PAYING_AT_END, BEFORE, 1, BigDecimal.ZERO);
            }
            int from = BEFORE;
            BigDecimal mrr = BigDecimal.ZERO;
            for (Map.Entry<Integer, BigDecimal> change : changes.entrySet()) {
                span(add, from, change.getKey(), mrr, last);
                from = change.getKey();
                mrr = change.getValue();
            }
            span(add, from, AFTER, mrr, last);
        }

        /** The span {@code (from, to]} in which the MRR at a period's start is {@code mrr}, against the final MRR {@code last}. */
        private static void span(Adder add, int from, int to, BigDecimal mrr, BigDecimal last) {
            boolean paying = mrr.signum() > 0;
            BigDecimal[] amounts = new BigDecimal[PROPERTIES];
            long[] customers = new long[PROPERTIES];
            amounts[PAYING] = mrr;
            customers[PAYING] = paying ? 1 : 0;
            amounts[EXPANSION] = paying && last.compareTo(mrr) > 0 ? last.subtract(mrr) : BigDecimal.ZERO;
            amounts[CONTRACTION] = paying && last.signum() > 0 && last.compareTo(mrr) < 0 ? mrr.subtract(last) : BigDecimal.ZERO;
            amounts[CHURNED] = paying && last.signum() == 0 ? mrr : BigDecimal.ZERO;
            customers[FRESH] = last.signum() > 0 && mrr.signum() == 0 ? 1 : 0;
            for (int property = PAYING; property <= FRESH; property++) {
                BigDecimal amount = amounts[property] == null ? BigDecimal.ZERO : amounts[property];
                add.add(property, from, customers[property], amount);
                if (to != AFTER) {
                    add.add(property, to, -customers[property], amount.negate());
                }
            }
        }
    }

    @FunctionalInterface
    private interface Adder {
        void add(int property, int day, long customers, BigDecimal amount);
    }

    /**
     * The parts of the period {@code [a, b)} per property, for customers of {@code kind} (every kind when null): the sums
     * of the differences on the days before {@code a}, corrected for the customers with rows on or after {@code b} —
     * their parts over all their days are taken out and their parts over their days before {@code b} put in, from
     * their own rows. Empty when more than {@code limit} customers have such rows: the caller groups rows instead.
     */
    public Optional<Sums> sums(int a, int b, String kind, int limit) {
        List<UUID> later = jdbc.query("select distinct customer_id from kpi_customer_day where epoch_day >= ?"
                + " order by customer_id fetch first " + (limit + 1) + " rows only", row -> Jdbc.uuid(row, "customer_id"), b);
        if (later.size() > limit) {
            return Optional.empty();
        }
        Amount[] sums = at(a, kind);
        Map<Key, Amount> correction = new HashMap<>();
        days(later, null).values().stream().filter(customer -> kind == null || kind.equals(customer.kind())).forEach(customer -> {
            customer.count(correction, -1);
            new CustomerDays(customer.kind(), new TreeMap<>(customer.days().headMap(b))).count(correction, 1);
        });
        correction.forEach((key, amount) -> {
            if (key.day() < a) {
                sums[key.property()] = sums[key.property()].plus(amount);
            }
        });
        return Optional.of(new Sums(sums));
    }

    /** {@link #sums(int, int, String, int)} with at most {@value #CORRECTED_CUSTOMERS} customers to correct. */
    Optional<Sums> sums(int a, int b, String kind) {
        return sums(a, b, kind, CORRECTED_CUSTOMERS);
    }

    /** The sums of the differences on the days before {@code a}, per property (of {@code kind}, or every kind when null). */
    private Amount[] at(int a, String kind) {
        List<Object> params = new ArrayList<>();
        params.add(a);
        String kindSql = "";
        if (kind != null) {
            kindSql = " and customer_kind = ?";
            params.add(kind);
        }
        Amount[] sums = new Amount[PROPERTIES];
        Arrays.fill(sums, Amount.ZERO);
        jdbc.query("select property, sum(customers) as c, sum(amount) as a from kpi_tail_delta where epoch_day < ?" + kindSql
                + " group by property", row -> sums[row.getInt("property")] = new Amount(row.getLong("c"), row.getBigDecimal("a")),
                params.toArray());
        return sums;
    }

    /** A period's parts per property, and the KPI aggregates they make. */
    public record Sums(Amount[] parts) {
        /** Peak-end's customers and Σ (peak + end) × 30. */
        public PeakEndSum peakEnd() {
            if (parts[END].customers() == 0) {
                return new PeakEndSum(0, BigDecimal.ZERO);
            }
            return new PeakEndSum(parts[END].customers(), parts[PEAK].amount().add(parts[END].amount()));
        }

        /** Buyers and repeat buyers. */
        public Repurchase repurchase() {
            return new Repurchase(parts[BUYERS].customers(), parts[REPEAT_BUYERS].customers());
        }

        /** The cohort paying at the period's start and its MRR at the end, as {@link KpiRollupQueries#mrrCohortOf} answers it. */
        public MrrCohort mrrCohort() {
            long paying = parts[PAYING].customers();
            RevenueRetention retention = paying == 0 ? RevenueRetention.none()
                    : new RevenueRetention(paying, parts[PAYING].amount(), parts[EXPANSION].amount(), parts[CONTRACTION].amount(),
                            parts[CHURNED].amount());
            return new MrrCohort(retention, new ChurnAndRetention(paying, parts[FRESH].customers(), parts[PAYING_AT_END].customers()));
        }
    }

    /** Each customer's kind and its combined row on {@code epochDay}. */
    Map<UUID, Kinded> day(int epochDay) {
        Map<UUID, Kinded> days = new HashMap<>();
        jdbc.query("select " + COLUMNS + " from kpi_customer_day where epoch_day = ?", row -> {
            days.merge(Jdbc.uuid(row, "customer_id"), new Kinded(row.getString("customer_kind"), day(row)),
                    (x, y) -> new Kinded(x.kind(), x.day().and(y.day())));
            return null;
        }, epochDay);
        return days;
    }

    /** A customer's kind and one day of it. */
    record Kinded(String kind, Day day) {
    }

    /** The days of these customers, without {@code exceptDay} if not null; customers without rows are missing. */
    Map<UUID, CustomerDays> days(Collection<UUID> customers, Integer exceptDay) {
        Map<UUID, CustomerDays> days = new HashMap<>();
        List<UUID> pending = List.copyOf(customers);
        for (int from = 0; from < pending.size(); from += CHUNK) {
            List<Object> params = new ArrayList<>(pending.subList(from, Math.min(pending.size(), from + CHUNK)));
            String sql = "select " + COLUMNS + " from kpi_customer_day where customer_id in (" + Jdbc.markers(params.size()) + ")";
            if (exceptDay != null) {
                sql += " and epoch_day <> ?";
                params.add(exceptDay);
            }
            jdbc.query(sql, row -> {
                String kind = row.getString("customer_kind");
                CustomerDays customer = days.computeIfAbsent(Jdbc.uuid(row, "customer_id"), id -> new CustomerDays(kind, new TreeMap<>()));
                customer.days().merge(row.getInt("epoch_day"), day(row), Day::and);
                return null;
            }, params.toArray());
        }
        return days;
    }

    private static Day day(ResultSet row) throws SQLException {
        return new Day(row.getLong("orders"), row.getLong("scored"), row.getBigDecimal("peak_30"), Jdbc.time(row, "peak_at"),
                Jdbc.uuid(row, "peak_id"), row.getBigDecimal("end_30"), Jdbc.time(row, "end_at"), Jdbc.uuid(row, "end_id"),
                row.getBigDecimal("mrr"), Jdbc.time(row, "mrr_at"), Jdbc.uuid(row, "mrr_id"));
    }

    /**
     * The difference the change of these customers' {@code epochDay} makes ({@code before} and {@code after} from
     * {@link #day(int)}); reads the changed customers' other days once.
     */
    void refoldedDay(int epochDay, Map<UUID, Kinded> before, Map<UUID, Kinded> after) {
        List<UUID> changed = new ArrayList<>();
        before.forEach((customer, was) -> {
            if (!Objects.equals(was, after.get(customer))) {
                changed.add(customer);
            }
        });
        after.keySet().stream().filter(customer -> !before.containsKey(customer)).forEach(changed::add);
        Map<UUID, CustomerDays> others = days(changed, epochDay);
        Map<Key, Amount> difference = new HashMap<>();
        for (UUID customer : changed) {
            Kinded was = before.get(customer);
            Kinded is = after.get(customer);
            String kind = (is != null ? is : was).kind();
            CustomerDays other = others.getOrDefault(customer, new CustomerDays(kind, new TreeMap<>()));
            other.with(epochDay, was == null ? null : was.day()).count(difference, -1);
            other.with(epochDay, is == null ? null : is.day()).count(difference, 1);
        }
        add(difference);
    }

    /** Adds the differences; rows that reach zero are deleted. */
    void add(Map<Key, Amount> difference) {
        List<Object[]> rows = new ArrayList<>();
        difference.forEach((key, amount) -> {
            if (!amount.isZero()) {
                rows.add(new Object[] { key.property(), key.kind(), key.day(), amount.customers(), amount.amount() });
            }
        });
        ValuesMerge.run(jdbc, rows, "(?, ?, ?, ?, cast(? as numeric(30, 4)))", values -> "merge into kpi_tail_delta t using (values " + values
                + ") as s (property, customer_kind, epoch_day, customers, amount)"
                + " on t.property = s.property and t.customer_kind = s.customer_kind and t.epoch_day = s.epoch_day"
                + " when matched and t.customers + s.customers = 0 and t.amount + s.amount = 0 then delete"
                + " when matched then update set customers = t.customers + s.customers, amount = t.amount + s.amount"
                + " when not matched then insert (property, customer_kind, epoch_day, customers, amount)"
                + " values (s.property, s.customer_kind, s.epoch_day, s.customers, s.amount)");
    }

    /** Recomputes every row from {@code kpi_customer_day}; call holding the fold lock. */
    void rebuild() {
        jdbc.update("delete from kpi_tail_delta");
        // each customer-day's best row of a kind: its peak, its end and its MRR by the KPI queries' order
        String peaks = "(select customer_id as c, customer_kind as k, epoch_day as x, peak_30 as v, row_number() over (partition by"
                + " customer_id order by abs(peak_30), peak_at, peak_id) as r from (select customer_id, customer_kind, epoch_day, peak_30, peak_at,"
                + " peak_id, row_number() over (partition by customer_id, epoch_day order by abs(peak_30) desc, peak_at desc, peak_id desc) as n"
                + " from kpi_customer_day where scored > 0) z where n = 1)";
        String records = "(select c, k, x, v, lag(x) over (partition by c order by x) as prev from (select c, k, x, v, r, max(r) over"
                + " (partition by c order by x rows between 1 following and unbounded following) as later from " + peaks + " p) y"
                + " where later is null or r > later)";
        // every part below is read once: a customer's row gives the difference at the start of a step (part 0) and at its end (part 1)
        String parts = "(select 0 as part union all select 1)";
        String peak = "select " + PEAK + " as property, k, case when s.part = 0 then coalesce(prev, " + BEFORE + ") else x end as at_day,"
                + " case when s.part = 0 then 1 else -1 end as customers, case when s.part = 0 then v else -v end as amount from " + records
                + " r cross join " + parts + " s";
        String ends = "(select customer_kind as k, epoch_day as x, end_30 as v, row_number() over (partition by customer_id"
                + " order by epoch_day desc, end_at desc, end_id desc) as n from kpi_customer_day where scored > 0)";
        String end = "select " + END + ", k, case when s.part = 0 then " + BEFORE + " else x end, case when s.part = 0 then 1 else -1 end,"
                + " case when s.part = 0 then v else -v end from " + ends + " e cross join " + parts + " s where n = 1";
        String orderDays = "(select customer_id as c, customer_kind as k, epoch_day as x, sum(orders) as o from kpi_customer_day"
                + " where orders > 0 group by customer_id, customer_kind, epoch_day)";
        // per buyer its last order day and the last day from which on it has two orders or more (null: never two)
        String buyers = "(select k, max(x) as last_order, max(case when later >= 2 then x end) as second_last from (select c, k, x,"
                + " sum(o) over (partition by c order by x desc rows unbounded preceding) as later from " + orderDays + " o) z group by c, k)";
        String orders = "select case when s.part < 2 then " + BUYERS + " else " + REPEAT_BUYERS + " end, k, case when mod(s.part, 2) = 0 then "
                + BEFORE + " when s.part = 1 then last_order else second_last end, case when mod(s.part, 2) = 0 then 1 else -1 end, 0 from "
                + buyers + " b cross join (select 0 as part union all select 1 union all select 2 union all select 3) s"
                + " where s.part < 2 or second_last is not null";
        // each MRR change starts a span worth its MRR (part 0) and ends the one before it (part 1); the first also starts the span
        // before it, worth nothing (part 2), and counts the customer paying at the end if it does
        String changes = "(select c, k, x, m, lag(m) over (partition by c order by x) as prev, first_value(m) over (partition by c order by x desc)"
                + " as f from (select customer_id as c, customer_kind as k, epoch_day as x, mrr as m, row_number() over (partition by customer_id,"
                + " epoch_day order by mrr_at desc, mrr_id desc) as n from kpi_customer_day where mrr is not null) z where n = 1)";
        String spans = "(select k, case when s.part = 2 then " + BEFORE + " else x end as at_day, case s.part when 0 then m when 1 then"
                + " coalesce(prev, 0) else 0 end as m, f, case when s.part = 1 then -1 else 1 end as sign, s.part from " + changes + " c cross join"
                + " (select 0 as part union all select 1 union all select 2) s where s.part < 2 or prev is null)";
        String properties = "(select " + PAYING + " as property union all select " + EXPANSION + " union all select " + CONTRACTION
                + " union all select " + CHURNED + " union all select " + FRESH + " union all select " + PAYING_AT_END + ")";
        String mrrCustomers = "case p.property when " + PAYING + " then case when s.m > 0 then s.sign else 0 end when " + FRESH
                + " then case when s.f > 0 and s.m = 0 then s.sign else 0 end when " + PAYING_AT_END
                + " then case when s.part = 2 and s.f > 0 then 1 else 0 end else 0 end";
        String mrrAmount = "s.sign * case p.property when " + PAYING + " then s.m when " + EXPANSION + " then case when s.m > 0 and s.f > s.m"
                + " then s.f - s.m else 0 end when " + CONTRACTION + " then case when s.m > 0 and s.f > 0 and s.f < s.m then s.m - s.f else 0 end"
                + " when " + CHURNED + " then case when s.m > 0 and s.f = 0 then s.m else 0 end else 0 end";
        String mrr = "select p.property, s.k, s.at_day, " + mrrCustomers + ", " + mrrAmount + " from " + spans + " s cross join " + properties + " p";
        jdbc.update("insert into kpi_tail_delta (property, customer_kind, epoch_day, customers, amount) select property, k, at_day, sum(customers),"
                + " sum(amount) from (" + peak + " union all " + end + " union all " + orders + " union all " + mrr + ") t"
                + " group by property, k, at_day having sum(customers) <> 0 or sum(amount) <> 0");
    }
}
