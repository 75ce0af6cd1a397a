package dev.kreis.app.contract;

import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.unique;
import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import dev.kreis.app.Fixtures;
import dev.kreis.connector.hubspot.FakeHubSpot;
import dev.kreis.platform.bulk.ImportProcessing;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Fixtures for connections to outside systems (against an in-process fake HubSpot), imports, saved import
 * mappings, CSV exports and the browser session.
 */
final class IntegrationFixtures {
    private static final String SECRET = "webhook-secret";
    private static final byte[] FILE = "Nr,Mail\nK-1,anna@example.com\n".getBytes(StandardCharsets.UTF_8);

    private IntegrationFixtures() {
    }

    static void register(Map<String, Fixture> fixtures, ImportProcessing processing) {
        connections(fixtures);
        runsAndDeadLetters(fixtures);
        imports(fixtures, processing);
        mappings(fixtures);
        exports(fixtures);
        fixtures.put("DELETE /api/v1/session", c -> {
            c.call("DELETE /api/v1/session").valid();
            c.call("DELETE /api/v1/session").anonymous().header("X-Kreis-CSRF", "1").invalid();
        });
    }

    private static void connections(Map<String, Fixture> f) {
        f.put("GET /api/v1/connections", c -> withFake(c, (fake, contract) -> {
            connect(fake);
            contract.call("GET /api/v1/connections").valid();
            contract.call("GET /api/v1/connections").as("viewer").invalid();
        }));
        f.put("POST /api/v1/connections", c -> {
            c.call("POST /api/v1/connections").body(connection(null)).valid();
            c.call("POST /api/v1/connections").body(Map.of("connector", "nosuch", "name", "", "baseUrl", "ftp://x")).invalid();
        });
        f.put("GET /api/v1/connections/{id}", c -> withFake(c, (fake, contract) -> {
            contract.call("GET /api/v1/connections/{id}", connect(fake)).valid();
            contract.call("GET /api/v1/connections/{id}", UUID.randomUUID()).invalid();
        }));
        f.put("PATCH /api/v1/connections/{id}", c -> withFake(c, (fake, contract) -> {
            UUID id = connect(fake);
            contract.call("PATCH /api/v1/connections/{id}", id).body(Map.of("name", "Renamed", "settings", Map.of("push", "false"))).valid();
            contract.call("PATCH /api/v1/connections/{id}", id).body(Map.of("source", "other")).invalid();
            contract.call("PATCH /api/v1/connections/{id}", UUID.randomUUID()).body(Map.of("name", "x")).invalid();
        }));
        f.put("DELETE /api/v1/connections/{id}", c -> withFake(c, (fake, contract) -> {
            UUID id = connect(fake);
            contract.call("DELETE /api/v1/connections/{id}", id).invalid();
            contract.call("DELETE /api/v1/connections/{id}", id).query("data", "keep").valid();
            contract.call("DELETE /api/v1/connections/{id}", id).query("data", "keep").invalid();
        }));
        f.put("GET /api/v1/connections/{id}/mapping", c -> withFake(c, (fake, contract) -> {
            contract.call("GET /api/v1/connections/{id}/mapping", connect(fake)).valid();
            contract.call("GET /api/v1/connections/{id}/mapping", UUID.randomUUID()).invalid();
        }));
        f.put("PUT /api/v1/connections/{id}/mapping", c -> withFake(c, (fake, contract) -> {
            UUID id = connect(fake);
            contract.call("PUT /api/v1/connections/{id}/mapping", id).body(Map.of("defaultConflictPolicy", "crm-wins", "fields",
                    List.of(Map.of("object", "contacts", "field", "jobtitle", "attribute", "role", "conflictPolicy", "kreis-wins")))).valid();
            contract.call("PUT /api/v1/connections/{id}/mapping", id).body(Map.of("fields", List.of(Map.of("object", "contacts",
                    "field", "nosuch")))).invalid();
            contract.call("PUT /api/v1/connections/{id}/mapping", id).body(Map.of("fields", List.of())).as("viewer").invalid();
            contract.call("PUT /api/v1/connections/{id}/mapping", UUID.randomUUID()).body(Map.of()).invalid();
        }));
        f.put("POST /api/v1/connections/{id}/test", c -> withFake(c, (fake, contract) -> {
            contract.call("POST /api/v1/connections/{id}/test", connect(fake)).valid();
            contract.call("POST /api/v1/connections/{id}/test", UUID.randomUUID()).invalid();
        }));
        f.put("POST /api/v1/connections/{id}/sync", c -> withFake(c, (fake, contract) -> {
            UUID id = connect(fake);
            String run = contract.call("POST /api/v1/connections/{id}/sync", id).valid().jsonPath().getString("runId");
            awaitRun(id, run);
            contract.call("POST /api/v1/connections/{id}/sync", id).as("viewer").invalid();
            contract.call("POST /api/v1/connections/{id}/sync", UUID.randomUUID()).invalid();
        }));
        f.put("POST /api/v1/connections/{id}/webhook", c -> withFake(c, (fake, contract) -> {
            String record = fake.add("contacts", Map.of("email", email(), "firstname", "Before"));
            UUID id = connect(fake);
            sync(id);
            fake.change("contacts", record, Map.of("firstname", "After"));
            String path = "/api/v1/connections/" + id + "/webhook";
            String body = "[{\"eventId\":" + System.nanoTime() + ",\"subscriptionType\":\"contact.propertyChange\",\"objectId\":" + record
                    + ",\"propertyName\":\"firstname\",\"occurredAt\":" + System.currentTimeMillis() + "}]";
            long now = System.currentTimeMillis();
            contract.call("POST /api/v1/connections/{id}/webhook", id).anonymous().body(body)
                    .header("X-HubSpot-Signature-v3", FakeHubSpot.sign("forged", "POST", "https://kreis.test" + path, body, now))
                    .header("X-HubSpot-Request-Timestamp", Long.toString(now)).invalid();
            contract.call("POST /api/v1/connections/{id}/webhook", id).anonymous().body(body)
                    .header("X-HubSpot-Signature-v3", FakeHubSpot.sign(SECRET, "POST", "https://kreis.test" + path, body, now))
                    .header("X-HubSpot-Request-Timestamp", Long.toString(now)).valid();
            awaitIdle(id);
        }));
    }

