package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.kreis.app.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** {@code GET /api/v1/customers?q=}: search by name, e-mail, phone or external id, newest first, paged. */
@QuarkusTest
class CustomerSearchApiTest {

    @Test
    void aNameFragmentMatchesRegardlessOfCaseAndAccents() {
        String tag = unique();
        Created zoe = person("crm").name("Zoë", "Müller-" + tag).create();

        for (String q : List.of("MÜLLER-" + tag.toUpperCase(), "muller " + tag, "zoe muller-" + tag, tag.substring(2, 8))) {
            assertEquals(List.of(zoe.customerId().toString()), search(q).getList("items.id"), q);
        }
    }

    @Test
    void theSummaryShowsNameEmailPhoneAndCreation() {
        String tag = unique();
        String address = email();
        String phone = Fixtures.berlinPhone();
        Created anna = person("crm").name("Anna", "Summary" + tag).email(address).phone(phone).create();

        given().queryParam("q", "summary" + tag).when().get("/api/v1/customers")
                .then().statusCode(200)
                .body("items.id", contains(anna.customerId().toString()))
                .body("items[0].kind", equalTo("person"))
                .body("items[0].displayName", equalTo("Anna Summary" + tag))
                .body("items[0].email", equalTo(address))
                .body("items[0].phone", equalTo("+49" + phone.substring(1).replace(" ", "")))
                .body("items[0].createdAt", notNullValue())
                .body("nextCursor", equalTo(null));
    }

    @Test
    void anEmailMatchesInAnyCase() {
        String address = email();
        Created anna = person("crm").email(address).create();

        assertEquals(List.of(anna.customerId().toString()), search(address.toUpperCase()).getList("items.id"));
        assertEquals(List.of(anna.customerId().toString()), search(" " + address + " ").getList("items.id"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "national", "international", "spaced", "slashed" })
    void aPhoneNumberMatchesInAnyFormat(String format) {
        String national = Fixtures.berlinPhone();
        String digits = national.substring(4);
        Created anna = person("crm").phone(national).create();
        String q = switch (format) {
            case "national" -> national;
            case "international" -> "+4930" + digits;
            case "spaced" -> "+49 30 " + digits.substring(0, 4) + " " + digits.substring(4);
            default -> "030/" + digits;
        };

        assertEquals(List.of(anna.customerId().toString()), search(q).getList("items.id"), q);
    }

    @Test
    void anExternalIdMatchesItsValue() {
        String value = "C-" + unique();
        Created anna = person("shop").external("shopify", value).create();

        assertEquals(List.of(anna.customerId().toString()), search(value).getList("items.id"));
    }

    @Test
    void mergedCustomersAppearOnceUnderTheSurvivor() {
        String tag = unique();
        Created a = person("crm").name("Anna", "Dupe" + tag).email(email()).create();
        Created b = person("shop").name("Anna", "Dupe" + tag).email(email()).create();
        Fixtures.postJson("/api/v1/customers/" + a.customerId() + "/merge", Map.of("customerIds", List.of(b.customerId())))
                .then().statusCode(200);

        assertEquals(List.of(a.customerId().toString()), search("dupe" + tag).getList("items.id"));
    }

    @Test
    void resultsComeNewestFirstAndPagesNeverRepeatACustomer() {
        String tag = unique();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            created.add(0, person("crm").name("Paula", "Page" + tag).email(email()).create().customerId().toString());
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("q", "page" + tag).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/customers").then().statusCode(200).extract().jsonPath();
            assertEquals(1, page.getList("items").size());
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);

        assertEquals(created, seen);
    }

    @Test
    void withoutAQueryTheNewestCustomersComeFirst() {
        Created older = person("crm").email(email()).create();
        Created newer = person("crm").email(email()).create();

        List<String> ids = given().queryParam("limit", 500).when().get("/api/v1/customers")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        int olderAt = ids.indexOf(older.customerId().toString());
        int newerAt = ids.indexOf(newer.customerId().toString());

        assertTrue(newerAt >= 0 && (olderAt < 0 || newerAt < olderAt), ids.toString());
    }

    @Test
    void wildcardCharactersInTheQueryAreTakenLiterally() {
        String tag = unique();
        Created hans = person("crm").name("Hans", "Hundert" + tag).create();

        assertEquals(List.of(hans.customerId().toString()), search("hundert" + tag).getList("items.id"));
        assertEquals(List.of(), search("h_ndert" + tag).getList("items.id"));
        assertEquals(List.of(), search("hu%" + tag).getList("items.id"));
    }

    @Test
    void aQueryMatchingNothingAnswersAnEmptyPage() {
        given().queryParam("q", "nobody-" + unique()).when().get("/api/v1/customers")
                .then().statusCode(200)
                .body("items", empty())
                .body("nextCursor", equalTo(null));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "501", "-1", "many" })
    void aLimitOutsideOneToFiveHundredIsA400NamingLimit(String limit) {
        given().queryParam("limit", limit).when().get("/api/v1/customers")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("limit"));
    }

    @Test
    void aGarbageCursorIsA400NamingCursor() {
        given().queryParam("cursor", "not-a-cursor").when().get("/api/v1/customers")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("cursor"));
    }

    @Test
    void kindKeepsOnlyCustomersOfThatKind() {
        String tag = unique();
        Created anna = person("crm").name("Anna", "Kind-" + tag).create();
        Fixtures.organisation("crm").attribute("name", "Kind-" + tag + " GmbH").create();

        given().queryParam("q", "kind-" + tag).queryParam("kind", "person").when().get("/api/v1/customers")
                .then().statusCode(200).body("items.id", contains(anna.customerId().toString()));
    }

    @Test
    void sourceKeepsCustomersWithAProfileFromThatSourceAlsoAfterAMerge() {
        String tag = unique();
        String address = email();
        Created crm = person("crm").name("Berta", "Quelle-" + tag).email(address).create();
        person("shop-" + tag).email(address).create();
        person("crm").name("Carl", "Quelle-" + tag).create();

        given().queryParam("q", "quelle-" + tag).queryParam("source", "shop-" + tag).when().get("/api/v1/customers")
                .then().statusCode(200).body("items.id", contains(crm.customerId().toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "company", "PERSON" })
    void anUnknownKindIsA400NamingKind(String kind) {
        given().queryParam("kind", kind).when().get("/api/v1/customers")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", contains("kind"));
    }

    @Test
    void aSourceThatNoProfileCouldHaveIsA400NamingSource() {
        given().queryParam("source", "Not A Source!").when().get("/api/v1/customers")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", contains("source"));
    }

    @Test
    void filteringNeedsASignedInCallerAndEveryRoleMayReadCustomers() {
        given().auth().none().queryParam("kind", "person").when().get("/api/v1/customers").then().statusCode(401);
        Staff.as("viewer").queryParam("kind", "person").when().get("/api/v1/customers").then().statusCode(200);
    }

    private static JsonPath search(String q) {
        return given().queryParam("q", q).when().get("/api/v1/customers").then().statusCode(200).extract().jsonPath();
    }
}
