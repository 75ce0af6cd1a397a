package dev.kreis.app;

import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.postJson;
import static dev.kreis.app.Fixtures.touchpointFor;
import static dev.kreis.app.Fixtures.unique;
import static dev.kreis.app.KpiData.exact;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures.Created;
import dev.kreis.platform.storage.Jdbc;
import dev.kreis.platform.touchpoint.TouchpointRetention;
import dev.kreis.platform.touchpoint.persistence.TouchpointPartitions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Touchpoints partitioned by month on PostgreSQL (docs/postgresql.md): partitions made on demand, the
 * idempotency key across partitions, retention of whole months with the KPI rollups keeping their
 * history, erasure across partitions, timelines across many months' partitions. The tests use the 18th
 * century, where no other test writes, since a retention pass drops every month before its limit. The
 * PostgreSQL-only ones skip on H2.
 */
@QuarkusTest
class TouchpointPartitionApiTest {

    @Inject
    Jdbc jdbc;

    @Inject
    TouchpointPartitions partitions;

    @Inject
    TouchpointRetention retention;

    private static String at(int year, int month, int day) {
        return LocalDate.of(year, month, day).atStartOfDay().atOffset(ZoneOffset.UTC).plusHours(10).toString();
    }

    private String partitionOf(String touchpointId) {
        return jdbc.queryOne("select tableoid::regclass::text as p from touchpoint where id = ?", row -> row.getString("p"),
                UUID.fromString(touchpointId)).orElseThrow();
    }

    @Test
    void aTouchpointOfAMonthWithoutPartitionGetsOneMadeOnDemandAndLandsInIt() {
        assumeTrue(partitions.partitioned(), "touchpoints are partitioned on PostgreSQL only");
        Created anna = person("crm").email(email()).create();
        assertFalse(partitions.months().contains(YearMonth.of(1703, 2)), "no partition for February 1703 yet");

        JsonPath batch = postJson("/api/v1/touchpoints/batch", Map.of("items", List.of(
                touchpointFor(anna.customerId()).occurredAt(at(1703, 2, 14)).json(),
                touchpointFor(anna.customerId()).occurredAt(at(1703, 3, 1)).json())))
                .then().statusCode(200).body("accepted", equalTo(2)).extract().jsonPath();
        String single = touchpointFor(anna.customerId()).occurredAt(at(1703, 4, 30)).ingest();

        assertEquals("touchpoint_y1703m02", partitionOf(batch.getString("results[0].touchpointId")));
        assertEquals("touchpoint_y1703m03", partitionOf(batch.getString("results[1].touchpointId")));
        assertEquals("touchpoint_y1703m04", partitionOf(single));
        assertTrue(partitions.months().containsAll(List.of(YearMonth.of(1703, 2), YearMonth.of(1703, 3), YearMonth.of(1703, 4))));
    }

    @Test
    void theSameSourceAndExternalIdInAnotherMonthIsADuplicateInBatchesAndSingly() {
        Created anna = person("crm").email(email()).create();
        String key = "order-" + unique();
        String first = touchpointFor(anna.customerId()).externalId(key).occurredAt(at(1704, 1, 10)).ingest();

        touchpointFor(anna.customerId()).externalId(key).occurredAt(at(1704, 6, 10)).post()
                .then().statusCode(200).body("status", equalTo("duplicate")).body("touchpointId", equalTo(first));
        String other = "order-" + unique();
        JsonPath batch = postJson("/api/v1/touchpoints/batch", Map.of("items", List.of(
                touchpointFor(anna.customerId()).externalId(key).occurredAt(at(1704, 9, 1)).json(),
                touchpointFor(anna.customerId()).externalId(other).occurredAt(at(1704, 2, 1)).json(),
                touchpointFor(anna.customerId()).externalId(other).occurredAt(at(1704, 11, 1)).json())))
                .then().statusCode(200)
                .body("results.status", contains("duplicate", "accepted", "duplicate"))
                .extract().jsonPath();

        assertEquals(first, batch.getString("results[0].touchpointId"), "the one stored in January");
        assertEquals(batch.getString("results[1].touchpointId"), batch.getString("results[2].touchpointId"),
                "the second of a batch's equal keys is a duplicate of the first, though in another month");
        assertEquals(1L, count("select count(*) as n from touchpoint where source = 'shop' and external_id = ?", key));
        assertEquals(1L, count("select count(*) as n from touchpoint where source = 'shop' and external_id = ?", other));
        assertEquals(List.of(batch.getString("results[1].touchpointId"), first), Fixtures.timelineIds(anna.customerId()),
                "February's, then January's: newest first");
    }