    private static void runsAndDeadLetters(Map<String, Fixture> f) {
        f.put("GET /api/v1/connections/{id}/runs", c -> withFake(c, (fake, contract) -> {
            UUID id = connect(fake);
            sync(id);
            contract.call("GET /api/v1/connections/{id}/runs", id).valid();
            contract.call("GET /api/v1/connections/{id}/runs", id).query("limit", 0).invalid();
            contract.call("GET /api/v1/connections/{id}/runs", UUID.randomUUID()).invalid();
        }));
        f.put("GET /api/v1/connections/{id}/runs/{runId}", c -> withFake(c, (fake, contract) -> {
            UUID id = connect(fake);
            String run = sync(id).getString("id");
            contract.call("GET /api/v1/connections/{id}/runs/{runId}", id, run).valid();
            contract.call("GET /api/v1/connections/{id}/runs/{runId}", id, UUID.randomUUID()).invalid();
        }));
        f.put("GET /api/v1/connections/{id}/dead-letters", c -> withFake(c, (fake, contract) -> {
            UUID id = connect(fake);
            deadLetter(fake, id);
            contract.call("GET /api/v1/connections/{id}/dead-letters", id).valid();
            contract.call("GET /api/v1/connections/{id}/dead-letters", id).query("after", "nope").invalid();
        }));
        f.put("DELETE /api/v1/connections/{id}/dead-letters/{dlId}", c -> withFake(c, (fake, contract) -> {
            UUID id = connect(fake);
            String letter = deadLetter(fake, id)[1];
            contract.call("DELETE /api/v1/connections/{id}/dead-letters/{dlId}", id, letter).valid();
            contract.call("DELETE /api/v1/connections/{id}/dead-letters/{dlId}", id, letter).invalid();
        }));
        f.put("POST /api/v1/connections/{id}/dead-letters/{dlId}/retry", c -> withFake(c, (fake, contract) -> {
            UUID id = connect(fake);
            String[] letter = deadLetter(fake, id);
            contract.call("POST /api/v1/connections/{id}/dead-letters/{dlId}/retry", id, letter[1]).invalid();
            fake.change("contacts", letter[0], Map.of("email", email()));
            contract.call("POST /api/v1/connections/{id}/dead-letters/{dlId}/retry", id, letter[1]).valid();
            contract.call("POST /api/v1/connections/{id}/dead-letters/{dlId}/retry", id, UUID.randomUUID()).invalid();
        }));
    }

