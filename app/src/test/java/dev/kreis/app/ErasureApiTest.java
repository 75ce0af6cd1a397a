package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Fixtures.berlinPhone;
import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.postJson;
import static dev.kreis.app.Fixtures.touchpointFor;
import static dev.kreis.app.Fixtures.touchpointForEmail;
import static dev.kreis.app.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures.Created;
import dev.kreis.app.modules.ModuleAdmin;
import dev.kreis.platform.storage.Jdbc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** {@code POST /api/v1/customers/{id}/erase}: personal data goes, figures stay, the person stays out until a new consent. */
@QuarkusTest
class ErasureApiTest {

    @Inject
    Jdbc jdbc;

    @Inject
    TestModuleData moduleData;

    static Response erase(UUID customerId, String reason) {
        return given().contentType(ContentType.JSON).body(reason == null ? Map.of() : Map.of("reason", reason))
                .post("/api/v1/customers/" + customerId + "/erase");
    }

    /** NPS (% promoters − % detractors) and the sum of amounts over a customer's touchpoints, by SQL. */
    private List<BigDecimal> kpis(UUID customerId) {
        BigDecimal nps = jdbc.queryOne("select (100.0 * sum(case when t.score >= 9 then 1 else 0 end) - 100.0 * sum(case when t.score <= 6"
                + " then 1 else 0 end)) / count(*) as nps from touchpoint t join profile p on p.id = t.profile_id"
                + " where p.customer_id = ? and t.type = 'feedback.nps'", row -> row.getBigDecimal("nps"), customerId).orElseThrow();
        BigDecimal amounts = jdbc.queryOne("select sum(t.amount) as total, count(*) as n from touchpoint t join profile p on p.id = t.profile_id"
                + " where p.customer_id = ?", row -> row.getBigDecimal("total"), customerId).orElseThrow();
        long count = jdbc.queryOne("select count(*) as n from touchpoint t join profile p on p.id = t.profile_id where p.customer_id = ?",
                row -> row.getLong("n"), customerId).orElseThrow();
        return List.of(nps.stripTrailingZeros(), amounts.stripTrailingZeros(), BigDecimal.valueOf(count));
    }

