package dev.kreis.app.contract;

import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.unique;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.kreis.app.Fixtures;
import dev.kreis.app.Fixtures.Created;
import dev.kreis.platform.signal.SignalEvaluation;
import io.restassured.path.json.JsonPath;

/** Fixtures for the platform's own operations (everything outside the modules' paths). */
final class PlatformFixtures {
    private static final String NOT_A_UUID = "not-a-uuid";

    private PlatformFixtures() {
    }

    static void register(Map<String, Fixture> fixtures, SignalEvaluation signals) {
        customers(fixtures);
        privacy(fixtures);
        touchpoints(fixtures);
        kpis(fixtures);
        modules(fixtures);
        signals(fixtures, signals);
        feedback(fixtures);
        security(fixtures);
    }

    private static void customers(Map<String, Fixture> f) {
        f.put("POST /api/v1/profiles", c -> {
            String body = "{\"source\":\"crm\",\"externalId\":\"ext-" + unique() + "\",\"kind\":\"person\","
                    + "\"attributes\":{\"firstName\":\"Anna\",\"vip\":true,\"seats\":3},"
                    + "\"identifiers\":[{\"type\":\"email\",\"value\":\"" + email() + "\"}]}";
            c.call("POST /api/v1/profiles").body(body).valid();
            c.call("POST /api/v1/profiles").body(body).valid();
            c.call("POST /api/v1/profiles").body(Map.of("source", "crm", "kind", "robot")).invalid();
            c.call("POST /api/v1/profiles").body("{\"source\":").invalid();
            c.call("POST /api/v1/profiles").body("source=crm").contentType("text/plain").invalid();
        });
        f.put("GET /api/v1/customers", c -> {
            person("crm").name("Anna", "Contract" + unique()).email(email()).create();
            String cursor = c.call("GET /api/v1/customers").query("limit", 1).valid().jsonPath().getString("nextCursor");
            c.call("GET /api/v1/customers").query("limit", 1).query("cursor", cursor).valid();
            c.call("GET /api/v1/customers").query("q", "Anna").valid();
            c.call("GET /api/v1/customers").query("limit", 0).invalid();
            c.call("GET /api/v1/customers").query("limit", "many").invalid();
            c.call("GET /api/v1/customers").query("cursor", "garbage").invalid();
        });
        f.put("GET /api/v1/customers/{id}", c -> {
            c.call("GET /api/v1/customers/{id}", customer()).valid();
            c.call("GET /api/v1/customers/{id}", UUID.randomUUID()).invalid();
            c.call("GET /api/v1/customers/{id}", NOT_A_UUID).invalid();
        });
        customerRead(f, "GET /api/v1/customers/{id}/holds");
        customerRead(f, "GET /api/v1/customers/{id}/identity-history");
        customerRead(f, "GET /api/v1/customers/{id}/tags");
        customerRead(f, "GET /api/v1/customers/{id}/consents");
        customerRead(f, "GET /api/v1/customers/{id}/export");
        f.put("GET /api/v1/customers/{id}/journey", c -> {
            UUID id = customer();
            Fixtures.touchpointFor(id).phase("purchase").ingest();
            c.call("GET /api/v1/customers/{id}/journey", id).valid();
            c.call("GET /api/v1/customers/{id}/journey", id).query("from", "2025-01-01").query("to", "2025-12-31").valid();
            c.call("GET /api/v1/customers/{id}/journey", id).query("from", "yesterday").invalid();
            c.call("GET /api/v1/customers/{id}/journey", UUID.randomUUID()).invalid();
        });
        f.put("GET /api/v1/customers/{id}/timeline", c -> {
            UUID id = customer();
            Fixtures.touchpointFor(id).ingest();
            Fixtures.touchpointFor(id).channel("email").set("payload", Map.of("subject", "Hello", "opens", 2)).ingest();
            String cursor = c.call("GET /api/v1/customers/{id}/timeline", id).query("limit", 1).valid().jsonPath().getString("nextCursor");
            c.call("GET /api/v1/customers/{id}/timeline", id).query("limit", 1).query("cursor", cursor).valid();
            c.call("GET /api/v1/customers/{id}/timeline", id).query("channel", "email").query("from", "2025-01-01T00:00:00Z").valid();
            c.call("GET /api/v1/customers/{id}/timeline", id).query("channel", "pigeon").invalid();
            c.call("GET /api/v1/customers/{id}/timeline", id).query("limit", 100000).invalid();
            c.call("GET /api/v1/customers/{id}/timeline", UUID.randomUUID()).invalid();
        });
        f.put("POST /api/v1/customers/{id}/merge", c -> {
            UUID a = customer();
            UUID b = customer();
            c.call("POST /api/v1/customers/{id}/merge", a).body(Map.of("customerIds", List.of(b.toString()))).valid();
            c.call("POST /api/v1/customers/{id}/merge", a).body(Map.of("customerIds", List.of())).invalid();
            c.call("POST /api/v1/customers/{id}/merge", UUID.randomUUID()).body(Map.of("customerIds", List.of(a.toString()))).invalid();
        });
        f.put("POST /api/v1/customers/{id}/split", c -> {
            UUID a = customer();
            Created b = person("shop").email(email()).create();
            Fixtures.postJson("/api/v1/customers/" + a + "/merge", Map.of("customerIds", List.of(b.customerId().toString())))
                    .then().statusCode(200);
            c.call("POST /api/v1/customers/{id}/split", a).body(Map.of("profileIds", List.of(b.profileId().toString()))).valid();
            c.call("POST /api/v1/customers/{id}/split", a).body(Map.of("profileIds", List.of())).invalid();
        });
        f.put("GET /api/v1/merge-suggestions", c -> {
            c.call("GET /api/v1/merge-suggestions").query("limit", 5).valid();
            c.call("GET /api/v1/merge-suggestions").query("limit", -1).invalid();
            c.call("GET /api/v1/merge-suggestions").query("customerId", UUID.randomUUID()).valid();
            c.call("GET /api/v1/merge-suggestions").query("customerId", NOT_A_UUID).invalid();
        });
        f.put("POST /api/v1/merge-suggestions/{id}/dismiss", c -> {
            String id = suggestion();
            c.call("POST /api/v1/merge-suggestions/{id}/dismiss", id).valid();
            c.call("POST /api/v1/merge-suggestions/{id}/dismiss", id).invalid();
            c.call("POST /api/v1/merge-suggestions/{id}/dismiss", UUID.randomUUID()).invalid();
            c.call("POST /api/v1/merge-suggestions/{id}/dismiss", NOT_A_UUID).invalid();
        });
        f.put("GET /api/v1/survivorship", c -> c.call("GET /api/v1/survivorship").valid());
        f.put("PUT /api/v1/survivorship", c -> {
            Map<String, Object> current = c.call("GET /api/v1/survivorship").valid().jsonPath().getMap("$");
            c.call("PUT /api/v1/survivorship").body(current).valid();
            c.call("PUT /api/v1/survivorship").body(Map.of("defaultPolicy", Map.of("strategy", "coin_toss"))).invalid();
        });
        f.put("GET /api/v1/touchpoint-types", c -> c.call("GET /api/v1/touchpoint-types").valid());
    }

