package dev.kreis.app.modules.marketing;

import static dev.kreis.app.modules.marketing.Marketing.at;
import static dev.kreis.app.modules.marketing.Marketing.consenting;
import static dev.kreis.app.modules.marketing.Marketing.customer;
import static dev.kreis.app.modules.marketing.Marketing.emailCampaign;
import static dev.kreis.app.modules.marketing.Marketing.event;
import static dev.kreis.app.modules.marketing.Marketing.events;
import static dev.kreis.app.modules.marketing.Marketing.four;
import static dev.kreis.app.modules.marketing.Marketing.kpi;
import static dev.kreis.app.modules.marketing.Marketing.order;
import static dev.kreis.app.modules.marketing.Marketing.value;
import static dev.kreis.app.modules.marketing.Marketing.visit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.modules.ModuleAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The marketing KPIs against numbers worked out by hand, each in a month of the twentieth century nobody else wrote into. */
@QuarkusTest
class MarketingKpiApiTest {

    @BeforeEach
    void installed() {
        ModuleAdmin.ensureEnabled("marketing");
    }

    @Test
    void theKpisAreListedWithUnitsAndOwners() {
        given().get("/api/v1/kpis").then().statusCode(200)
                .body("key", hasItems("marketing.email_open_rate", "marketing.email_click_rate", "marketing.campaign_conversion",
                        "marketing.web_visits"))
                .body("find { it.key == 'marketing.email_open_rate' }.unit", org.hamcrest.Matchers.equalTo("percent"))
                .body("find { it.key == 'marketing.web_visits' }.unit", org.hamcrest.Matchers.equalTo("count"))
                .body("find { it.key == 'marketing.campaign_conversion' }.owners", org.hamcrest.Matchers.contains("marketing", "sales"));
    }

    @Test
    void openAndClickRatesAreOpensAndClicksPerDelivery() {
        LocalDate month = Marketing.freshMonth();
        UUID a = customer();
        UUID b = customer();
        String id = emailCampaign(a, b);
        List<Map<String, Object>> items = new ArrayList<>();
        // 8 deliveries, 5 opens (one customer opens twice), 2 clicks; a bounce and an open outside the month do not count.
        for (int i = 0; i < 4; i++) {
            items.add(event(id, a, "delivered", at(month.plusDays(i), 60)));
            items.add(event(id, b, "delivered", at(month.plusDays(i), 61)));
        }
        for (int i = 0; i < 5; i++) {
            items.add(event(id, i % 2 == 0 ? a : b, "opened", at(month.plusDays(i), 120)));
        }
        items.add(event(id, a, "clicked", at(month.plusDays(2), 180)));
        items.add(event(id, b, "clicked", at(month.plusDays(3), 180)));
        items.add(event(id, b, "bounced", at(month.plusDays(3), 5)));
        items.add(event(id, b, "opened", at(month.plusMonths(1), 0)));
        events(items);

        JsonPath open = kpi("marketing.email_open_rate", month, month.plusMonths(1));
        assertEquals(four("62.5"), open.getObject("value", BigDecimal.class), "5 / 8");
        assertEquals(four("25"), value("marketing.email_click_rate", month, month.plusMonths(1)), "2 / 8");
        assertNull(value("marketing.email_open_rate", month.plusMonths(1), month.plusMonths(2)), "an open without deliveries has no rate");
    }

    @Test
    void webVisitsAreCounted() {
        LocalDate month = Marketing.freshMonth();
        UUID a = customer();
        UUID b = customer();
        for (Map<String, Object> body : List.of(visit(a, at(month, 10)), visit(a, at(month.plusDays(9), 10)), visit(b, at(month.plusDays(20), 0)),
                visit(b, at(month.plusMonths(1), 0)))) {
            Marketing.post(Marketing.WEB_VISITS, body).then().statusCode(201);
        }

        JsonPath visits = kpi("marketing.web_visits", month, month.plusMonths(1));
        assertEquals(0, new BigDecimal("3").compareTo(visits.getObject("value", BigDecimal.class)));
    }

    @Test
    void conversionIsTheShareOfSentMembersWhoOrderWithinTheWindowAfterTheirFirstSend() {
        LocalDate month = Marketing.freshMonth();
        UUID fast = consenting("marketing", "email");
        UUID slow = consenting("marketing", "email");
        UUID never = consenting("marketing", "email");
        UUID before = consenting("marketing", "email");
        UUID notSent = consenting("marketing", "email");
        String id = emailCampaign(fast, slow, never, before, notSent);
        events(List.of(
                event(id, fast, "sent", at(month.plusDays(1), 0)),
                event(id, fast, "sent", at(month.plusDays(5), 0)),
                event(id, slow, "sent", at(month.plusDays(2), 0)),
                event(id, never, "sent", at(month.plusDays(3), 0)),
                event(id, before, "sent", at(month.plusDays(4), 0)),
                event(id, notSent, "delivered", at(month.plusDays(4), 0))));
        order(fast, at(month.plusDays(11), 0), "120"); // 10 days after the first send
        order(slow, at(month.plusDays(2 + 40), 0), "80"); // 40 days after: outside 30, inside 45
        order(before, at(month.plusDays(3), 0), "50"); // before the send

        JsonPath conversion = kpi("marketing.campaign_conversion", month, month.plusMonths(1));
        assertEquals(four("25"), conversion.getObject("value", BigDecimal.class), "1 of 4 sent members ordered within 30 days");
        assertEquals(4, conversion.getInt("sampleSize"));
        assertNull(value("marketing.campaign_conversion", month.plusMonths(2), month.plusMonths(3)));

        configure(45);
        try {
            assertEquals(four("50"), value("marketing.campaign_conversion", month, month.plusMonths(1)), "2 of 4 within 45 days");
        } finally {
            configure(30);
        }
        assertEquals(four("25"), value("marketing.campaign_conversion", month, month.plusMonths(1)));
    }

    @Test
    void conversionRefusesFiltersItCannotApply() {
        LocalDate month = Marketing.freshMonth();
        given().queryParam("from", month.toString()).queryParam("to", month.plusMonths(1).toString()).queryParam("phase", "awareness")
                .get("/api/v1/kpis/marketing.campaign_conversion").then().statusCode(422);
    }

    static void configure(int days) {
        given().contentType(ContentType.JSON).body(Map.of("conversionWindowDays", days)).put("/api/v1/modules/marketing/config")
                .then().statusCode(200);
    }
}
