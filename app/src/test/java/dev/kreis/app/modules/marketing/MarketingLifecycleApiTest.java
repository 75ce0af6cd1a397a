package dev.kreis.app.modules.marketing;

import static dev.kreis.app.modules.marketing.Marketing.CAMPAIGNS;
import static dev.kreis.app.modules.marketing.Marketing.EMAIL_EVENTS;
import static dev.kreis.app.modules.marketing.Marketing.PROBLEM_JSON;
import static dev.kreis.app.modules.marketing.Marketing.at;
import static dev.kreis.app.modules.marketing.Marketing.consenting;
import static dev.kreis.app.modules.marketing.Marketing.emailCampaign;
import static dev.kreis.app.modules.marketing.Marketing.event;
import static dev.kreis.app.modules.marketing.Marketing.events;
import static dev.kreis.app.modules.marketing.Marketing.four;
import static dev.kreis.app.modules.marketing.Marketing.post;
import static dev.kreis.app.modules.marketing.Marketing.timelineTypes;
import static dev.kreis.app.modules.marketing.Marketing.value;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.modules.ModuleAdmin;
import dev.kreis.module.marketing.MarketingPersonalData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * The module's life: install → use → uninstall keeping data (API 404, KPIs gone) → install (everything
 * back) → uninstall purging data (rows and touchpoints gone) → install again (empty). Also the customer's
 * export and erasure of marketing data.
 */
@QuarkusTest
class MarketingLifecycleApiTest {

    @Inject
    MarketingPersonalData personalData;

    @BeforeEach
    void installed() {
        ModuleAdmin.ensureEnabled("marketing");
    }

    @Test
    void uninstallKeepsOrPurgesAndReinstallBringsBackWhatWasKept() {
        LocalDate month = Marketing.freshMonth();
        UUID anna = consenting("marketing", "email");
        String id = emailCampaign(anna);
        Map<String, Object> delivered = event(id, anna, "delivered", at(month, 60));
        Map<String, Object> opened = event(id, anna, "opened", at(month, 90));
        events(List.of(event(id, anna, "sent", at(month, 30)), delivered, opened, event(id, anna, "delivered", at(month, 70))));
        assertEquals(four("50"), value("marketing.email_open_rate", month, month.plusMonths(1)));

        try {
            ModuleAdmin.uninstall("marketing", "keep");
            given().get(CAMPAIGNS).then().statusCode(404).contentType(PROBLEM_JSON).body("detail", containsString("marketing"));
            given().get(CAMPAIGNS + "/" + id).then().statusCode(404).contentType(PROBLEM_JSON);
            post(EMAIL_EVENTS, event(id, anna, "opened", at(month, 95))).then().statusCode(404).contentType(PROBLEM_JSON);
            given().get("/api/v1/kpis").then().statusCode(200).body("key", not(hasItem("marketing.email_open_rate")));

            ModuleAdmin.install("marketing");
            given().get(CAMPAIGNS + "/" + id).then().statusCode(200).body("audience.customerIds[0]", equalTo(anna.toString()));
            assertEquals("included", Marketing.members(id).getString("items[0].status"));
            assertEquals(four("50"), value("marketing.email_open_rate", month, month.plusMonths(1)));
            post(EMAIL_EVENTS, delivered).then().statusCode(200).body("duplicate", equalTo(true));
            assertTrue(timelineTypes(anna).contains("marketing.email_opened"));

            Map<String, Long> preview = ModuleAdmin.purgeRecords("marketing");
            assertEquals(List.of("campaigns", "campaign-members", "email-events", "web-visits", "form-submissions"), List.copyOf(preview.keySet()));
            assertTrue(preview.get("campaigns") >= 1 && preview.get("campaign-members") >= 1 && preview.get("email-events") >= 4, preview.toString());
            emailCampaign(anna);
            assertEquals(preview.get("campaigns") + 1, ModuleAdmin.purgeRecords("marketing").get("campaigns"), "a new campaign is counted");

            ModuleAdmin.uninstall("marketing", "purge");
            assertTrue(timelineTypes(anna).stream().noneMatch(t -> t.startsWith("marketing.")), "the module's touchpoints are gone");
            ModuleAdmin.install("marketing");
            assertTrue(ModuleAdmin.purgeRecords("marketing").values().stream().allMatch(count -> count == 0), "nothing is left to purge");

            given().get(CAMPAIGNS + "/" + id).then().statusCode(404).contentType(PROBLEM_JSON);
            assertNull(value("marketing.email_open_rate", month, month.plusMonths(1)));
            JsonPath export = given().get("/api/v1/customers/" + anna + "/export").then().statusCode(200).extract().jsonPath();
            assertNull(export.get("modules.marketing.'" + anna + "'"), "no rows of the customer are left");
            String fresh = emailCampaign(anna);
            post(EMAIL_EVENTS, Map.of("campaignId", fresh, "customerId", anna.toString(), "event", "delivered", "occurredAt", at(month, 60),
                    "externalId", delivered.get("externalId"))).then().statusCode(201).body("duplicate", equalTo(false));
        } finally {
            ModuleAdmin.ensureEnabled("marketing");
        }
    }

    @Test
    void theExportShowsTheCustomersMarketingDataAndErasureEmptiesItsPersonalValues() {
        String email = Marketing.email();
        JsonPath form = post(Marketing.FORMS, Map.of("form", "webinar", "email", email, "firstName", "Clara", "phone", "+49 30 1234567",
                "fields", Map.of("company", "Clara GmbH"))).then().statusCode(201).extract().jsonPath();
        UUID clara = UUID.fromString(form.getString("customerId"));
        Marketing.consent(clara, "marketing", "email", "granted");
        String id = emailCampaign(clara);
        post(EMAIL_EVENTS, event(id, clara, "sent", "2025-03-01T10:00:00Z")).then().statusCode(201);
        post(Marketing.WEB_VISITS, Marketing.visit(clara, "2025-03-01T11:00:00Z")).then().statusCode(201);

        JsonPath export = given().get("/api/v1/customers/" + clara + "/export").then().statusCode(200).extract().jsonPath();
        String root = "modules.marketing.'" + clara + "'.";
        assertEquals(id, export.getString(root + "campaignMemberships[0].campaignId"));
        assertEquals("sent", export.getString(root + "emailEvents[0].event"));
        assertEquals("https://shop.example.com/pricing", export.getString(root + "webVisits[0].url"));
        assertEquals("Clara GmbH", export.getString(root + "formSubmissions[0].fields.company"));
        assertEquals(email, export.getString(root + "formSubmissions[0].email"));

        given().contentType("application/json").body(Map.of("reason", "data subject request")).post("/api/v1/customers/" + clara + "/erase")
                .then().statusCode(org.hamcrest.Matchers.lessThan(300));
        given().get(CAMPAIGNS + "/" + id + "/members").then().statusCode(200).body("items.customerId", hasItem(clara.toString()));
        Map<String, Object> after = personalData.export(clara);
        @SuppressWarnings("unchecked")
        Map<String, Object> submission = ((List<Map<String, Object>>) after.get("formSubmissions")).get(0);
        assertNull(submission.get("email"));
        assertNull(submission.get("firstName"));
        assertNull(submission.get("phone"));
        assertNull(submission.get("fields"));
        assertEquals("webinar", submission.get("form"), "what identifies nobody stays");
        @SuppressWarnings("unchecked")
        Map<String, Object> visit = ((List<Map<String, Object>>) after.get("webVisits")).get(0);
        assertEquals("(erased)", visit.get("url"));
        assertEquals(1, ((List<?>) after.get("emailEvents")).size(), "events stay for the KPIs");
    }
}