    private static void customerRead(Map<String, Fixture> f, String operation) {
        f.put(operation, c -> {
            c.call(operation, customer()).valid();
            c.call(operation, UUID.randomUUID()).invalid();
            c.call(operation, NOT_A_UUID).invalid();
        });
    }

    private static void privacy(Map<String, Fixture> f) {
        f.put("PUT /api/v1/customers/{id}/consents", c -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("purpose", "marketing");
            item.put("channel", "email");
            item.put("status", "granted");
            item.put("source", "web-form");
            c.call("PUT /api/v1/customers/{id}/consents", customer()).body(Map.of("items", List.of(item))).valid();
            c.call("PUT /api/v1/customers/{id}/consents", customer())
                    .body(Map.of("items", List.of(Map.of("purpose", "marketing", "channel", "email", "status", "maybe")))).invalid();
            c.call("PUT /api/v1/customers/{id}/consents", UUID.randomUUID()).body(Map.of("items", List.of(item))).invalid();
        });
        f.put("POST /api/v1/customers/{id}/erase", c -> {
            c.call("POST /api/v1/customers/{id}/erase", customer()).body(Map.of("reason", "Art. 17 request by e-mail")).valid();
            c.call("POST /api/v1/customers/{id}/erase", UUID.randomUUID()).body(Map.of()).invalid();
            c.call("POST /api/v1/customers/{id}/erase", customer()).body(Map.of("reason", "x".repeat(5000))).invalid();
        });
        f.put("GET /api/v1/customers/{id}/erase/preview", c -> {
            c.call("GET /api/v1/customers/{id}/erase/preview", customer()).valid();
            c.call("GET /api/v1/customers/{id}/erase/preview", UUID.randomUUID()).invalid();
            c.call("GET /api/v1/customers/{id}/erase/preview", NOT_A_UUID).invalid();
        });
        f.put("GET /api/v1/suppressions", c -> {
            Fixtures.postJson("/api/v1/customers/" + customer() + "/erase", Map.of()).then().statusCode(201);
            c.call("GET /api/v1/suppressions").valid();
            c.call("GET /api/v1/suppressions").as("viewer").invalid();
        });
        f.put("DELETE /api/v1/suppressions/{receiptId}", c -> {
            String receipt = Fixtures.postJson("/api/v1/customers/" + customer() + "/erase", Map.of()).then().statusCode(201)
                    .extract().jsonPath().getString("receiptId");
            c.call("DELETE /api/v1/suppressions/{receiptId}", receipt).query("reason", "consent given again by letter").valid();
            c.call("DELETE /api/v1/suppressions/{receiptId}", receipt).query("reason", "again").invalid();
            c.call("DELETE /api/v1/suppressions/{receiptId}", UUID.randomUUID()).invalid();
            c.call("DELETE /api/v1/suppressions/{receiptId}", NOT_A_UUID).query("reason", "x").invalid();
        });
        f.put("GET /api/v1/erasures/{receiptId}", c -> {
            String receipt = Fixtures.postJson("/api/v1/customers/" + customer() + "/erase", Map.of()).then().statusCode(201)
                    .extract().jsonPath().getString("receiptId");
            c.call("GET /api/v1/erasures/{receiptId}", receipt).valid();
            c.call("GET /api/v1/erasures/{receiptId}", UUID.randomUUID()).invalid();
            c.call("GET /api/v1/erasures/{receiptId}", NOT_A_UUID).invalid();
        });
        f.put("GET /api/v1/audit", c -> {
            customer();
            String cursor = c.call("GET /api/v1/audit").query("limit", 1).valid().jsonPath().getString("nextCursor");
            c.call("GET /api/v1/audit").query("limit", 1).query("cursor", cursor).valid();
            c.call("GET /api/v1/audit").query("action", "customer.merge").query("from", "2020-01-01T00:00:00Z").valid();
            c.call("GET /api/v1/audit").query("from", "last week").invalid();
            c.call("GET /api/v1/audit").as("viewer").invalid();
        });
    }

    private static void touchpoints(Map<String, Fixture> f) {
        f.put("POST /api/v1/touchpoints", c -> {
            Map<String, Object> body = Fixtures.touchpointFor(customer()).channel("web").phase("interest")
                    .set("payload", Map.of("page", "/pricing", "seconds", 42, "returning", true)).json();
            c.call("POST /api/v1/touchpoints").body(body).valid();
            c.call("POST /api/v1/touchpoints").body(body).valid();
            c.call("POST /api/v1/touchpoints").body(Fixtures.touchpointFor(customer()).channel("pigeon").json()).invalid();
            c.call("POST /api/v1/touchpoints").body("[1,2").invalid();
        });
        f.put("POST /api/v1/touchpoints/batch", c -> {
            UUID id = customer();
            List<Map<String, Object>> items = List.of(Fixtures.touchpointFor(id).json(),
                    Fixtures.touchpointForEmail(email()).type("core.interaction").json());
            c.call("POST /api/v1/touchpoints/batch").body(Map.of("items", items)).valid();
            c.call("POST /api/v1/touchpoints/batch")
                    .body(Map.of("items", List.of(Fixtures.touchpointFor(id).json(), Fixtures.touchpointFor(id).type("no.such_type").json())))
                    .valid();
            c.call("POST /api/v1/touchpoints/batch").body(Map.of("items", "none")).invalid();
        });
        f.put("GET /api/v1/journeys/phases/{phase}/metrics", c -> {
            c.call("GET /api/v1/journeys/phases/{phase}/metrics", "purchase").valid();
            c.call("GET /api/v1/journeys/phases/{phase}/metrics", "purchase").query("from", "2025-01-01").query("to", "2025-02-01").valid();
            c.call("GET /api/v1/journeys/phases/{phase}/metrics", "shopping").invalid();
        });
    }

    private static void kpis(Map<String, Fixture> f) {
        f.put("GET /api/v1/kpis", c -> c.call("GET /api/v1/kpis").valid());
        f.put("GET /api/v1/kpis/{key}", c -> {
            c.call("GET /api/v1/kpis/{key}", "nps").query("from", "2031-01-01").query("to", "2031-02-01").valid();
            c.call("GET /api/v1/kpis/{key}", "csat").query("phase", "retention").valid();
            c.call("GET /api/v1/kpis/{key}", "no_such_kpi").invalid();
            c.call("GET /api/v1/kpis/{key}", "nps").query("from", "2031-02-01").query("to", "2031-01-01").invalid();
            c.call("GET /api/v1/kpis/{key}", "nps").query("segment", "kind:robot").invalid();
        });
        f.put("GET /api/v1/kpis/{key}/series", c -> {
            c.call("GET /api/v1/kpis/{key}/series", "csat").query("interval", "month").query("from", "2031-01-15").query("to", "2031-03-01")
                    .valid();
            c.call("GET /api/v1/kpis/{key}/series", "csat").query("interval", "hour").invalid();
            c.call("GET /api/v1/kpis/{key}/series", "csat").query("from", "2000-01-01").query("to", "2031-01-01").invalid();
        });
        f.put("GET /api/v1/kpis/{key}/customers", c -> {
            c.call("GET /api/v1/kpis/{key}/customers", "nps").query("from", "2031-01-01").query("to", "2031-02-01").query("limit", 5).valid();
            c.call("GET /api/v1/kpis/{key}/customers", "churn_rate").query("from", "2031-01-01").query("to", "2031-02-01").valid();
            c.call("GET /api/v1/kpis/{key}/customers", "repurchase_rate").query("from", "2031-01-01").query("to", "2031-02-01").valid();
            c.call("GET /api/v1/kpis/{key}/customers", "proactive_share").invalid();
            c.call("GET /api/v1/kpis/{key}/customers", "nrr").query("phase", "retention").invalid();
            c.call("GET /api/v1/kpis/{key}/customers", "no_such_kpi").invalid();
            c.call("GET /api/v1/kpis/{key}/customers", "csat").query("phase", "checkout").invalid();
        });
        f.put("GET /api/v1/kpis/funnel/steps", c -> {
            c.call("GET /api/v1/kpis/funnel/steps").query("from", "2031-01-01").query("to", "2031-02-01").valid();
            c.call("GET /api/v1/kpis/funnel/steps").query("phase", "purchase").invalid();
        });
        f.put("GET /api/v1/kpis/peak-end/negative-peaks", c -> {
            c.call("GET /api/v1/kpis/peak-end/negative-peaks").query("module", "core").valid();
            c.call("GET /api/v1/kpis/peak-end/negative-peaks").query("to", "31.01.2031").invalid();
        });
        f.put("PUT /api/v1/kpis/{key}/target", c -> {
            Map<String, Object> target = Map.of("value", 25, "from", "2091-01-01", "to", "2091-04-01", "owners", List.of("product"),
                    "shared", false, "atRisk", Map.of("kind", "absolute", "width", 5));
            c.call("PUT /api/v1/kpis/{key}/target", "nps").body(target).valid();
            c.call("PUT /api/v1/kpis/{key}/target", "nps").body(Map.of("value", "high", "owners", List.of("Product!"))).invalid();
            c.call("PUT /api/v1/kpis/{key}/target", "no_such_kpi").body(target).invalid();
        });
        f.put("GET /api/v1/scorecards/pyramid", c -> {
            c.call("GET /api/v1/scorecards/pyramid").query("from", "2031-01-01").query("to", "2031-02-01").valid();
            c.call("GET /api/v1/scorecards/pyramid").query("from", "2031-02-01").query("to", "2031-01-01").invalid();
        });
        f.put("GET /api/v1/scorecards/alignment", c -> {
            c.call("GET /api/v1/scorecards/alignment").valid();
            c.call("GET /api/v1/scorecards/alignment").query("from", "soon").invalid();
        });
        f.put("GET /api/v1/scorecards/pyramid/targets", c -> c.call("GET /api/v1/scorecards/pyramid/targets").valid());
        f.put("PUT /api/v1/scorecards/pyramid/targets", c -> {
            Map<String, Object> levels = c.call("GET /api/v1/scorecards/pyramid/targets").valid().jsonPath().getMap("levels");
            c.call("PUT /api/v1/scorecards/pyramid/targets").body(Map.of("levels", levels)).valid();
            c.call("PUT /api/v1/scorecards/pyramid/targets").body(Map.of("levels", Map.of("9", 50))).invalid();
            c.call("PUT /api/v1/scorecards/pyramid/targets").body(Map.of("levels", levels)).as("viewer").invalid();
        });
    }

    private static void modules(Map<String, Fixture> f) {
        f.put("GET /api/v1/modules", c -> {
            c.call("GET /api/v1/modules").valid();
            c.call("GET /api/v1/modules").as("viewer").invalid();
        });
        f.put("GET /api/v1/modules/{id}", c -> {
            c.call("GET /api/v1/modules/{id}", "notebook").valid();
            c.call("GET /api/v1/modules/{id}", "no-such-module").invalid();
        });
        f.put("POST /api/v1/modules", c -> {
            c.call("POST /api/v1/modules").body(descriptor("ct-" + unique())).valid();
            c.call("POST /api/v1/modules").body(Map.of("id", "Bad Id!")).invalid();
        });
        f.put("POST /api/v1/modules/{id}/install", c -> {
            String id = uploaded();
            c.call("POST /api/v1/modules/{id}/install", id).valid();
            c.call("POST /api/v1/modules/{id}/install", id).invalid();
            c.call("POST /api/v1/modules/{id}/install", "no-such-module").invalid();
        });
        f.put("POST /api/v1/modules/{id}/disable", c -> {
            String id = installed();
            c.call("POST /api/v1/modules/{id}/disable", id).valid();
            c.call("POST /api/v1/modules/{id}/disable", uploaded()).invalid();
        });
        f.put("POST /api/v1/modules/{id}/enable", c -> {
            String id = installed();
            Fixtures.postJson("/api/v1/modules/" + id + "/disable", Map.of()).then().statusCode(200);
            c.call("POST /api/v1/modules/{id}/enable", id).valid();
            c.call("POST /api/v1/modules/{id}/enable", uploaded()).invalid();
        });
        f.put("DELETE /api/v1/modules/{id}", c -> {
            c.call("DELETE /api/v1/modules/{id}", installed()).query("data", "purge").valid();
            c.call("DELETE /api/v1/modules/{id}", installed()).invalid();
            c.call("DELETE /api/v1/modules/{id}", installed()).query("data", "shred").invalid();
        });
        f.put("GET /api/v1/modules/{id}/purge-preview", c -> {
            c.call("GET /api/v1/modules/{id}/purge-preview", installed()).valid();
            c.call("GET /api/v1/modules/{id}/purge-preview", "no-such-module").invalid();
        });
        f.put("PUT /api/v1/modules/{id}/config", c -> {
            c.call("PUT /api/v1/modules/{id}/config", "notebook").body(Map.of("maxLength", 200)).valid();
            c.call("PUT /api/v1/modules/{id}/config", "notebook").body(Map.of("maxLength", "long")).invalid();
            c.call("PUT /api/v1/modules/{id}/config", "no-such-module").body(Map.of()).invalid();
        });
    }

    private static void signals(Map<String, Fixture> f, SignalEvaluation evaluation) {
        f.put("GET /api/v1/signals/rules", c -> {
            String cursor = c.call("GET /api/v1/signals/rules").query("limit", 1).valid().jsonPath().getString("nextCursor");
            c.call("GET /api/v1/signals/rules").query("cursor", cursor).valid();
            c.call("GET /api/v1/signals/rules").query("limit", "ten").invalid();
        });
        f.put("POST /api/v1/signals/rules", c -> {
            c.call("POST /api/v1/signals/rules").body(rule()).valid();
            Map<String, Object> bad = rule();
            bad.put("trigger", Map.of("type", "no.such_type"));
            c.call("POST /api/v1/signals/rules").body(bad).invalid();
            c.call("POST /api/v1/signals/rules").body("[]").invalid();
        });
        f.put("POST /api/v1/signals/backtest", c -> {
            c.call("POST /api/v1/signals/backtest").body(rule()).valid();
            Map<String, Object> bad = rule();
            bad.put("condition", Map.of("kind", "absence", "period", "forever"));
            c.call("POST /api/v1/signals/backtest").body(bad).invalid();
            c.call("POST /api/v1/signals/backtest").body("[]").invalid();
        });
        f.put("GET /api/v1/signals/rules/{id}", c -> {
            c.call("GET /api/v1/signals/rules/{id}", newRule()).valid();
            c.call("GET /api/v1/signals/rules/{id}", UUID.randomUUID()).invalid();
        });
        f.put("PUT /api/v1/signals/rules/{id}", c -> {
            String id = newRule();
            Map<String, Object> changed = rule();
            changed.put("enabled", false);
            c.call("PUT /api/v1/signals/rules/{id}", id).body(changed).valid();
            changed.put("condition", Map.of("kind", "count_within", "count", 2, "window", "forever"));
            c.call("PUT /api/v1/signals/rules/{id}", id).body(changed).invalid();
        });
        f.put("DELETE /api/v1/signals/rules/{id}", c -> {
            String id = newRule();
            c.call("DELETE /api/v1/signals/rules/{id}", id).valid();
            c.call("DELETE /api/v1/signals/rules/{id}", id).invalid();
        });
        f.put("GET /api/v1/tasks", c -> {
            task(evaluation);
            String cursor = c.call("GET /api/v1/tasks").query("limit", 1).valid().jsonPath().getString("nextCursor");
            c.call("GET /api/v1/tasks").query("cursor", cursor).query("department", "support").query("status", "open").valid();
            c.call("GET /api/v1/tasks").query("status", "forgotten").invalid();
        });
        f.put("PATCH /api/v1/tasks/{id}", c -> {
            String id = task(evaluation);
            c.call("PATCH /api/v1/tasks/{id}", id).body(Map.of("status", "in_progress", "assignee", "jo", "note", "Calling back")).valid();
            c.call("PATCH /api/v1/tasks/{id}", id).body(Map.of("status", "forgotten")).invalid();
            c.call("PATCH /api/v1/tasks/{id}", UUID.randomUUID()).body(Map.of("status", "done")).invalid();
        });
    }

    private static void feedback(Map<String, Fixture> f) {
        f.put("GET /api/v1/surveys", c -> {
            survey();
            String cursor = c.call("GET /api/v1/surveys").query("limit", 1).valid().jsonPath().getString("nextCursor");
            c.call("GET /api/v1/surveys").query("cursor", cursor).valid();
            c.call("GET /api/v1/surveys").query("limit", 0).invalid();
        });
        f.put("POST /api/v1/surveys", c -> {
            c.call("POST /api/v1/surveys").body(Map.of("name", "After-support CSAT", "kind", "csat", "commentQuestion", "Anything else?")).valid();
            c.call("POST /api/v1/surveys").body(Map.of("name", "Mood", "kind", "mood")).invalid();
        });
        f.put("GET /api/v1/surveys/{id}", c -> {
            c.call("GET /api/v1/surveys/{id}", survey()).valid();
            c.call("GET /api/v1/surveys/{id}", UUID.randomUUID()).invalid();
        });
        f.put("PUT /api/v1/surveys/{id}", c -> {
            String id = survey();
            c.call("PUT /api/v1/surveys/{id}", id).body(Map.of("name", "After-support CSAT", "kind", "csat", "validDays", 30)).valid();
            c.call("PUT /api/v1/surveys/{id}", id).body(Map.of("name", "", "kind", "csat")).invalid();
        });
        f.put("DELETE /api/v1/surveys/{id}", c -> {
            String id = survey();
            c.call("DELETE /api/v1/surveys/{id}", id).valid();
            c.call("DELETE /api/v1/surveys/{id}", UUID.randomUUID()).invalid();
        });
        f.put("POST /api/v1/surveys/{id}/invitations", c -> {
            c.call("POST /api/v1/surveys/{id}/invitations", survey()).body(Map.of("customerId", customer().toString())).valid();
            c.call("POST /api/v1/surveys/{id}/invitations", survey()).body(Map.of("customerId", "someone")).invalid();
        });
        f.put("POST /api/v1/surveys/{id}/invitations/segment", c -> {
            customer();
            c.call("POST /api/v1/surveys/{id}/invitations/segment", survey()).body(Map.of("limit", 1, "preview", true)).valid();
            c.call("POST /api/v1/surveys/{id}/invitations/segment", survey()).body(Map.of("limit", 1)).valid();
            c.call("POST /api/v1/surveys/{id}/invitations/segment", survey()).body(Map.of("limit", 0)).invalid();
            c.call("POST /api/v1/surveys/{id}/invitations/segment", UUID.randomUUID()).body(Map.of("limit", 1)).invalid();
        });
        f.put("GET /api/v1/surveys/{id}/results", c -> {
            String id = answeredSurvey();
            c.call("GET /api/v1/surveys/{id}/results", id).valid();
            c.call("GET /api/v1/surveys/{id}/results", id).query("interval", "week").valid();
            c.call("GET /api/v1/surveys/{id}/results", survey()).valid();
            c.call("GET /api/v1/surveys/{id}/results", id).query("interval", "decade").invalid();
            c.call("GET /api/v1/surveys/{id}/results", UUID.randomUUID()).invalid();
        });
        f.put("GET /api/v1/surveys/{id}/answers", c -> {
            String id = answeredSurvey();
            Fixtures.postJson("/public/v1/responses/" + invitationTo(id), Map.of("score", 2)).then().statusCode(201);
            String cursor = c.call("GET /api/v1/surveys/{id}/answers", id).query("limit", 1).valid().jsonPath().getString("nextCursor");
            c.call("GET /api/v1/surveys/{id}/answers", id).query("limit", 1).query("cursor", cursor).valid();
            c.call("GET /api/v1/surveys/{id}/answers", id).query("limit", 0).invalid();
            c.call("GET /api/v1/surveys/{id}/answers", id).query("cursor", "garbage").invalid();
            c.call("GET /api/v1/surveys/{id}/answers", UUID.randomUUID()).invalid();
        });
        f.put("GET /public/v1/responses/{token}", c -> {
            c.call("GET /public/v1/responses/{token}", invitation()).anonymous().valid();
            c.call("GET /public/v1/responses/{token}", "kr_" + unique()).anonymous().invalid();
        });
        f.put("POST /public/v1/responses/{token}", c -> {
            String token = invitation();
            c.call("POST /public/v1/responses/{token}", token).anonymous().body(Map.of("score", 4, "comment", "Quick and friendly")).valid();
            c.call("POST /public/v1/responses/{token}", token).anonymous().body(Map.of("score", 5)).invalid();
            c.call("POST /public/v1/responses/{token}", invitation()).anonymous().body(Map.of("score", 11)).invalid();
        });
    }

    private static void security(Map<String, Fixture> f) {
        f.put("GET /api/v1/me", c -> {
            c.call("GET /api/v1/me").valid();
            c.call("GET /api/v1/me").anonymous().invalid();
        });
        f.put("GET /api/v1/users", c -> {
            String cursor = c.call("GET /api/v1/users").query("limit", 1).valid().jsonPath().getString("nextCursor");
            c.call("GET /api/v1/users").query("cursor", cursor).valid();
            c.call("GET /api/v1/users").as("viewer").invalid();
        });
        f.put("POST /api/v1/users", c -> {
            c.call("POST /api/v1/users").body(user()).valid();
            c.call("POST /api/v1/users").body(Map.of("username", "x")).invalid();
        });
        f.put("GET /api/v1/users/{id}", c -> {
            c.call("GET /api/v1/users/{id}", newUser()).valid();
            c.call("GET /api/v1/users/{id}", UUID.randomUUID()).invalid();
        });
        f.put("PATCH /api/v1/users/{id}", c -> {
            String id = newUser();
            c.call("PATCH /api/v1/users/{id}", id).body(Map.of("displayName", "Jo Contract", "roles", List.of("viewer", "support"))).valid();
            c.call("PATCH /api/v1/users/{id}", id).body(Map.of("roles", List.of("emperor"))).invalid();
        });
        f.put("DELETE /api/v1/users/{id}", c -> {
            String id = newUser();
            c.call("DELETE /api/v1/users/{id}", id).valid();
            c.call("DELETE /api/v1/users/{id}", UUID.randomUUID()).invalid();
        });
        f.put("GET /api/v1/tokens", c -> {
            newToken();
            String cursor = c.call("GET /api/v1/tokens").query("limit", 1).valid().jsonPath().getString("nextCursor");
            c.call("GET /api/v1/tokens").query("cursor", cursor).valid();
            c.call("GET /api/v1/tokens").query("limit", 9999).invalid();
        });
        f.put("POST /api/v1/tokens", c -> {
            c.call("POST /api/v1/tokens").body(Map.of("name", "crm-sync", "roles", List.of("integration"),
                    "expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())).valid();
            c.call("POST /api/v1/tokens").body(Map.of("name", "x", "roles", List.of("viewer"), "expiresAt", "tomorrow")).invalid();
        });
        f.put("GET /api/v1/tokens/{id}", c -> {
            c.call("GET /api/v1/tokens/{id}", newToken()).valid();
            c.call("GET /api/v1/tokens/{id}", UUID.randomUUID()).invalid();
        });
        f.put("DELETE /api/v1/tokens/{id}", c -> {
            String id = newToken();
            c.call("DELETE /api/v1/tokens/{id}", id).valid();
            c.call("DELETE /api/v1/tokens/{id}", UUID.randomUUID()).invalid();
        });
    }

    static UUID customer() {
        return person("contract").name("Anna", "Contract").email(email()).create().customerId();
    }

    private static String suggestion() {
        String surname = "Q" + unique();
        String company = "Zyxqwer " + unique() + " GmbH";
        Created schmidt = person("crm").name("Anna", surname + "schmidt").attribute("company", company).email(email()).create();
        person("shop").name("Anna", surname + "schmitt").attribute("company", company).email(email()).create();
        String cursor = null;
        do {
            var request = io.restassured.RestAssured.given().queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/merge-suggestions").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                if (((List<?>) item.get("profileIds")).contains(schmidt.profileId().toString())) {
                    return item.get("id").toString();
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        throw new AssertionError("no merge suggestion for " + surname);
    }

    private static Map<String, Object> descriptor(String id) {
        return Map.of("id", id, "name", "Contract " + id, "version", "1.0.0", "coreVersions", ">=0.1.0", "department", "marketing",
                "touchpointTypes", List.of(Map.of("key", id + ".seen", "phase", "awareness")));
    }

    private static String uploaded() {
        String id = "ct-" + unique();
        Fixtures.postJson("/api/v1/modules", descriptor(id)).then().statusCode(201);
        return id;
    }

    private static String installed() {
        String id = uploaded();
        Fixtures.postJson("/api/v1/modules/" + id + "/install", Map.of()).then().statusCode(200);
        return id;
    }

    private static Map<String, Object> rule() {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", "Unhappy CSAT: follow up " + unique());
        rule.put("enabled", true);
        rule.put("trigger", Map.of("type", "feedback.csat"));
        rule.put("condition", Map.of("kind", "score_range", "max", 2));
        rule.put("action", Map.of("kind", "task", "department", "support", "title", "Call the customer back"));
        return rule;
    }

    private static String newRule() {
        return Fixtures.postJson("/api/v1/signals/rules", rule()).then().statusCode(201).extract().jsonPath().getString("id");
    }

    /** A follow-up task opened by the default detractor rule for a new customer's NPS answer of 2. */
    private static String task(SignalEvaluation evaluation) {
        UUID id = customer();
        Fixtures.touchpointFor(id).type("feedback.nps").score(2)
                .occurredAt(Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString()).ingest();
        evaluation.drain();
        String task = io.restassured.RestAssured.given().queryParam("customerId", id.toString()).get("/api/v1/tasks").then().statusCode(200)
                .extract().jsonPath().getString("items[0].id");
        if (task == null) {
            throw new AssertionError("the detractor rule opened no task for " + id);
        }
        return task;
    }

    private static String survey() {
        return Fixtures.postJson("/api/v1/surveys", Map.of("name", "After-support CSAT", "kind", "csat")).then().statusCode(201)
                .extract().jsonPath().getString("id");
    }

    private static String invitation() {
        return invitationTo(survey());
    }

    private static String invitationTo(String surveyId) {
        return Fixtures.postJson("/api/v1/surveys/" + surveyId + "/invitations", Map.of("customerId", customer().toString()))
                .then().statusCode(201).extract().jsonPath().getString("token");
    }

    /** A CSAT survey one customer answered with a comment. */
    private static String answeredSurvey() {
        String id = survey();
        Fixtures.postJson("/public/v1/responses/" + invitationTo(id), Map.of("score", 4, "comment", "Quick and friendly"))
                .then().statusCode(201);
        return id;
    }

    private static Map<String, Object> user() {
        return Map.of("username", "ct-" + unique(), "password", "a-long-enough-password", "roles", List.of("viewer"),
                "displayName", "Jo Contract", "email", email());
    }

    private static String newUser() {
        return Fixtures.postJson("/api/v1/users", user()).then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static String newToken() {
        return Fixtures.postJson("/api/v1/tokens", Map.of("name", "ct-" + unique(), "roles", List.of("viewer"))).then().statusCode(201)
                .extract().jsonPath().getString("id");
    }
}
