package dev.kreis.app.modules.sales;

import static dev.kreis.app.modules.sales.SalesApi.at;
import static dev.kreis.app.modules.sales.SalesApi.body;
import static dev.kreis.app.modules.sales.SalesApi.four;
import static dev.kreis.app.modules.sales.SalesApi.patch;
import static dev.kreis.app.modules.sales.SalesApi.post;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures;
import dev.kreis.app.modules.ModuleAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The sales KPIs against numbers computed by hand, each inside a month of the nineteenth century no other test wrote into. */
@QuarkusTest
class SalesKpiApiTest {
    static final List<String> KPIS = List.of("sales.win_rate", "sales.pipeline_value", "sales.average_sales_cycle", "sales.average_order_value");

    @BeforeEach
    void salesInstalled() {
        ModuleAdmin.ensureEnabled("sales");
    }

    /** The first day of a month (1800-1899) in which, as in the month before, none of the sales KPIs has data. */
    static LocalDate freshMonth() {
        for (int attempt = 0; attempt < 50; attempt++) {
            LocalDate start = LocalDate.of(1800 + ThreadLocalRandom.current().nextInt(100), 1 + ThreadLocalRandom.current().nextInt(12), 1);
            if (KPIS.stream().allMatch(key -> SalesApi.kpi(key, start.minusMonths(1), start).get("value") == null
                    && SalesApi.kpi(key, start, start.plusMonths(1)).get("value") == null)) {
                return start;
            }
        }
        throw new IllegalStateException("no empty month found");
    }

    static String deal(UUID customer, String amount, String openedAt) {
        return post("/deals", body("customerId", customer.toString(), "name", "KPI " + Fixtures.unique(), "amount", new BigDecimal(amount),
                "openedAt", openedAt)).then().statusCode(201).extract().jsonPath().getString("id");
    }

    static void close(String deal, String stage, String closedAt) {
        patch("/deals/" + deal, stage.equals("won") ? body("stage", "won", "closedAt", closedAt) : body("stage", "lost", "closedAt", closedAt,
                "lostReason", "price")).then().statusCode(200);
    }

    @Test
    void theSalesKpisAreListedWithUnitsAndOwners() {
        given().get("/api/v1/kpis").then().statusCode(200)
                .body("key", Matchers.hasItems(KPIS.toArray(String[]::new)))
                .body("find { it.key == 'sales.win_rate' }.unit", Matchers.equalTo("percent"))
                .body("find { it.key == 'sales.average_sales_cycle' }.direction", Matchers.equalTo("lower_is_better"))
                .body("find { it.key == 'sales.pipeline_value' }.unit", Matchers.equalTo("money"));
    }

    /**
     * Month M. Won inside M: 10 days (opened M-5d, won M+5d) and 20 days (opened M+1d, won M+21d); lost inside M:
     * one; won after M: one (opened in M). Win rate 2 ÷ 3 = 66.6667 %, cycle (10 + 20) ÷ 2 = 15 days. Open at the
     * end of M: 300 (opened M+2d, still open), 400 (opened M+3d, won after M); not 500 (opened after M).
     * Pipeline 700 from 2 deals. Orders in M: 100, 250, 40.5 → 130.1667; one before M and one after do not count.
     */
    @Test
    void winRatePipelineSalesCycleAndOrderValueByHand() {
        LocalDate m = freshMonth();
        LocalDate next = m.plusMonths(1);
        UUID customer = SalesApi.customer();
        List<String> open = new ArrayList<>();

        String wonTen = deal(customer, "1000", at(m.minusDays(5), 0));
        close(wonTen, "won", at(m.plusDays(5), 0));
        String wonTwenty = deal(customer, "2000", at(m.plusDays(1), 0));
        close(wonTwenty, "won", at(m.plusDays(21), 0));
        String lost = deal(customer, "50", at(m.plusDays(2), 0));
        close(lost, "lost", at(m.plusDays(9), 720));
        String stillOpen = deal(customer, "300", at(m.plusDays(2), 0));
        open.add(stillOpen);
        String wonLater = deal(customer, "400", at(m.plusDays(3), 0));
        close(wonLater, "won", at(next.plusDays(2), 0));
        String openedLater = deal(customer, "500", at(next.plusDays(1), 0));
        open.add(openedLater);
        SalesApi.order(customer, "100", at(m, 0));
        SalesApi.order(customer, "250", at(m.plusDays(10), 0));
        SalesApi.order(customer, "40.5", at(next.minusDays(1), 1439));
        SalesApi.order(customer, "9999", at(m.minusDays(1), 1439));
        SalesApi.order(customer, "9999", at(next, 0));
        try {
            JsonPath winRate = SalesApi.kpi("sales.win_rate", m, next);
            assertEquals(four("66.6667"), winRate.getObject("value", BigDecimal.class));
            assertEquals(3, winRate.getInt("sampleSize"));
            JsonPath cycle = SalesApi.kpi("sales.average_sales_cycle", m, next);
            assertEquals(four("15"), cycle.getObject("value", BigDecimal.class));
            assertEquals(2, cycle.getInt("sampleSize"));
            JsonPath pipeline = SalesApi.kpi("sales.pipeline_value", m, next);
            assertEquals(four("700"), pipeline.getObject("value", BigDecimal.class));
            assertEquals(2, pipeline.getInt("sampleSize"));
            JsonPath aov = SalesApi.kpi("sales.average_order_value", m, next);
            assertEquals(four("130.1667"), aov.getObject("value", BigDecimal.class));
            assertEquals(3, aov.getInt("sampleSize"));
            // the month before: nothing closed or ordered inside it but one order; the deal opened then is open at its end
            assertNull(SalesApi.value("sales.win_rate", m.minusMonths(1), m));
            assertEquals(four("1000"), SalesApi.value("sales.pipeline_value", m.minusMonths(1), m));
            assertEquals(four("9999"), SalesApi.value("sales.average_order_value", m.minusMonths(1), m));
        } finally {
            // close what is open, so later periods' pipelines do not carry this test's deals
            for (String deal : open) {
                close(deal, "lost", at(next.plusDays(3), 0));
            }
        }
    }

    @Test
    void filtersTheKpisCannotApplyAreRefused() {
        LocalDate m = LocalDate.of(1801, 1, 1);
        SalesApi.exact().queryParam("from", m.toString()).queryParam("to", m.plusMonths(1).toString()).queryParam("phase", "purchase")
                .get("/api/v1/kpis/sales.win_rate").then().statusCode(422);
    }
}