    @Test
    void afterErasureNoTableHoldsThePersonsEmailPhoneOrNameAndTheFiguresStayTheSame() {
        String lastName = "Erasmus" + unique();
        String fullName = "Anna " + lastName;
        String mail = email();
        String otherMail = email();
        String rawPhone = berlinPhone();
        String company = "Zyxqwer " + unique() + " GmbH";
        Created anna = person("crm").name("Anna", lastName).attribute("company", company).attribute("city", "Berlin-" + lastName)
                .attribute("phone", rawPhone).email(mail).phone(rawPhone).external("hubspot", "hs-" + lastName).create();
        String e164 = Fixtures.customer(anna.customerId()).getList("identifiers.findAll { it.type == 'phone' }.value", String.class).get(0);
        UUID byTouchpoint = UUID.fromString(touchpointForEmail(otherMail).source("shop").post().then().statusCode(201)
                .extract().jsonPath().getString("customerId"));
        Created bridge = person("web-form").externalId(mail).attribute("name", fullName).email(mail).email(otherMail).create();
        assertEquals(anna.customerId(), bridge.customerId(), "the bridging profile merged both customers automatically");
        Created lookalike = person("support").name("Anna", lastName.replace("Erasmus", "Erassmus")).attribute("company", company)
                .email(email()).create();
        assertEquals(List.of(new DatabaseScan.Column("merge_suggestion", "reasons")),
                DatabaseScan.find(jdbc, List.of(new DatabaseScan.Column("merge_suggestion", "reasons")), lastName), "a suggestion quotes the name");

        Map<String, Object> payload = Map.of("note", "Call " + fullName + " on " + rawPhone, "email", mail, "items", 3);
        for (int score : new int[] { 10, 9, 7, 3 }) {
            touchpointFor(anna.customerId()).type("feedback.nps").score(score).set("payload", payload).ingest();
        }
        touchpointFor(anna.customerId()).phase("purchase").set("amount", 120.5).set("currency", "EUR").set("payload", payload).ingest();
        touchpointForEmail(otherMail).source("shop").set("amount", 30).set("currency", "EUR").ingest();
        ConsentApiTest.put(anna.customerId(), ConsentApiTest.decision("marketing", "email", "granted", null)).then().statusCode(200);
        moduleData.put(anna.customerId(), Map.of("newsletterAddress", mail));
        String surveyToken = SurveyApiTest.invite(SurveyApiTest.survey("nps"), anna.customerId()).getString("token");
                List<String> timeline = Fixtures.timelineIds(anna.customerId());
        List<BigDecimal> before = kpis(anna.customerId());
        List<DatabaseScan.Column> columns = DatabaseScan.textColumns(jdbc);
        assertTrue(columns.size() > 20, "text columns found: " + columns);
        assertTrue(DatabaseScan.find(jdbc, columns, mail).size() >= 3, "the scan finds what is stored");

        Response erased = erase(anna.customerId(), "Requested by " + fullName + " (" + mail + ") by letter");
        erased.then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/erasures/" + erased.jsonPath().getString("receiptId")))
                .body("customerId", equalTo(anna.customerId().toString()))
                .body("actor", equalTo("admin"))
                .body("profiles", equalTo(3))
                .body("identifiers", equalTo(6))
                .body("touchpoints", equalTo(7))
                .body("suppressedIdentifiers", equalTo(7))
                .body("reason", equalTo("Requested by [erased] ([erased]) by letter"))
                .body("erasedAt", notNullValue());

        for (String needle : List.of(mail, otherMail, rawPhone, e164, fullName, lastName, "hs-" + lastName)) {
            assertEquals(List.of(), DatabaseScan.find(jdbc, columns, needle), "columns still holding " + needle);
        }
        assertEquals(before, kpis(anna.customerId()), "NPS, amounts and counts are unchanged");
        assertEquals(timeline, Fixtures.timelineIds(anna.customerId()), "every touchpoint stays");
        given().auth().none().get("/public/v1/responses/" + surveyToken).then().statusCode(410);
        assertTrue(moduleData.erased(anna.customerId()) && moduleData.erased(byTouchpoint), "the module erased every id of the customer");
        JsonPath customer = Fixtures.customer(byTouchpoint);
        assertEquals(anna.customerId().toString(), customer.getString("id"), "merged ids still forward");
        assertEquals(List.of(), customer.getList("identifiers"));
        assertEquals(3, customer.getList("profiles").size());
        given().get("/api/v1/customers/" + lookalike.customerId()).then().statusCode(200);
        String export = given().get("/api/v1/customers/" + anna.customerId() + "/export").then().statusCode(200).extract().asString();
        for (String needle : List.of(mail, otherMail, rawPhone, e164, lastName)) {
            assertTrue(!export.toLowerCase().contains(needle.toLowerCase()), "the export still shows " + needle);
        }
    }

    @Test
    void erasingAgainRunsTheErasureAgainUnderANewReceipt() {
        Created anna = person("crm").email(email()).create();
        JsonPath first = erase(anna.customerId(), null).then().statusCode(201).extract().jsonPath();

        Response again = erase(anna.customerId(), "again");

        again.then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/erasures/" + again.jsonPath().getString("receiptId")))
                .body("customerId", equalTo(anna.customerId().toString())).body("profiles", equalTo(1)).body("identifiers", equalTo(0))
                .body("suppressedIdentifiers", equalTo(0));
        assertNotEquals(first.getString("receiptId"), again.jsonPath().getString("receiptId"));
        given().get("/api/v1/erasures/" + first.getString("receiptId")).then().statusCode(200)
                .body("customerId", equalTo(anna.customerId().toString())).body("profiles", equalTo(1))
                .body("identifiers", equalTo(1)).body("suppressedIdentifiers", equalTo(2));
        assertEquals(2, given().queryParam("action", "customer.erased").queryParam("targetId", anna.customerId().toString())
                .get("/api/v1/audit").jsonPath().getList("items").size(), "both erasures are audited");
    }

