package dev.kreis.app;

import static dev.kreis.app.KpiData.at;
import static dev.kreis.app.KpiData.customer;
import static dev.kreis.app.KpiData.exact;
import static dev.kreis.app.KpiData.four;
import static dev.kreis.app.KpiData.ingest;
import static dev.kreis.app.KpiData.interaction;
import static dev.kreis.app.KpiData.kpi;
import static dev.kreis.app.KpiData.revenue;
import static dev.kreis.app.KpiData.scored;
import static dev.kreis.app.KpiData.value;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The KPI API: every worked example of the CX concepts, targets and status, series, filters, the funnel view. */
@QuarkusTest
class KpiApiTest {

    @Test
    void theListNamesEveryCoreKpiWithUnitDirectionOwnersAndSharedFlag() {
        exact().get("/api/v1/kpis").then().statusCode(200)
                .body("key", hasItems("nps", "csat", "csat_mean", "ces", "ces_share_easy", "nrr", "grr", "churn_rate", "retention_rate",
                        "clv", "repurchase_rate", "average_order_value", "proactive_share", "peak_end_score", "funnel"))
                .body("find { it.key == 'churn_rate' }.unit", equalTo("percent"))
                .body("find { it.key == 'churn_rate' }.direction", equalTo("lower_is_better"))
                .body("find { it.key == 'nrr' }.owners", contains("sales", "support"))
                .body("find { it.key == 'nrr' }.shared", equalTo(true))
                .body("find { it.key == 'nps' }.description", org.hamcrest.Matchers.containsString("promoters"));
    }

    @Test
    void npsOfTheConceptsExampleIsTwenty() {
        LocalDate window = KpiData.freshWindow();
        UUID anna = customer();
        List<Map<String, Object>> items = new ArrayList<>();
        int[] scores = { 10, 9, 9, 8, 7, 6, 3, 10, 0, 9 };
        for (int i = 0; i < scores.length; i++) {
            items.add(scored(anna, "feedback.nps", scores[i], at(window.plusDays(i), 600)));
        }
        ingest(items);

        JsonPath nps = kpi("nps", window, window.plusMonths(1));
        assertEquals(four("20"), nps.getObject("value", BigDecimal.class));
        assertEquals(10, nps.getInt("sampleSize"));
        assertEquals("score", nps.getString("unit"));
        assertEquals(window.toString(), nps.getString("from"));
        assertEquals(window.plusMonths(1).toString(), nps.getString("to"));
        assertNull(nps.get("status"), "no target, no status");
    }

    @Test
    void csatIsTheTopTwoBoxShareAndItsMeanIsReportedBeside() {
        LocalDate window = KpiData.freshWindow();
        UUID anna = customer();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int score : new int[] { 5, 4, 3, 5, 2, 4, 1, 5 }) {
            items.add(scored(anna, "feedback.csat", score, at(window.plusDays(items.size()), 60)));
        }
        ingest(items);