    @Test
    void retentionDropsOnlyWholeMonthsBeforeTheOldestKeptAndTheKpisKeepTheirHistory() {
        assumeTrue(partitions.partitioned(), "touchpoints are partitioned on PostgreSQL only");
        Created anna = person("crm").email(email()).create();
        int[][] scores = { { 2, 10 }, { 2, 3 }, { 3, 9 }, { 4, 7 }, { 4, 10 }, { 5, 2 } };
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int[] s : scores) {
            items.add(touchpointFor(anna.customerId()).type("feedback.nps").score(s[1]).occurredAt(at(1712, s[0], 3 + s[1])).json());
        }
        postJson("/api/v1/touchpoints/batch", Map.of("items", items)).then().statusCode(200).body("accepted", equalTo(6));
        BigDecimal before = nps("1712-02-01", "1712-06-01");
        assertTrue(before.signum() > 0, "3 promoters, 2 detractors, 1 passive: " + before);
        List<List<Object>> rollupsBefore = dayRollups();
        assertFalse(rollupsBefore.isEmpty());

        // Keep April 1712 and after: the retention in months that makes April 1712 the oldest month kept today.
        int months = (int) ChronoUnit.MONTHS.between(YearMonth.of(1712, 4), YearMonth.now(ZoneOffset.UTC));
        TouchpointRetention.Dropped dropped = retention.applyRetention(months);

        assertTrue(dropped.months().containsAll(List.of(YearMonth.of(1712, 2), YearMonth.of(1712, 3))), dropped.toString());
        assertTrue(dropped.months().stream().allMatch(m -> m.isBefore(YearMonth.of(1712, 4))), "nothing of April or later: " + dropped);
        List<YearMonth> left = partitions.months();
        assertFalse(left.contains(YearMonth.of(1712, 2)) || left.contains(YearMonth.of(1712, 3)), left.toString());
        assertTrue(left.containsAll(List.of(YearMonth.of(1712, 4), YearMonth.of(1712, 5))), left.toString());
        assertEquals(3L, count("select count(*) as n from touchpoint t join profile p on p.id = t.profile_id where p.customer_id = ?",
                anna.customerId()), "the April and May touchpoints stay");
        assertEquals(0L, count("select count(*) as n from touchpoint_key k where not exists (select 1 from touchpoint t where t.id = k.id)"),
                "no idempotency key is left of a dropped touchpoint");

