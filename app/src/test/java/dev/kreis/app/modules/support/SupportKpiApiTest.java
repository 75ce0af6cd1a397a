package dev.kreis.app.modules.support;

import static dev.kreis.app.modules.support.SupportApi.TICKETS;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.modules.ModuleAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * The ticket KPIs against numbers worked out by hand, for tickets imported into a month of the twentieth century that
 * no other test writes into.
 */
@QuarkusTest
class SupportKpiApiTest {

    @BeforeEach
    void enabled() {
        ModuleAdmin.ensureEnabled("support");
        SupportApi.defaultPolicies();
    }

    @AfterEach
    void defaults() {
        SupportApi.defaultPolicies();
    }

    private static JsonPath kpi(String key, LocalDate from, LocalDate to, String... filters) {
        var request = given().config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .queryParam("from", from.toString()).queryParam("to", to.toString());
        for (int i = 0; i < filters.length; i += 2) {
            request.queryParam(filters[i], filters[i + 1]);
        }
        return request.get("/api/v1/kpis/" + key).then().statusCode(200).extract().jsonPath();
    }

    private static LocalDate emptyMonth() {
        for (int attempt = 0; attempt < 50; attempt++) {
            LocalDate start = LocalDate.of(1900 + ThreadLocalRandom.current().nextInt(99), 1 + ThreadLocalRandom.current().nextInt(12), 1);
            LocalDate from = start.minusMonths(1);
            LocalDate to = start.plusMonths(2);
            if (kpi("support.ticket_volume", from, to).getObject("value", BigDecimal.class).signum() == 0) {
                return start;
            }
        }
        throw new IllegalStateException("no empty month found");
    }

    private static Instant at(LocalDate day, int minutes) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofMinutes(minutes));
    }

    private static String open(UUID customer, Instant openedAt, boolean proactive) {
        Map<String, Object> body = SupportApi.ticket(customer, "normal");
        body.put("openedAt", openedAt.toString());
        body.put("proactive", proactive);
        return SupportApi.open(body).getString("id");
    }

    @Test
    void ticketKpisMatchTheHandComputedValues() {
        LocalDate w = emptyMonth();
        LocalDate end = w.plusMonths(1);
        UUID customer = SupportApi.customer();
        // normal priority: first response within 4 h, resolution within 24 h
        // T1: answered after 60 min, resolved after 2 h, one contact: first contact resolution, SLA met
        String t1 = open(customer, at(w, 0), false);
        SupportApi.respond(t1, at(w, 60));
        SupportApi.resolve(t1, at(w, 120));
        // T2: a second contact, answered after 300 min (late), resolved after 30 h (late)
        String t2 = open(customer, at(w.plusDays(1), 0), false);
        SupportApi.contact(t2, at(w.plusDays(1), 10));
        SupportApi.respond(t2, at(w.plusDays(1), 300));
        SupportApi.resolve(t2, at(w.plusDays(1), 30 * 60));
        // T3: proactive (no customer contact), answered after 30 min, resolved after 1 h: not in first contact resolution
        String t3 = open(customer, at(w.plusDays(2), 0), true);
        SupportApi.respond(t3, at(w.plusDays(2), 30));
        SupportApi.resolve(t3, at(w.plusDays(2), 60));
        // T4: answered after 120 min, not resolved
        String t4 = open(customer, at(w.plusDays(3), 0), false);
        SupportApi.respond(t4, at(w.plusDays(3), 120));
        // T5: opened and answered (90 min) before the month, resolved inside it after 60 h (late resolution)
        String t5 = open(customer, at(w.minusDays(2), 0), false);
        SupportApi.respond(t5, at(w.minusDays(2), 90));
        SupportApi.resolve(t5, at(w.minusDays(2), 60 * 60));
        // T6: opened on the last day, answered after 45 min, resolved after the month
        LocalDate last = end.minusDays(1);
        String t6 = open(customer, at(last, 0), false);
        SupportApi.respond(t6, at(last, 45));
        SupportApi.resolve(t6, at(last, 26 * 60));
        // T7: resolved inside, then reopened: no longer resolved
        String t7 = open(customer, at(w.plusDays(4), 0), false);
        SupportApi.resolve(t7, at(w.plusDays(4), 30));
        SupportApi.patch(TICKETS + "/" + t7, Map.of("status", "open")).then().statusCode(200);

        // opened in the month: T1, T2, T3, T4, T6, T7
        JsonPath volume = kpi("support.ticket_volume", w, end);
        assertEquals(new BigDecimal("6"), volume.getObject("value", BigDecimal.class).stripTrailingZeros());
        // first responses in the month: 60, 300, 30, 120, 45 (T6), 30 (T7: its resolution was its first answer) -> 585 / 6
        JsonPath frt = kpi("support.first_response_time", w, end);
        assertEquals(new BigDecimal("97.5000"), frt.getObject("value", BigDecimal.class));
        assertEquals(6, frt.getInt("sampleSize"));
        // resolved in the month: T1 2 h, T2 30 h, T3 1 h, T5 60 h -> 93 / 4
        JsonPath rt = kpi("support.resolution_time", w, end);
        assertEquals(new BigDecimal("23.2500"), rt.getObject("value", BigDecimal.class));
        assertEquals(4, rt.getInt("sampleSize"));
        // not proactive and resolved in the month: T1 (1 contact), T2 (2), T5 (1) -> 2 / 3
        JsonPath fcr = kpi("support.first_contact_resolution", w, end);
        assertEquals(new BigDecimal("66.6667"), fcr.getObject("value", BigDecimal.class));
        assertEquals(3, fcr.getInt("sampleSize"));
        // both targets met: T1, T3 of T1, T2, T3, T5 -> 50 %
        JsonPath sla = kpi("support.sla_compliance", w, end);
        assertEquals(new BigDecimal("50.0000"), sla.getObject("value", BigDecimal.class));
        assertEquals(4, sla.getInt("sampleSize"));

        // the module filter: support is the module itself, another module has no tickets
        assertEquals(new BigDecimal("50.0000"), kpi("support.sla_compliance", w, end, "module", "support").getObject("value", BigDecimal.class));
        assertNull(kpi("support.sla_compliance", w, end, "module", "sales").get("value"));
        // a month without resolutions has no value rather than 0
        assertNull(kpi("support.sla_compliance", end.plusMonths(1), end.plusMonths(2)).get("value"));
        // ticket KPIs have no journey phase or segment
        given().queryParam("from", w.toString()).queryParam("to", end.toString()).queryParam("phase", "retention")
                .get("/api/v1/kpis/support.first_contact_resolution").then().statusCode(422);
    }

    @Test
    void theModulesKpisAreListed() {
        given().get("/api/v1/kpis").then().statusCode(200)
                .body("key", org.hamcrest.Matchers.hasItems("support.first_contact_resolution", "support.first_response_time",
                        "support.resolution_time", "support.sla_compliance", "support.ticket_volume", "support.csat", "support.ces"))
                .body("find { it.key == 'support.sla_compliance' }.unit", org.hamcrest.Matchers.equalTo("percent"))
                .body("find { it.key == 'support.first_response_time' }.direction", org.hamcrest.Matchers.equalTo("lower_is_better"));
    }
}
