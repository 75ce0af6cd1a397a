package dev.kreis.app;

import static io.restassured.RestAssured.given;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Test data for the API tests. All tests share one running app and one database, so every value that
 * could collide (sources' external ids, e-mail addresses, phone numbers, names) carries a random part.
 */
public final class Fixtures {
    public static final String PROBLEM_JSON = "application/problem+json";

    private Fixtures() {
    }

    /** Ten random lower-case letters: unique enough to keep tests apart, and valid in names and attribute keys. */
    public static String unique() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            out.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return out.toString();
    }

    /** A unique e-mail address. */
    public static String email() {
        return "anna." + unique() + "@example.com";
    }

    /** A unique Berlin phone number as a German would write it, e.g. {@code 030 12345678}. */
    public static String berlinPhone() {
        return "030 " + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000));
    }

    public static ProfileBody person(String source) {
        return new ProfileBody("person", source);
    }

    public static ProfileBody organisation(String source) {
        return new ProfileBody("organisation", source);
    }

    public static TouchpointBody touchpointFor(UUID customerId) {
        TouchpointBody body = new TouchpointBody();
        body.json.put("customerId", customerId.toString());
        return body;
    }

    public static TouchpointBody touchpointForEmail(String email) {
        TouchpointBody body = new TouchpointBody();
        body.json.put("customer", Map.of("identifiers", List.of(Map.of("type", "email", "value", email))));
        return body;
    }

    public static Response patchJson(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).patch(path);
    }

    public static Response postJson(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path);
    }

    public static Response postRaw(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path);
    }

    /** The golden record of a customer (following merges). */
    public static JsonPath customer(UUID id) {
        return given().when().get("/api/v1/customers/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The ids of a customer's whole timeline, newest first, read page by page. */
    public static List<String> timelineIds(UUID customerId) {
        return timelineIds(customerId, 500, null, null);
    }

    /**
     * The ids of a customer's timeline in [from, to) (both null: all of it), newest first, read in pages of
     * {@code limit}; fails if a page before the last is short.
     */
    public static List<String> timelineIds(UUID customerId, int limit, OffsetDateTime from, OffsetDateTime to) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", limit);
            if (from != null) {
                request.queryParam("from", from.toString());
            }
            if (to != null) {
                request.queryParam("to", to.toString());
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/customers/" + customerId + "/timeline")
                    .then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList("items.id", String.class);
            cursor = page.getString("nextCursor");
            if (cursor != null && items.size() != limit) {
                throw new AssertionError("a page before the last holds " + items.size() + " of " + limit + " items");
            }
            ids.addAll(items);
        } while (cursor != null);
        return ids;
    }

    /** Where a profile ended up. */
    public record Created(UUID customerId, UUID profileId) {
        public static Created of(Response response) {
            JsonPath json = response.jsonPath();
            return new Created(UUID.fromString(json.getString("customerId")), UUID.fromString(json.getString("profileId")));
        }
    }

    /** A {@code POST /api/v1/profiles} body with a unique external id. */
    public static final class ProfileBody {
        private final Map<String, Object> json = new LinkedHashMap<>();
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private final List<Map<String, Object>> identifiers = new ArrayList<>();

        private ProfileBody(String kind, String source) {
            json.put("source", source);
            json.put("externalId", "ext-" + unique());
            json.put("kind", kind);
        }

        public ProfileBody externalId(String externalId) {
            json.put("externalId", externalId);
            return this;
        }

        public ProfileBody kind(String kind) {
            json.put("kind", kind);
            return this;
        }

        public ProfileBody attribute(String name, Object value) {
            attributes.put(name, value);
            return this;
        }

        public ProfileBody name(String firstName, String lastName) {
            return attribute("firstName", firstName).attribute("lastName", lastName);
        }

        public ProfileBody email(String value) {
            return identifier("email", value, null);
        }

        public ProfileBody phone(String value) {
            return identifier("phone", value, null);
        }

        public ProfileBody external(String system, String value) {
            return identifier("external", value, system);
        }

        public ProfileBody identifier(String type, String value, String system) {
            Map<String, Object> identifier = new LinkedHashMap<>();
            identifier.put("type", type);
            identifier.put("value", value);
            if (system != null) {
                identifier.put("system", system);
            }
            identifiers.add(identifier);
            return this;
        }

        public ProfileBody observedAt(String time) {
            json.put("observedAt", time);
            return this;
        }

        public ProfileBody organisationId(Object id) {
            json.put("organisationId", id.toString());
            return this;
        }

        public Map<String, Object> json() {
            Map<String, Object> body = new LinkedHashMap<>(json);
            if (!attributes.isEmpty()) {
                body.put("attributes", attributes);
            }
            if (!identifiers.isEmpty()) {
                body.put("identifiers", identifiers);
            }
            return body;
        }

        public Response post() {
            return postJson("/api/v1/profiles", json());
        }

        /** Submits the profile expecting it to be new (201). */
        public Created create() {
            return Created.of(post().then().statusCode(201).contentType(ContentType.JSON).extract().response());
        }
    }

    /** A {@code POST /api/v1/touchpoints} body: source {@code shop}, a unique external id, type {@code core.interaction}. */
    public static final class TouchpointBody {
        private final Map<String, Object> json = new LinkedHashMap<>();

        private TouchpointBody() {
            json.put("source", "shop");
            json.put("externalId", "tp-" + unique());
            json.put("type", "core.interaction");
            json.put("occurredAt", "2025-03-01T10:00:00Z");
        }

        public TouchpointBody set(String field, Object value) {
            json.put(field, value);
            return this;
        }

        public TouchpointBody without(String field) {
            json.remove(field);
            return this;
        }

        public TouchpointBody source(String source) {
            return set("source", source);
        }

        public TouchpointBody externalId(String externalId) {
            return set("externalId", externalId);
        }

        public TouchpointBody type(String type) {
            return set("type", type);
        }

        public TouchpointBody occurredAt(String time) {
            return set("occurredAt", time);
        }

        public TouchpointBody channel(String channel) {
            return set("channel", channel);
        }

        public TouchpointBody phase(String phase) {
            return set("phase", phase);
        }

        public TouchpointBody score(Object score) {
            return set("score", score);
        }

        public Map<String, Object> json() {
            return new LinkedHashMap<>(json);
        }

        public Response post() {
            return postJson("/api/v1/touchpoints", json);
        }

        /** Ingests the touchpoint expecting it to be accepted; answers its id. */
        public String ingest() {
            return post().then().statusCode(201).extract().jsonPath().getString("touchpointId");
        }
    }
}