        assertEquals(rollupsBefore, dayRollups(), "the daily rollups of the dropped months are kept");
        BigDecimal after = nps("1712-01-15", "1712-06-01");
        assertEquals(0, before.compareTo(after), "NPS over the dropped months is what it was: " + after);
        assertEquals(0, new BigDecimal("-100").compareTo(nps("1712-05-01", "1712-06-01")), "May, untouched: one detractor");
    }

    @Test
    void erasureClearsThePayloadsInEveryMonthsPartition() {
        Created anna = person("crm").email(email()).create();
        Map<String, Object> payload = Map.of("note", "call Anna at home");
        String[] ids = { touchpointFor(anna.customerId()).occurredAt(at(1720, 1, 5)).set("payload", payload).ingest(),
                touchpointFor(anna.customerId()).occurredAt(at(1720, 5, 5)).set("payload", payload).ingest(),
                touchpointFor(anna.customerId()).occurredAt(at(1721, 3, 5)).set("payload", payload).ingest() };
        if (partitions.partitioned()) {
            assertEquals(3L, count("select count(distinct t.tableoid) as n from touchpoint t join profile p on p.id = t.profile_id"
                    + " where p.customer_id = ?", anna.customerId()), "three months, three partitions");
        }

        ErasureApiTest.erase(anna.customerId(), null).then().statusCode(201).body("touchpoints", equalTo(3));

        for (String id : ids) {
            assertEquals(0L, count("select count(*) as n from touchpoint where id = ? and payload is not null", UUID.fromString(id)), id);
            assertEquals(1L, count("select count(*) as n from touchpoint where id = ?", UUID.fromString(id)), "the touchpoint itself stays");
        }
    }

    @Test
    void aTimelineOverManyMonthsAndTwoProfilesPagesNewestFirstThroughEveryMonthAndItsEdges() {
        String address = email();
        Created crm = person("crm").email(address).create();
        person("shop").email(address).create();
        UUID customer = crm.customerId();
        // three touchpoints in each of six months with gaps between them: a month's first second, its middle, its last second
        int[][] months = { { 1790, 1 }, { 1790, 2 }, { 1790, 5 }, { 1790, 12 }, { 1791, 1 }, { 1791, 7 } };
        Map<String, OffsetDateTime> times = new HashMap<>();
        List<Map<String, Object>> batch = new ArrayList<>();
        List<OffsetDateTime> batchTimes = new ArrayList<>();
        int n = 0;
        for (int[] m : months) {
            YearMonth month = YearMonth.of(m[0], m[1]);
            OffsetDateTime first = TouchpointPartitions.start(month);
            for (OffsetDateTime time : List.of(first, first.plusDays(14).plusHours(12), TouchpointPartitions.start(month.plusMonths(1)).minusSeconds(1))) {
                Fixtures.TouchpointBody body = touchpointFor(customer).source(n % 2 == 0 ? "crm" : "shop").occurredAt(time.toString());
                if (n++ % 3 == 0) {
                    times.put(body.ingest(), time);
                } else {
                    batch.add(body.json());
                    batchTimes.add(time);
                }
            }
        }
        JsonPath accepted = postJson("/api/v1/touchpoints/batch", Map.of("items", batch)).then().statusCode(200)
                .body("accepted", equalTo(batch.size())).extract().jsonPath();
        for (int i = 0; i < batch.size(); i++) {
            times.put(accepted.getString("results[" + i + "].touchpointId"), batchTimes.get(i));
        }

        assertEquals(newestFirst(times, OffsetDateTime.MIN, OffsetDateTime.MAX), Fixtures.timelineIds(customer, 4, null, null),
                "18 touchpoints in pages of 4, newest first, every month's edges included");
        OffsetDateTime from = TouchpointPartitions.start(YearMonth.of(1790, 2)).plusDays(14).plusHours(12);
        OffsetDateTime to = TouchpointPartitions.start(YearMonth.of(1791, 1));
        assertEquals(newestFirst(times, from, to), Fixtures.timelineIds(customer, 2, from, to),
                "from inside February 1790 (inclusive) to the first second of January 1791 (exclusive), in pages of 2");
    }

    @Test
    void aTouchpointMovedIntoAnotherMonthByAnUpdateStaysOnTheTimeline() {
        assumeTrue(partitions.partitioned(), "touchpoints are partitioned on PostgreSQL only");
        Created bob = person("crm").email(email()).create();
        touchpointFor(bob.customerId()).occurredAt(at(1792, 8, 1)).ingest(); // makes August 1792's partition
        Created anna = person("crm").email(email()).create();
        String moved = touchpointFor(anna.customerId()).occurredAt(at(1792, 3, 10)).ingest();

        jdbc.update("update touchpoint set occurred_at = ? where id = ?", OffsetDateTime.parse(at(1792, 8, 10)), UUID.fromString(moved));

        assertEquals("touchpoint_y1792m08", partitionOf(moved));
        assertEquals(List.of(moved), Fixtures.timelineIds(anna.customerId()), "found in its new month's partition");
    }

    /** The ids of {@code times} in [from, to), newest first (no two of them at the same time). */
    private static List<String> newestFirst(Map<String, OffsetDateTime> times, OffsetDateTime from, OffsetDateTime to) {
        return times.entrySet().stream().filter(e -> !e.getValue().isBefore(from) && e.getValue().isBefore(to))
                .sorted(Map.Entry.<String, OffsetDateTime>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
    }

    private BigDecimal nps(String from, String to) {
        return exact().queryParam("from", from).queryParam("to", to).get("/api/v1/kpis/nps")
                .then().statusCode(200).extract().jsonPath().getObject("value", BigDecimal.class);
    }

    private List<List<Object>> dayRollups() {
        long from = LocalDate.of(1712, 2, 1).toEpochDay();
        long to = LocalDate.of(1712, 6, 1).toEpochDay();
        return jdbc.query("select epoch_day, type, score, touchpoints from kpi_day_rollup where epoch_day >= ? and epoch_day < ?"
                + " order by epoch_day, type, score", row -> List.<Object>of(row.getLong("epoch_day"), row.getString("type"),
                        String.valueOf(row.getBigDecimal("score")), row.getLong("touchpoints")), from, to);
    }

    private long count(String sql, Object... params) {
        return jdbc.queryOne(sql, row -> row.getLong("n"), params).orElseThrow();
    }
}
