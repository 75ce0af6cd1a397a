package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.postJson;
import static dev.kreis.app.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.kreis.app.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * {@code /api/v1/merge-suggestions}: fuzzy similarity only suggests, a person decides. Every test makes up
 * its own surname and company, so suggestions from other tests never match its customers.
 */
@QuarkusTest
class MergeSuggestionApiTest {

    /** Two customers "Anna …schmidt" and "Anna …schmitt" at the same company, sharing no identifier. */
    private record Pair(Created schmidt, Created schmitt) {
        static Pair ofSimilarNames() {
            String surname = capitalised(unique());
            String company = "Zyxqwer " + capitalised(unique()) + " GmbH";
            Created schmidt = person("crm").name("Anna", surname + "schmidt").attribute("company", company).email(email()).create();
            Created schmitt = person("shop").name("Anna", surname + "schmitt").attribute("company", company).email(email()).create();
            return new Pair(schmidt, schmitt);
        }

        Set<String> customerIds() {
            return Set.of(schmidt.customerId().toString(), schmitt.customerId().toString());
        }
    }

    @Test
    void similarNamesAtTheSameCompanyAreSuggestedButNotMerged() {
        Pair pair = Pair.ofSimilarNames();

        assertNotEquals(pair.schmidt().customerId(), pair.schmitt().customerId());
        assertEquals(1, Fixtures.customer(pair.schmidt().customerId()).getList("profiles").size());
        assertEquals(1, Fixtures.customer(pair.schmitt().customerId()).getList("profiles").size());
        Map<String, Object> suggestion = find(pair).orElseThrow(() -> new AssertionError("no suggestion for " + pair));
        assertTrue(((Number) suggestion.get("score")).doubleValue() >= 0.85, "score " + suggestion.get("score"));
        assertTrue(((List<?>) suggestion.get("reasons")).stream().anyMatch(r -> r.toString().contains("name")), suggestion.toString());
        assertEquals(Set.of(pair.schmidt().profileId().toString(), pair.schmitt().profileId().toString()),
                new HashSet<>((List<?>) suggestion.get("profileIds")));
        assertNotNull(suggestion.get("createdAt"));
    }

    @Test
    void aSuggestionShowsBothCustomersAsSummaries() {
        Pair pair = Pair.ofSimilarNames();

        Map<String, Object> suggestion = find(pair).orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> customers = (List<Map<String, Object>>) suggestion.get("customers");
        assertEquals(2, customers.size());
        assertTrue(customers.stream().allMatch(c -> "person".equals(c.get("kind")) && c.get("displayName").toString().startsWith("Anna ")));
    }

    @Test
    void dismissingASuggestionRemovesItFromTheList() {
        Pair pair = Pair.ofSimilarNames();
        String id = find(pair).orElseThrow().get("id").toString();

        postJson("/api/v1/merge-suggestions/" + id + "/dismiss", Map.of())
                .then().statusCode(200)
                .body("id", equalTo(id));

        assertTrue(find(pair).isEmpty());
        assertNotEquals(pair.schmidt().customerId(), Fixtures.customer(pair.schmitt().customerId()).getUUID("id"));
    }

    @Test
    void aDismissedSuggestionStaysDismissedWhenAProfileIsUpdated() {
        String surname = capitalised(unique());
        String company = "Zyxqwer " + capitalised(unique()) + " GmbH";
        person("crm").name("Anna", surname + "schmidt").attribute("company", company).email(email()).create();
        Fixtures.ProfileBody schmitt = person("shop").name("Anna", surname + "schmitt").attribute("company", company).email(email());
        Created created = schmitt.create();
        Map<String, Object> suggestion = findByCustomers(Set.of(created.customerId().toString())).orElseThrow();
        postJson("/api/v1/merge-suggestions/" + suggestion.get("id") + "/dismiss", Map.of()).then().statusCode(200);

        schmitt.attribute("city", "Berlin").post().then().statusCode(200);

        assertTrue(findByCustomers(Set.of(created.customerId().toString())).isEmpty());
    }

    @Test
    void dismissingTwiceConflicts() {
        Pair pair = Pair.ofSimilarNames();
        String id = find(pair).orElseThrow().get("id").toString();
        postJson("/api/v1/merge-suggestions/" + id + "/dismiss", Map.of()).then().statusCode(200);

        postJson("/api/v1/merge-suggestions/" + id + "/dismiss", Map.of())
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", containsString("dismissed"));
    }

    @Test
    void dismissingAnUnknownSuggestionIsNotFound() {
        postJson("/api/v1/merge-suggestions/" + UUID.randomUUID() + "/dismiss", Map.of())
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void dismissingAMalformedIdIsA400NamingId() {
        postJson("/api/v1/merge-suggestions/nope/dismiss", Map.of())
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("id"));
    }