        assertEquals(four("62.5"), value("csat", window, window.plusMonths(1)));
        assertEquals(four("3.625"), value("csat_mean", window, window.plusMonths(1)));
    }

    @Test
    void cesIsTheMeanEffortAndTheShareOfEasyAnswers() {
        LocalDate window = KpiData.freshWindow();
        UUID anna = customer();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int score : new int[] { 7, 6, 5, 3, 7 }) {
            items.add(scored(anna, "feedback.ces", score, at(window.plusDays(items.size()), 60)));
        }
        ingest(items);

        assertEquals(four("5.6"), value("ces", window, window.plusMonths(1)));
        assertEquals(four("80"), value("ces_share_easy", window, window.plusMonths(1)));
    }

    @Test
    void revenueRetentionOfTheConceptsExampleIsNrr100AndGrr85() {
        LocalDate window = KpiData.freshWindow();
        LocalDate start = window.plusMonths(1);
        LocalDate end = window.plusMonths(2);
        UUID a = customer();
        UUID b = customer();
        UUID c = customer();
        UUID d = customer();
        UUID e = customer();
        String before = at(window.plusDays(3), 0);
        ingest(List.of(
                revenue(a, "revenue.subscription_started", new BigDecimal("4000"), before),
                revenue(b, "revenue.subscription_started", new BigDecimal("3000"), before),
                revenue(c, "revenue.subscription_started", new BigDecimal("1000"), before),
                revenue(d, "revenue.subscription_started", new BigDecimal("2000"), before),
                revenue(a, "revenue.subscription_changed", new BigDecimal("5500"), at(start.plusDays(10), 0)),
                revenue(b, "revenue.subscription_changed", new BigDecimal("2500"), at(start.plusDays(20), 0)),
                revenue(c, "revenue.subscription_cancelled", BigDecimal.ZERO, at(start.plusDays(25), 0)),
                revenue(e, "revenue.subscription_started", new BigDecimal("3000"), at(start.plusDays(15), 0))));
        ingest(KpiData.cancellations(List.of(a, b, d, e), end.plusDays(5)));

        JsonPath nrr = kpi("nrr", start, end);
        assertEquals(four("100"), nrr.getObject("value", BigDecimal.class));
        assertEquals(4, nrr.getInt("sampleSize"), "E started inside the period and is not in the cohort");
        assertEquals(four("85"), value("grr", start, end));
    }

    @Test
    void churnAndRetentionOfTheConceptsExampleScaledTo20CustomersAre5And95Percent() {
        LocalDate window = KpiData.freshWindow();
        LocalDate start = window.plusMonths(1);
        LocalDate end = window.plusMonths(2);
        List<Map<String, Object>> items = new ArrayList<>();
        List<UUID> stillPaying = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID paying = customer();
            items.add(revenue(paying, "revenue.subscription_started", new BigDecimal("50"), at(window, i)));
            if (i == 0) {
                items.add(revenue(paying, "revenue.subscription_cancelled", BigDecimal.ZERO, at(start.plusDays(5), 0)));
            } else {
                stillPaying.add(paying);
            }
        }
        for (int i = 0; i < 4; i++) {
            UUID fresh = customer();
            stillPaying.add(fresh);
            items.add(revenue(fresh, "revenue.subscription_started", new BigDecimal("30"), at(start.plusDays(3), i)));
        }
        UUID cameAndWent = customer();
        items.add(revenue(cameAndWent, "revenue.subscription_started", new BigDecimal("30"), at(start.plusDays(3), 0)));
        items.add(revenue(cameAndWent, "revenue.subscription_cancelled", BigDecimal.ZERO, at(start.plusDays(9), 0)));
        items.addAll(KpiData.cancellations(stillPaying, end.plusDays(10)));
        ingest(items);

        JsonPath churn = kpi("churn_rate", start, end);
        assertEquals(four("5"), churn.getObject("value", BigDecimal.class));
        assertEquals(20, churn.getInt("sampleSize"));
        assertEquals(four("95"), value("retention_rate", start, end));
    }

    @Test
    void lifetimeValueOverThirtyDaysIsRevenuePerAccountTimesMarginOverChurn() {
        LocalDate window = KpiData.freshWindow();
        LocalDate start = window.plusMonths(1);
        List<Map<String, Object>> items = new ArrayList<>();
        List<UUID> stillPaying = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            UUID paying = customer();
            items.add(revenue(paying, "revenue.subscription_started", new BigDecimal("100"), at(window, i)));
            if (i == 0) {
                items.add(revenue(paying, "revenue.subscription_cancelled", BigDecimal.ZERO, at(start.plusDays(2), 0)));
            } else {
                stillPaying.add(paying);
            }
        }
        items.addAll(KpiData.cancellations(stillPaying, start.plusDays(40)));
        ingest(items);

        JsonPath clv = kpi("clv", start, start.plusDays(30));
        assertEquals(four("5000"), clv.getObject("value", BigDecimal.class), "100 per account ÷ 2 % churn, margin 1");
        assertEquals(50, clv.getInt("sampleSize"));
    }

    @Test
    void theFunnelOfTheConceptsExampleConverts40_50_60_50Percent() {
        LocalDate window = KpiData.freshWindow();
        List<Map<String, Object>> items = new ArrayList<>();
        addCustomersAt(items, "awareness", 60, window);
        addCustomersAt(items, "interest", 20, window);
        addCustomersAt(items, "consideration", 8, window);
        addCustomersAt(items, "intent", 6, window);
        addCustomersAt(items, "purchase", 6, window);
        ingest(items);

        exact().queryParam("from", window.toString()).queryParam("to", window.plusMonths(1).toString())
                .get("/api/v1/kpis/funnel/steps").then().statusCode(200)
                .body("from", equalTo(window.toString()))
                .body("phases.phase", contains("awareness", "interest", "consideration", "intent", "purchase", "retention", "advocacy"))
                .body("phases.customers", contains(100, 40, 20, 12, 6, 0, 0))
                .body("phases[0].conversionToNext", equalTo(four("40")))
                .body("phases[1].conversionToNext", equalTo(four("50")))
                .body("phases[2].conversionToNext", equalTo(four("60")))
                .body("phases[3].conversionToNext", equalTo(four("50")))
                .body("phases[4].conversionToNext", equalTo(four("0")))
                .body("phases[5].conversionToNext", nullValue())
                .body("phases[6].conversionToNext", nullValue());
        JsonPath funnel = kpi("funnel", window, window.plusMonths(1));
        assertEquals(four("6"), funnel.getObject("value", BigDecimal.class));
        assertEquals(100, funnel.getInt("sampleSize"));
    }

    private static void addCustomersAt(List<Map<String, Object>> items, String phase, int count, LocalDate day) {
        for (int i = 0; i < count; i++) {
            Map<String, Object> item = interaction(UUID.randomUUID(), phase, "customer", at(day, i));
            item.remove("customerId");
            item.put("customer", Map.of("identifiers", List.of(Map.of("type", "email", "value", Fixtures.email()))));
            items.add(item);
        }
    }

    @Test
    void peakEndScoreIsTheMeanOfTheCustomersPeakEndScores() {
        LocalDate window = KpiData.freshWindow();
        UUID first = customer();
        UUID second = customer();
        ingest(List.of(
                scored(first, "feedback.csat", 4, at(window, 10)),
                scored(first, "feedback.ces", 1, at(window, 20)),
                scored(first, "feedback.nps", 5, at(window.plusDays(1), 30)),
                scored(first, "feedback.csat", 4, at(window.plusDays(2), 40)),
                scored(second, "feedback.nps", 10, at(window, 10)),
                scored(second, "feedback.csat", 4, at(window.plusDays(3), 10))));

        JsonPath peakEnd = kpi("peak_end_score", window, window.plusMonths(1));
        assertEquals(four("0.25"), peakEnd.getObject("value", BigDecimal.class), "−0.25 and 0.75");
        assertEquals(2, peakEnd.getInt("sampleSize"));
        assertEquals(four("0.375"), value("peak_end_score", window, window.plusDays(3)),
                "−0.25, and 1.0 for the second customer, whose CSAT 4 falls after the period: NPS 10 is peak and end");
        JsonPath negativePeaks = exact().queryParam("from", window.toString()).queryParam("to", window.plusMonths(1).toString())
                .get("/api/v1/kpis/peak-end/negative-peaks").then().statusCode(200)
                .body("types.type", contains("feedback.ces")).body("types.customers", contains(1)).extract().jsonPath();
        assertEquals(2, negativePeaks.getInt("customers"));
        assertEquals(1, negativePeaks.getInt("negativePeaks"), "the second customer's peak, NPS 10, is positive");
        assertEquals(four("50"), negativePeaks.getObject("negativeShare", BigDecimal.class));
        assertEquals(four("100"), negativePeaks.getObject("types[0].share", BigDecimal.class));
    }

    @Test
    void negativePeaksCountEachCustomersPeakByItsTypeWithTheLaterOneOnATie() {
        LocalDate window = KpiData.freshWindow().plusDays(1); // the day before stays inside the fresh quarter
        UUID concepts = customer();
        UUID detractor = customer();
        UUID tiedNegative = customer();
        UUID tiedLaterNegative = customer();
        UUID tiedLaterPositive = customer();
        UUID promoter = customer();
        UUID negativeBeforeThePeriod = customer();
        UUID unscored = customer();
        LocalDate to = window.plusDays(1);
        ingest(List.of(
                scored(concepts, "feedback.csat", 4, at(window, 1)),
                scored(concepts, "feedback.ces", 1, at(window, 2)),
                scored(concepts, "feedback.nps", 5, at(window, 3)),
                scored(concepts, "feedback.csat", 4, at(window, 4)),
                scored(detractor, "feedback.nps", 0, at(window, 5)),
                scored(tiedNegative, "feedback.csat", 1, at(window, 6)),
                scored(tiedNegative, "feedback.ces", 1, at(window, 7)),
                scored(tiedLaterNegative, "feedback.csat", 5, at(window, 8)),
                scored(tiedLaterNegative, "feedback.ces", 1, at(window, 9)),
                scored(tiedLaterPositive, "feedback.ces", 1, at(window, 10)),
                scored(tiedLaterPositive, "feedback.csat", 5, at(window, 11)),
                scored(promoter, "feedback.nps", 10, at(window, 12)),
                scored(negativeBeforeThePeriod, "feedback.ces", 1, at(window.minusDays(1), 1)),
                scored(negativeBeforeThePeriod, "feedback.csat", 4, at(window, 13)),
                scored(negativeBeforeThePeriod, "feedback.ces", 1, at(to, 1)),
                interaction(unscored, "purchase", "customer", at(window, 14))));

        JsonPath report = exact().queryParam("from", window.toString()).queryParam("to", to.toString())
                .get("/api/v1/kpis/peak-end/negative-peaks").then().statusCode(200).extract().jsonPath();

        assertEquals(window.toString(), report.getString("from"));
        assertEquals(to.toString(), report.getString("to"));
        assertEquals(7, report.getInt("customers"));
        assertEquals(4, report.getInt("negativePeaks"));
        assertEquals(four("57.1429"), report.getObject("negativeShare", BigDecimal.class));
        assertEquals(List.of("feedback.ces", "feedback.nps"), report.getList("types.type"));
        assertEquals(List.of(3, 1), report.getList("types.customers"));
        assertEquals(four("75"), report.getObject("types[0].share", BigDecimal.class));
        assertEquals(four("25"), report.getObject("types[1].share", BigDecimal.class));
    }

    @Test
    void aPeriodWithoutScoredTouchpointsHasNoNegativePeaksAndNoShare() {
        LocalDate window = KpiData.freshWindow();
        ingest(List.of(interaction(customer(), "purchase", "customer", at(window, 1))));

        JsonPath report = exact().queryParam("from", window.toString()).queryParam("to", window.plusDays(1).toString())
                .get("/api/v1/kpis/peak-end/negative-peaks").then().statusCode(200).extract().jsonPath();

        assertEquals(0, report.getInt("customers"));
        assertEquals(0, report.getInt("negativePeaks"));
        assertNull(report.get("negativeShare"));
        assertEquals(List.of(), report.getList("types"));
    }

    @Test
    void ordersGiveAverageOrderValueAndRepurchaseRate() {
        LocalDate window = KpiData.freshWindow();
        UUID once = customer();
        UUID twice = customer();
        ingest(List.of(
                revenue(once, "revenue.order", new BigDecimal("10"), at(window, 1)),
                revenue(twice, "revenue.order", new BigDecimal("10"), at(window, 2)),
                revenue(twice, "revenue.order", new BigDecimal("0"), at(window.plusDays(1), 2))));

        JsonPath aov = kpi("average_order_value", window, window.plusMonths(1));
        assertEquals(four("6.6667"), aov.getObject("value", BigDecimal.class));
        assertEquals(3, aov.getInt("sampleSize"));
        assertEquals(four("50"), value("repurchase_rate", window, window.plusMonths(1)));
    }

    @Test
    void proactiveShareCountsCompanyInitiatedServiceTouchpoints() {
        LocalDate window = KpiData.freshWindow();
        UUID anna = customer();
        ingest(List.of(interaction(anna, "retention", "company", at(window, 1)), interaction(anna, "retention", "customer", at(window, 2)),
                interaction(anna, "retention", "customer", at(window, 3)), interaction(anna, "retention", "company", at(window, 4)),
                interaction(anna, "retention", "customer", at(window, 5))));

        assertEquals(four("40"), value("proactive_share", window, window.plusMonths(1)));
    }

    @Test
    void ordersOfMergedCustomersCountOnceForTheSurvivingCustomer() {
        LocalDate window = KpiData.freshWindow();
        UUID survivor = customer();
        UUID absorbed = customer();
        ingest(List.of(revenue(survivor, "revenue.order", new BigDecimal("20"), at(window, 1)),
                revenue(absorbed, "revenue.order", new BigDecimal("30"), at(window, 2))));
        assertEquals(four("0"), value("repurchase_rate", window, window.plusMonths(1)), "two buyers with one order each");

        Fixtures.postJson("/api/v1/customers/" + survivor + "/merge", Map.of("customerIds", List.of(absorbed))).then().statusCode(200);

        JsonPath repurchase = kpi("repurchase_rate", window, window.plusMonths(1));
        assertEquals(four("100"), repurchase.getObject("value", BigDecimal.class), "one buyer with two orders");
        assertEquals(1, repurchase.getInt("sampleSize"));
    }

    @Test
    void aTargetJudgesTheValueOnTrackAtRiskOrOffTrack() {
        LocalDate window = KpiData.freshWindow();
        UUID anna = customer();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int score : new int[] { 10, 9, 9, 8, 7, 6, 3, 10, 0, 9 }) {
            items.add(scored(anna, "feedback.nps", score, at(window.plusDays(items.size()), 0)));
        }
        ingest(items);
        LocalDate end = window.plusMonths(3);

        putTarget("nps", Map.of("value", 25, "from", window.toString(), "to", end.toString(), "owners", List.of("product", "support"),
                "shared", true, "atRisk", Map.of("kind", "absolute", "width", 5)))
                .then().statusCode(200).body("kpi", equalTo("nps")).body("value", equalTo(25))
                .body("from", equalTo(window.toString())).body("to", equalTo(end.toString()))
                .body("owners", contains("product", "support")).body("shared", equalTo(true))
                .body("atRisk.kind", equalTo("absolute")).body("updatedBy", equalTo("admin"));
        JsonPath reading = kpi("nps", window, window.plusMonths(1));
        assertEquals("at-risk", reading.getString("status"), "20 misses 25 by 5, the edge of the band");
        assertEquals(four("25"), reading.getObject("target.value", BigDecimal.class));

        putTarget("nps", Map.of("value", 20, "from", window.toString(), "to", end.toString(), "owners", List.of("product"), "shared", false))
                .then().statusCode(200);
        assertEquals("on-track", kpi("nps", window, window.plusMonths(1)).getString("status"), "the same period's target was replaced");

        putTarget("nps", Map.of("value", 40, "from", window.toString(), "to", window.plusMonths(1).toString(), "owners", List.of("product"),
                "shared", false)).then().statusCode(200);
        assertEquals("off-track", kpi("nps", window, window.plusMonths(1)).getString("status"), "the narrower target applies");
        assertEquals("on-track", kpi("nps", window, window.plusMonths(2)).getString("status"), "only the wider one covers two months");
        assertNull(kpi("nps", window.minusDays(1), window.plusMonths(1)).get("target"), "no target covers a period starting earlier");
    }

    @Test
    void theListShowsTheTargetInEffectTodayWithItsOwners() {
        putTarget("ces_share_easy", Map.of("value", 75, "owners", List.of("support", "product"), "shared", true))
                .then().statusCode(200).body("from", nullValue()).body("to", nullValue());

        exact().get("/api/v1/kpis").then().statusCode(200)
                .body("find { it.key == 'ces_share_easy' }.owners", contains("product", "support"))
                .body("find { it.key == 'ces_share_easy' }.shared", equalTo(true))
                .body("find { it.key == 'ces_share_easy' }.target.value", equalTo(four("75")));
    }

    @Test
    void aKpiWithoutDataHasANullValueAndNoStatus() {
        LocalDate window = KpiData.freshWindow();
        JsonPath reading = exact().queryParam("from", window.toString()).queryParam("to", window.plusDays(1).toString())
                .get("/api/v1/kpis/csat").then().statusCode(200).body("value", nullValue()).extract().jsonPath();
        assertEquals(0, reading.getInt("sampleSize"));
    }

    @Test
    void withoutFromAndToTheLastNinetyDaysIncludingTodayAreUsed() {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        exact().get("/api/v1/kpis/nps").then().statusCode(200)
                .body("to", equalTo(today.plusDays(1).toString())).body("from", equalTo(today.plusDays(1).minusDays(90).toString()));
    }

    @Test
    void aSeriesHasOnePointPerCalendarBucketCutToThePeriod() {
        LocalDate window = KpiData.freshWindow();
        UUID anna = customer();
        ingest(List.of(scored(anna, "feedback.csat", 5, at(window, 1)), scored(anna, "feedback.csat", 1, at(window, 2)),
                scored(anna, "feedback.csat", 4, at(window.plusMonths(1).plusDays(3), 1))));

        exact().queryParam("interval", "month").queryParam("from", window.toString()).queryParam("to", window.plusMonths(3).toString())
                .get("/api/v1/kpis/csat/series").then().statusCode(200)
                .body("key", equalTo("csat")).body("interval", equalTo("month"))
                .body("points.from", contains(window.toString(), window.plusMonths(1).toString(), window.plusMonths(2).toString()))
                .body("points.value", contains(four("50"), four("100"), null))
                .body("points.sampleSize", contains(2, 1, 0));

        exact().queryParam("interval", "day").queryParam("from", window.toString()).queryParam("to", window.plusDays(2).toString())
                .get("/api/v1/kpis/csat/series").then().statusCode(200)
                .body("points.to", contains(window.plusDays(1).toString(), window.plusDays(2).toString()))
                .body("points.sampleSize", contains(2, 0));

        LocalDate wednesday = window.with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.WEDNESDAY));
        exact().queryParam("interval", "week").queryParam("from", wednesday.toString()).queryParam("to", wednesday.plusDays(14).toString())
                .get("/api/v1/kpis/csat/series").then().statusCode(200)
                .body("points.from", contains(wednesday.toString(), wednesday.plusDays(5).toString(), wednesday.plusDays(12).toString()))
                .body("points.to", contains(wednesday.plusDays(5).toString(), wednesday.plusDays(12).toString(),
                        wednesday.plusDays(14).toString()));
    }

    @Test
    void phaseAndModuleFiltersNarrowTheTouchpointsCounted() {
        LocalDate window = KpiData.freshWindow();
        UUID anna = customer();
        Map<String, Object> inRetention = scored(anna, "feedback.nps", 0, at(window, 1));
        inRetention.put("phase", "retention");
        ingest(List.of(scored(anna, "feedback.nps", 10, at(window, 2)), inRetention));
        LocalDate end = window.plusMonths(1);

        assertEquals(four("0"), value("nps", window, end));
        assertEquals(four("100"), value("nps", window, end, "phase", "advocacy"));
        assertEquals(four("-100"), value("nps", window, end, "phase", "retention"));
        assertEquals(four("0"), value("nps", window, end, "module", "core"));
        assertNull(value("nps", window, end, "module", "support"));
    }

    @Test
    void theCustomerKindSegmentNarrowsPerCustomerKpis() {
        LocalDate window = KpiData.freshWindow();
        UUID person = customer("person");
        UUID organisation = customer("organisation");
        ingest(List.of(revenue(person, "revenue.order", BigDecimal.TEN, at(window, 1)),
                revenue(organisation, "revenue.order", BigDecimal.TEN, at(window, 2)),
                revenue(organisation, "revenue.order", BigDecimal.TEN, at(window, 3))));
        LocalDate end = window.plusMonths(1);

        assertEquals(four("50"), value("repurchase_rate", window, end));
        assertEquals(four("100"), value("repurchase_rate", window, end, "segment", "kind:organisation"));
        assertEquals(four("0"), value("repurchase_rate", window, end, "segment", "kind:person"));
        assertEquals(four("10"), value("average_order_value", window, end, "segment", "kind:person"));
        exact().queryParam("segment", "kind:organisation").queryParam("from", window.toString()).queryParam("to", end.toString())
                .get("/api/v1/kpis/funnel/steps").then().statusCode(200).body("phases[0].customers", equalTo(1));
    }

    @Test
    void aFilterAKpiCannotApplyIsRefusedNamingIt() {
        exact().queryParam("segment", "kind:person").get("/api/v1/kpis/nps").then().statusCode(422)
                .body("errors[0].field", equalTo("segment"))
                .body("detail", equalTo("segment: segment filters are not supported for nps"));
        exact().queryParam("phase", "purchase").get("/api/v1/kpis/nrr").then().statusCode(422)
                .body("errors[0].field", equalTo("phase"));
        exact().queryParam("segment", "city:Berlin").get("/api/v1/kpis/repurchase_rate").then().statusCode(422)
                .body("errors[0].field", equalTo("segment"));
    }

    static io.restassured.response.Response putTarget(String key, Map<String, Object> body) {
        return exact().contentType(ContentType.JSON).body(body).put("/api/v1/kpis/" + key + "/target");
    }
}