    private static void imports(Map<String, Fixture> f, ImportProcessing processing) {
        f.put("GET /api/v1/imports", c -> {
            workUntilEnded(processing, startImport(spec(true), FILE));
            c.call("GET /api/v1/imports").valid();
            c.call("GET /api/v1/imports").as("viewer").invalid();
        });
        f.put("POST /api/v1/imports", c -> {
            String id = c.call("POST /api/v1/imports").part("spec", null, spec(true).getBytes(StandardCharsets.UTF_8), "application/json")
                    .part("file", "import.csv", FILE, "text/csv").valid().jsonPath().getString("id");
            if (id != null) {
                workUntilEnded(processing, id);
            }
            c.call("POST /api/v1/imports").part("spec", null, "{not json".getBytes(StandardCharsets.UTF_8), "application/json")
                    .part("file", "import.csv", FILE, "text/csv").invalid();
            c.call("POST /api/v1/imports").part("spec", null, spec(true).getBytes(StandardCharsets.UTF_8), "application/json").invalid();
        });
        f.put("GET /api/v1/imports/{id}", c -> {
            String id = startImport(spec(true), FILE);
            c.call("GET /api/v1/imports/{id}", id).valid();
            workUntilEnded(processing, id);
            c.call("GET /api/v1/imports/{id}", id).valid();
            c.call("GET /api/v1/imports/{id}", UUID.randomUUID()).invalid();
        });
        f.put("DELETE /api/v1/imports/{id}", c -> {
            String id = startImport(spec(true), FILE);
            c.call("DELETE /api/v1/imports/{id}", id).valid();
            c.call("DELETE /api/v1/imports/{id}", id).invalid();
            c.call("DELETE /api/v1/imports/{id}", UUID.randomUUID()).invalid();
        });
        f.put("GET /api/v1/imports/{id}/errors.csv", c -> {
            String id = startImport(spec(false), "Nr,Mail\nK-1,not-an-email\n".getBytes(StandardCharsets.UTF_8));
            workUntilEnded(processing, id);
            c.call("GET /api/v1/imports/{id}/errors.csv", id).valid();
            c.call("GET /api/v1/imports/{id}/errors.csv", UUID.randomUUID()).invalid();
        });
    }

    private static void mappings(Map<String, Fixture> f) {
        f.put("GET /api/v1/import-mappings", c -> {
            mapping();
            c.call("GET /api/v1/import-mappings").valid();
            c.call("GET /api/v1/import-mappings").as("viewer").invalid();
        });
        f.put("GET /api/v1/import-mappings/{name}", c -> {
            c.call("GET /api/v1/import-mappings/{name}", mapping()).valid();
            c.call("GET /api/v1/import-mappings/{name}", "no-such-mapping-" + unique().toLowerCase(Locale.ROOT)).invalid();
        });
        f.put("PUT /api/v1/import-mappings/{name}", c -> {
            String name = "mapping-" + unique().toLowerCase(Locale.ROOT);
            c.call("PUT /api/v1/import-mappings/{name}", name).body(spec(false)).valid();
            c.call("PUT /api/v1/import-mappings/{name}", name).body(spec(false)).valid();
            c.call("PUT /api/v1/import-mappings/{name}", name).body(Map.of("kind", "profiles")).invalid();
            c.call("PUT /api/v1/import-mappings/{name}", name).body(spec(false)).as("marketing").invalid();
        });
        f.put("DELETE /api/v1/import-mappings/{name}", c -> {
            String name = mapping();
            c.call("DELETE /api/v1/import-mappings/{name}", name).valid();
            c.call("DELETE /api/v1/import-mappings/{name}", name).invalid();
        });
    }

    private static void exports(Map<String, Fixture> f) {
        f.put("GET /api/v1/exports/customers.csv", c -> {
            String mail = email();
            Fixtures.person("contract").name("Anna", "Export").email(mail).create();
            c.call("GET /api/v1/exports/customers.csv").query("q", mail).valid();
            c.call("GET /api/v1/exports/customers.csv").query("q", mail).query("lang", "de").valid();
            c.call("GET /api/v1/exports/customers.csv").query("kind", "robot").invalid();
        });
        f.put("GET /api/v1/exports/touchpoints.csv", c -> {
            Fixtures.touchpointFor(PlatformFixtures.customer()).ingest();
            c.call("GET /api/v1/exports/touchpoints.csv").query("from", "2020-01-01T00:00:00Z").valid();
            c.call("GET /api/v1/exports/touchpoints.csv").query("from", "yesterday").invalid();
        });
        f.put("GET /api/v1/exports/kpis/{key}/series.csv", c -> {
            c.call("GET /api/v1/exports/kpis/{key}/series.csv", "nps").query("from", "2001-01-01").query("to", "2001-01-03").valid();
            c.call("GET /api/v1/exports/kpis/{key}/series.csv", "no-such-kpi").invalid();
            c.call("GET /api/v1/exports/kpis/{key}/series.csv", "nps").as("integration").invalid();
        });
    }