    @Test
    void afterErasureWritesNamingThePersonAreRefusedAndErasingAgainLeavesNoTraceInAnyTable() {
        ModuleAdmin.ensureEnabled("support");
        ModuleAdmin.ensureEnabled("sales");
        String lastName = "Rueckkehr" + unique();
        String mail = email();
        String phone = berlinPhone();
        Created anna = person("crm").name("Anna", lastName).email(mail).phone(phone).create();
        String ticket = postJson("/api/v1/support/tickets", Map.of("customerId", anna.customerId().toString(), "subject", "Invoice wrong",
                "channel", "email", "priority", "normal")).then().statusCode(201).extract().jsonPath().getString("id");
        String deal = postJson("/api/v1/sales/deals", Map.of("customerId", anna.customerId().toString(), "name", "Seats", "amount", 100))
                .then().statusCode(201).extract().jsonPath().getString("id");
        String firstReceipt = erase(anna.customerId(), null).then().statusCode(201).extract().jsonPath().getString("receiptId");
        String personal = "Anna " + lastName + " " + mail + " " + phone;

        for (Response write : List.of(
                Fixtures.patchJson("/api/v1/support/tickets/" + ticket, Map.of("description", personal)),
                postJson("/api/v1/support/tickets/" + ticket + "/responses", Map.of("note", personal)),
                postJson("/api/v1/support/tickets/" + ticket + "/contacts", Map.of("note", personal)),
                postJson("/api/v1/support/tickets/" + ticket + "/resolve", Map.of("resolution", personal)),
                Fixtures.patchJson("/api/v1/sales/deals/" + deal, Map.of("name", personal)))) {
            write.then().statusCode(409).contentType(PROBLEM_JSON).body("type", equalTo("https://kreis.dev/problems/customer-erased"))
                    .body("errors.field", contains("id"));
        }
        String secondReceipt = erase(anna.customerId(), null).then().statusCode(201).extract().jsonPath().getString("receiptId");

        assertNotEquals(firstReceipt, secondReceipt);
        List<DatabaseScan.Column> columns = DatabaseScan.textColumns(jdbc);
        for (String needle : List.of(mail, phone, lastName)) {
            assertEquals(List.of(), DatabaseScan.find(jdbc, columns, needle), "columns still holding " + needle);
        }
    }

    @Test
    void erasingAgainRemovesWhatAModuleStoredAboutThePersonSince() {
        Created anna = person("crm").email(email()).create();
        erase(anna.customerId(), null).then().statusCode(201);
        moduleData.put(anna.customerId(), Map.of("note", "Stored later " + unique()));

        erase(anna.customerId(), null).then().statusCode(201);

        assertEquals(Map.of(), moduleData.export(anna.customerId()), "the module's PersonalDataContributor ran again");
    }

    @Test
    void noCustomerCanBeMergedIntoAnErasedOneNorSplitOffIt() {
        Created anna = person("crm").email(email()).create();
        erase(anna.customerId(), null).then().statusCode(201);
        String mail = email();
        Created other = person("shop").email(mail).create();

        postJson("/api/v1/customers/" + anna.customerId() + "/merge", Map.of("customerIds", List.of(other.customerId()))).then().statusCode(409)
                .contentType(PROBLEM_JSON).body("type", equalTo("https://kreis.dev/problems/customer-erased")).body("errors.field", contains("id"));
        postJson("/api/v1/customers/" + anna.customerId() + "/split", Map.of("profileIds", List.of(anna.profileId()))).then().statusCode(409)
                .body("type", equalTo("https://kreis.dev/problems/customer-erased"));

        assertEquals(List.of(mail), Fixtures.customer(other.customerId()).getList("identifiers.value"), "the other customer is untouched");
    }