    @Test
    void erasingACustomerDropsItsOpenSuggestionsAndAMergeWithItIsRefused() {
        Pair pair = Pair.ofSimilarNames();
        String id = find(pair).orElseThrow().get("id").toString();

        ErasureApiTest.erase(pair.schmitt().customerId(), null).then().statusCode(201);

        assertTrue(find(pair).isEmpty(), "no suggestion pairs a living customer with the erased one");
        postJson("/api/v1/merge-suggestions/" + id + "/dismiss", Map.of()).then().statusCode(404);
        postJson("/api/v1/customers/" + pair.schmidt().customerId() + "/merge", Map.of("customerIds", List.of(pair.schmitt().customerId())))
                .then().statusCode(409).contentType(PROBLEM_JSON).body("type", equalTo("https://kreis.dev/problems/customer-erased"))
                .body("errors.field", contains("customerIds[0]"));
        postJson("/api/v1/customers/" + pair.schmitt().customerId() + "/merge", Map.of("customerIds", List.of(pair.schmidt().customerId())))
                .then().statusCode(409).body("errors.field", contains("id"));
        assertEquals(1, Fixtures.customer(pair.schmidt().customerId()).getList("profiles").size());
    }

    @Test
    void mergingTheCustomersRetiresTheSuggestion() {
        Pair pair = Pair.ofSimilarNames();
        String id = find(pair).orElseThrow().get("id").toString();

        postJson("/api/v1/customers/" + pair.schmidt().customerId() + "/merge", Map.of("customerIds", List.of(pair.schmitt().customerId())))
                .then().statusCode(200);

        assertTrue(find(pair).isEmpty());
        postJson("/api/v1/merge-suggestions/" + id + "/dismiss", Map.of()).then().statusCode(409);
    }

    @Test
    void customersWhoShareAnIdentifierAreMergedNotSuggested() {
        String surname = capitalised(unique());
        String address = email();
        Created first = person("crm").name("Anna", surname + "schmidt").email(address).create();
        Created second = person("shop").name("Anna", surname + "schmitt").email(address).create();

        assertEquals(first.customerId(), second.customerId());
        assertTrue(findByCustomers(Set.of(first.customerId().toString())).isEmpty());
    }

    @Test
    void pagesFollowTheCursorWithoutRepeatingASuggestion() {
        Set<Object> mine = new HashSet<>(List.of(find(Pair.ofSimilarNames()).orElseThrow().get("id"),
                find(Pair.ofSimilarNames()).orElseThrow().get("id")));

        Set<Object> seen = new HashSet<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/merge-suggestions").then().statusCode(200).extract().jsonPath();
            assertEquals(1, page.getList("items").size());
            for (Object id : page.getList("items.id")) {
                assertTrue(seen.add(id), "suggestion " + id + " appeared twice");
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null && !seen.containsAll(mine));

        assertTrue(seen.containsAll(mine), "both suggestions were reached by paging");
    }

    @Test
    void theSuggestionsOfOneCustomerAreListedForIt() {
        Pair pair = Pair.ofSimilarNames();
        Pair other = Pair.ofSimilarNames();
        Object id = find(pair).orElseThrow().get("id");

        JsonPath page = given().queryParam("customerId", pair.schmitt().customerId().toString()).get("/api/v1/merge-suggestions")
                .then().statusCode(200).extract().jsonPath();

        assertEquals(List.of(id), page.getList("items.id"));
        assertTrue(find(other).isPresent(), "the other pair is still open, just not listed for this customer");
    }

    @Test
    void aCustomerIdThatIsNoUuidIsA400NamingIt() {
        given().queryParam("customerId", "anna").get("/api/v1/merge-suggestions").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("customerId"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "limit=0", "limit=501", "cursor=garbage" })
    void aBadQueryParameterIsA400NamingIt(String query) {
        given().when().get("/api/v1/merge-suggestions?" + query)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem(query.substring(0, query.indexOf('='))));
    }

    private static Optional<Map<String, Object>> find(Pair pair) {
        return findByCustomers(pair.customerIds());
    }

    /** Pages through the open suggestions for the one whose customers are exactly {@code customerIds}. */
    private static Optional<Map<String, Object>> findByCustomers(Set<String> customerIds) {
        String cursor = null;
        do {
            var request = given().queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/merge-suggestions").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> customers = (List<Map<String, Object>>) item.get("customers");
                Set<String> ids = new HashSet<>();
                customers.forEach(c -> ids.add(c.get("id").toString()));
                if (ids.containsAll(customerIds)) {
                    return Optional.of(item);
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return Optional.empty();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