    /** Runs the fixture's calls with a fake HubSpot that lives as long as they do. */
    private static void withFake(Contract contract, BiConsumer<FakeHubSpot, Contract> calls) {
        try (FakeHubSpot fake = FakeHubSpot.start(Clock.systemUTC())) {
            calls.accept(fake, contract);
        }
    }

    private static Map<String, Object> connection(FakeHubSpot fake) {
        Map<String, Object> body = new HashMap<>();
        body.put("connector", "hubspot");
        body.put("name", "HubSpot contract");
        body.put("source", "hs-" + unique().toLowerCase(Locale.ROOT));
        if (fake != null) {
            body.put("baseUrl", fake.baseUrl().toString());
        }
        body.put("credentials", Map.of("accessToken", "pat-test", "clientSecret", SECRET));
        body.put("settings", Map.of("push", "false"));
        return body;
    }

    private static UUID connect(FakeHubSpot fake) {
        return UUID.fromString(given().contentType(ContentType.JSON).body(connection(fake)).post("/api/v1/connections").then().statusCode(201)
                .extract().path("id"));
    }

    private static JsonPath sync(UUID connection) {
        String run = given().post("/api/v1/connections/" + connection + "/sync").then().statusCode(202).extract().path("runId");
        return awaitRun(connection, run);
    }

    private static JsonPath awaitRun(UUID connection, String run) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath view = given().get("/api/v1/connections/" + connection + "/runs/" + run).then().statusCode(200).extract().jsonPath();
            if (!"running".equals(view.getString("status"))) {
                return view;
            }
            pause();
        }
        throw new AssertionError("run " + run + " did not end");
    }

    /** Waits until no run of the connection is running, so the fake is not closed under one. */
    private static void awaitIdle(UUID connection) {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline && given().get("/api/v1/connections/" + connection + "/runs").then().statusCode(200)
                .extract().jsonPath().getList("items.status").contains("running")) {
            pause();
        }
    }

    /** A record whose e-mail the platform refuses, synced until it is dead-lettered; answers its record id and the letter's id. */
    private static String[] deadLetter(FakeHubSpot fake, UUID connection) {
        String record = fake.add("contacts", Map.of("email", "not-an-email"));
        sync(connection);
        String letter = given().get("/api/v1/connections/" + connection + "/dead-letters").then().statusCode(200).extract().jsonPath()
                .getString("items[0].id");
        if (letter == null) {
            throw new AssertionError("no dead letter for " + record);
        }
        return new String[] { record, letter };
    }

    private static String spec(boolean dryRun) {
        return "{\"kind\":\"profiles\",\"source\":\"ct-" + unique().toLowerCase(Locale.ROOT) + "\"," + (dryRun ? "\"dryRun\":true," : "")
                + "\"columns\":{\"Nr\":{\"field\":\"externalId\"},\"Mail\":{\"identifier\":\"email\"}}}";
    }

    /** Starts an import; a fixture works it until it ended or cancels it, so the caller's limit of active imports is never reached. */
    private static String startImport(String spec, byte[] file) {
        return given().multiPart("spec", spec, "application/json").multiPart("file", "import.csv", file, "text/csv").post("/api/v1/imports")
                .then().statusCode(202).extract().jsonPath().getString("id");
    }

    private static void workUntilEnded(ImportProcessing processing, String id) {
        for (int i = 0; i < 100; i++) {
            String status = given().get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath().getString("status");
            if (!status.equals("queued") && !status.equals("running")) {
                return;
            }
            processing.workOnNext("contract-node", Integer.MAX_VALUE);
        }
        throw new AssertionError("import " + id + " did not end");
    }

    private static String mapping() {
        String name = "mapping-" + unique().toLowerCase(Locale.ROOT);
        given().contentType(ContentType.JSON).body(spec(false)).put("/api/v1/import-mappings/" + name).then().statusCode(201);
        return name;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