    @Test
    void anErasureWithoutBodyIsAccepted() {
        Created anna = person("crm").email(email()).create();

        given().post("/api/v1/customers/" + anna.customerId() + "/erase").then().statusCode(201).body("reason", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anErasedPersonIsRefusedByProfileAndByTouchpointUntilAnExplicitConsent() {
        String mail = email();
        String phone = berlinPhone();
        Fixtures.ProfileBody original = person("crm").email(mail).phone(phone);
        Created anna = original.create();
        erase(anna.customerId(), null).then().statusCode(201);

        person("shop").external("shop", "s-" + unique()).email(mail).post().then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://kreis.dev/problems/suppressed-identifier"))
                .body("errors.field", contains("identifiers[1]"));
        postJson("/api/v1/profiles", Map.of("source", "crm", "externalId", original.json().get("externalId"))).then().statusCode(409)
                .body("errors.field", contains("externalId"));
        touchpointForEmail(mail).post().then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("customer.identifiers[0]"));
        touchpointFor(anna.customerId()).post().then().statusCode(422).body("errors.field", contains("customerId"));
        List<Map<String, Object>> batch = List.of(touchpointForEmail(email()).json(),
                Fixtures.touchpointForEmail(email()).set("customer", Map.of("identifiers", List.of(Map.of("type", "email", "value", email()),
                        Map.of("type", "phone", "value", phone)))).json(),
                touchpointForEmail(email()).json());
        postJson("/api/v1/touchpoints/batch", Map.of("items", batch)).then().statusCode(200)
                .body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .body("results[1].status", equalTo("rejected")).body("results[1].errors.field", contains("customer.identifiers[1]"));

        Map<String, Object> withdrawnOnly = person("shop").email(mail).json();
        withdrawnOnly.put("consents", List.of(Map.of("purpose", "marketing", "channel", "email", "status", "withdrawn")));
        postJson("/api/v1/profiles", withdrawnOnly).then().statusCode(409);

        Map<String, Object> optIn = person("shop").email(mail).json();
        optIn.put("consents", List.of(Map.of("purpose", "marketing", "channel", "email", "status", "granted")));
        Created back = Created.of(postJson("/api/v1/profiles", optIn).then().statusCode(201).extract().response());

        assertNotEquals(anna.customerId(), back.customerId());
        given().get("/api/v1/customers/" + back.customerId() + "/consents").then().body("items.status", contains("granted"));
        assertEquals(back.customerId().toString(), touchpointForEmail(mail).post().then().statusCode(201)
                .extract().jsonPath().getString("customerId"));
        touchpointFor(anna.customerId()).post().then().statusCode(422);
        given().queryParam("action", "suppression.lifted").queryParam("targetId", back.customerId().toString()).get("/api/v1/audit")
                .then().body("items.after.liftedIdentifiers", contains(1));
        postJson("/api/v1/profiles", person("other").phone(phone).json()).then().statusCode(409)
                .body("errors.field", contains("identifiers[0]"));
    }

    private static Map<String, Object> withConsent(Fixtures.ProfileBody profile, String decidedAt) {
        Map<String, Object> body = profile.json();
        Map<String, Object> consent = new java.util.LinkedHashMap<>(Map.of("purpose", "marketing", "channel", "email", "status", "granted"));
        if (decidedAt != null) {
            consent.put("decidedAt", decidedAt);
        }
        body.put("consents", List.of(consent));
        return body;
    }

    @Test
    void anErasedEmailOrPhoneSentAsAProfileAttributeIsRefused() {
        String mail = email();
        String phone = berlinPhone();
        erase(person("crm").email(mail).phone(phone).create().customerId(), null).then().statusCode(201);

        person("shop").attribute("email", mail.toUpperCase(java.util.Locale.ROOT)).post().then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://kreis.dev/problems/suppressed-identifier")).body("errors.field", contains("attributes.email"));
        person("shop").attribute("mobile", phone.replace(" ", "/")).post().then().statusCode(409)
                .body("errors.field", contains("attributes.mobile"));
        person("shop").attribute("postcode", "10115").attribute("email", email()).post().then().statusCode(201);
    }

    @Test
    void anErasedEmailOrPhoneSentAsACustomOrExternalIdentifierIsRefused() {
        String mail = email();
        String phone = berlinPhone();
        erase(person("crm").email(mail).phone(phone).create().customerId(), null).then().statusCode(201);

        person("shop").identifier("custom", mail, "loyalty").post().then().statusCode(409)
                .body("errors.field", contains("identifiers[0]"));
        person("shop").email(email()).identifier("external", phone, "callcenter").post().then().statusCode(409)
                .body("errors.field", contains("identifiers[1]"));
        Fixtures.touchpointForEmail(email()).set("customer", Map.of("identifiers", List.of(Map.of("type", "custom", "system", "loyalty",
                "value", mail)))).post().then().statusCode(422).body("errors.field", contains("customer.identifiers[0]"));
        person("shop").identifier("custom", "card-" + unique(), "loyalty").post().then().statusCode(201);
    }

    @Test
    void anEmailOrPhoneKeptOnlyAsAnAttributeOfTheErasedPersonIsSuppressedToo() {
        String mail = email();
        String phone = berlinPhone();
        erase(person("crm").external("crm", "c-" + unique()).attribute("privateEmail", mail).attribute("phone", phone).create().customerId(), null)
                .then().statusCode(201);

        person("shop").email(mail).post().then().statusCode(409).body("errors.field", contains("identifiers[0]"));
        person("shop").phone(phone).post().then().statusCode(409).body("errors.field", contains("identifiers[0]"));
    }

    @Test
    void onlyAConsentDecidedAfterTheErasureLiftsTheSuppression() {
        String mail = email();
        erase(person("crm").email(mail).create().customerId(), null).then().statusCode(201);

        postJson("/api/v1/profiles", withConsent(person("shop").email(mail), "2019-03-01T10:00:00Z")).then().statusCode(409)
                .body("errors.field", contains("identifiers[0]"));
        postJson("/api/v1/profiles", withConsent(person("shop").email(mail), OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString()))
                .then().statusCode(409);
        Created back = Created.of(postJson("/api/v1/profiles", withConsent(person("shop").email(mail), null)).then().statusCode(201)
                .extract().response());

        given().get("/api/v1/customers/" + back.customerId() + "/consents").then().body("items.status", contains("granted"));
    }

    @Test
    void erasingAMergedIdErasesTheSurvivorAndEveryIdMergedIntoIt() {
        Created anna = person("crm").email(email()).create();
        Created other = person("crm").email(email()).create();
        postJson("/api/v1/customers/" + anna.customerId() + "/merge", Map.of("customerIds", List.of(other.customerId()))).then().statusCode(200);

        erase(other.customerId(), null).then().statusCode(201).body("customerId", equalTo(anna.customerId().toString()))
                .body("profiles", equalTo(2));
    }

    @Test
    void badRequestsAreNamed() {
        erase(UUID.randomUUID(), null).then().statusCode(404).contentType(PROBLEM_JSON);
        given().post("/api/v1/customers/nope/erase").then().statusCode(400).body("errors.field", contains("id"));
        Created anna = person("crm").email(email()).create();
        erase(anna.customerId(), "x".repeat(1001)).then().statusCode(422).body("errors.field", contains("reason"));
        given().contentType(ContentType.JSON).body("{\"reason\": ").post("/api/v1/customers/" + anna.customerId() + "/erase")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        given().contentType(ContentType.JSON).body("{\"reason\": 5}").post("/api/v1/customers/" + anna.customerId() + "/erase")
                .then().statusCode(400).body("errors.field", contains("reason"));
        given().contentType(ContentType.JSON).body("[]").post("/api/v1/customers/" + anna.customerId() + "/erase")
                .then().statusCode(400).body("errors.field", contains("body"));
        given().get("/api/v1/erasures/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM_JSON);
        given().get("/api/v1/erasures/nope").then().statusCode(400).body("errors.field", contains("receiptId"));
    }

    @Test
    void onlyAdminsAndCxManagersEraseAndReadReceipts() {
        Created anna = person("crm").email(email()).create();

        for (String role : List.of("viewer", "marketing", "sales", "support", "integration")) {
            Staff.as(role).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/customers/" + anna.customerId() + "/erase")
                    .then().statusCode(403);
        }
        String receipt = Staff.as("cx-manager").contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/customers/" + anna.customerId() + "/erase").then().statusCode(201)
                .body("actor", equalTo(Staff.username("cx-manager"))).extract().jsonPath().getString("receiptId");
        given().queryParam("action", "customer.erased").queryParam("targetId", anna.customerId().toString()).get("/api/v1/audit")
                .then().body("items.actor", contains(Staff.username("cx-manager"))).body("items[0].after.receiptId", equalTo(receipt));
        Staff.as("viewer").get("/api/v1/erasures/" + receipt).then().statusCode(403);
        Staff.as("cx-manager").get("/api/v1/erasures/" + receipt).then().statusCode(200);
        given().auth().none().get("/api/v1/erasures/" + receipt).then().statusCode(401);
    }

    @Test
    void aConsentChangeOfAnErasedCustomerIsAConflict() {
        Created anna = person("crm").email(email()).create();
        erase(anna.customerId(), null).then().statusCode(201);

        ConsentApiTest.put(anna.customerId(), ConsentApiTest.decision("marketing", "email", "granted", null)).then().statusCode(409);
        given().get("/api/v1/customers/" + anna.customerId() + "/consents").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }
}
