package dev.kreis.app.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;

import dev.kreis.platform.security.Access;
import dev.kreis.platform.security.Capability;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * One representative call per capability and access, shared by the local-account suite and the Keycloak
 * suite. A probe gets the caller's request and an admin's request (for set-up data it needs, such as a
 * customer to read); it answers the caller's response. Allowed means neither 401 nor 403; denied means
 * 403. Where a real success would need state the probe cannot make cheaply, it sends a request the
 * endpoint rejects only after authorisation (a 404 or 422 then proves the caller got past the check).
 */
public final class MatrixProbes {

    /** A call that exercises {@code access} to {@code capability}. */
    public record Probe(Capability capability, Access access, String description,
            BiFunction<RequestSpecification, RequestSpecification, Response> call) {

        public Response run(RequestSpecification caller, RequestSpecification admin) {
            return call.apply(caller, admin);
        }

        @Override
        public String toString() {
            return capability.key() + ":" + access.key() + " (" + description + ")";
        }
    }

    private MatrixProbes() {
    }

    public static List<Probe> all() {
        return List.of(
                new Probe(Capability.CUSTOMER_RECORD, Access.READ, "GET /api/v1/customers",
                        (caller, admin) -> caller.queryParam("q", "probe").get("/api/v1/customers")),
                new Probe(Capability.CUSTOMER_RECORD, Access.WRITE, "POST /api/v1/profiles",
                        (caller, admin) -> caller.contentType(ContentType.JSON).body(profile()).post("/api/v1/profiles")),
                new Probe(Capability.TOUCHPOINTS, Access.READ, "GET /api/v1/touchpoint-types",
                        (caller, admin) -> caller.get("/api/v1/touchpoint-types")),
                new Probe(Capability.TOUCHPOINTS, Access.WRITE, "POST /api/v1/touchpoints",
                        (caller, admin) -> caller.contentType(ContentType.JSON).body(touchpoint()).post("/api/v1/touchpoints")),
                new Probe(Capability.IDENTITY_RESOLUTION, Access.READ, "GET /api/v1/merge-suggestions",
                        (caller, admin) -> caller.get("/api/v1/merge-suggestions")),
                new Probe(Capability.IDENTITY_RESOLUTION, Access.WRITE, "POST /api/v1/merge-suggestions/{unknown}/dismiss",
                        (caller, admin) -> caller.post("/api/v1/merge-suggestions/" + UUID.randomUUID() + "/dismiss")),
                new Probe(Capability.SURVIVORSHIP, Access.READ, "GET /api/v1/survivorship",
                        (caller, admin) -> caller.get("/api/v1/survivorship")),
                new Probe(Capability.SURVIVORSHIP, Access.WRITE, "PUT /api/v1/survivorship (the current policies again)",
                        (caller, admin) -> {
                            Object current = admin.get("/api/v1/survivorship").then().statusCode(200).extract().as(Map.class);
                            return caller.contentType(ContentType.JSON).body(current).put("/api/v1/survivorship");
                        }),
                new Probe(Capability.CONSENTS, Access.READ, "GET /api/v1/customers/{unknown}/consents",
                        (caller, admin) -> caller.get("/api/v1/customers/" + UUID.randomUUID() + "/consents")),
                new Probe(Capability.CONSENTS, Access.WRITE, "PUT /api/v1/customers/{unknown}/consents",
                        (caller, admin) -> caller.contentType(ContentType.JSON).body(Map.of("items", List.of(Map.of("purpose", "marketing",
                                "channel", "email", "status", "granted", "source", "probe"))))
                                .put("/api/v1/customers/" + UUID.randomUUID() + "/consents")),
                new Probe(Capability.PRIVACY, Access.READ, "GET /api/v1/erasures/{unknown}",
                        (caller, admin) -> caller.get("/api/v1/erasures/" + UUID.randomUUID())),
                new Probe(Capability.PRIVACY, Access.READ, "GET /api/v1/customers/{unknown}/erase/preview",
                        (caller, admin) -> caller.get("/api/v1/customers/" + UUID.randomUUID() + "/erase/preview")),
                new Probe(Capability.PRIVACY, Access.READ, "GET /api/v1/suppressions",
                        (caller, admin) -> caller.get("/api/v1/suppressions")),
                new Probe(Capability.PRIVACY, Access.WRITE, "DELETE /api/v1/suppressions/{unknown}",
                        (caller, admin) -> caller.queryParam("reason", "probe").delete("/api/v1/suppressions/" + UUID.randomUUID())),
                new Probe(Capability.PRIVACY, Access.WRITE, "POST /api/v1/customers/{unknown}/erase",
                        (caller, admin) -> caller.contentType(ContentType.JSON).body(Map.of()).post("/api/v1/customers/" + UUID.randomUUID() + "/erase")),
                new Probe(Capability.AUDIT, Access.READ, "GET /api/v1/audit",
                        (caller, admin) -> caller.queryParam("limit", 1).get("/api/v1/audit")),
                new Probe(Capability.FEEDBACK, Access.READ, "GET /api/v1/surveys",
                        (caller, admin) -> caller.get("/api/v1/surveys")),
                // Survey definitions are settings, which integration may not change; invitations are what every writer may do.
                new Probe(Capability.FEEDBACK, Access.WRITE, "POST /api/v1/surveys/{unknown}/invitations",
                        (caller, admin) -> caller.contentType(ContentType.JSON).body(Map.of("customerId", UUID.randomUUID().toString()))
                                .post("/api/v1/surveys/" + UUID.randomUUID() + "/invitations")),
                new Probe(Capability.FEEDBACK, Access.WRITE, "POST /api/v1/surveys/{unknown}/invitations/segment",
                        (caller, admin) -> caller.contentType(ContentType.JSON).body(Map.of("limit", 1, "preview", true))
                                .post("/api/v1/surveys/" + UUID.randomUUID() + "/invitations/segment")),
                new Probe(Capability.KPIS, Access.READ, "GET /api/v1/kpis/nps",
                        (caller, admin) -> caller.get("/api/v1/kpis/nps")),
                new Probe(Capability.KPIS, Access.READ, "GET /api/v1/kpis/{key}/customers",
                        (caller, admin) -> caller.queryParam("limit", 1).get("/api/v1/kpis/nps/customers")),
                new Probe(Capability.KPIS, Access.WRITE, "PUT /api/v1/kpis/{unknown}/target",
                        (caller, admin) -> caller.contentType(ContentType.JSON)
                                .body(Map.of("value", 1, "owners", List.of("sales"), "shared", false))
                                .put("/api/v1/kpis/probe_unknown_kpi/target")),
                new Probe(Capability.SIGNALS, Access.READ, "GET /api/v1/signals/rules",
                        (caller, admin) -> caller.queryParam("limit", 1).get("/api/v1/signals/rules")),
                new Probe(Capability.SIGNALS, Access.WRITE, "POST /api/v1/signals/rules (invalid body)",
                        (caller, admin) -> caller.contentType(ContentType.JSON).body(Map.of("name", "")).post("/api/v1/signals/rules")),
                new Probe(Capability.SIGNALS, Access.WRITE, "POST /api/v1/signals/backtest (invalid body)",
                        (caller, admin) -> caller.contentType(ContentType.JSON).body(Map.of("name", "")).post("/api/v1/signals/backtest")),
                new Probe(Capability.TASKS, Access.READ, "GET /api/v1/tasks",
                        (caller, admin) -> caller.queryParam("limit", 1).get("/api/v1/tasks")),
                new Probe(Capability.TASKS, Access.WRITE, "PATCH /api/v1/tasks/{unknown}",
                        (caller, admin) -> caller.contentType(ContentType.JSON).body(Map.of("status", "done"))
                                .patch("/api/v1/tasks/" + UUID.randomUUID())),
                new Probe(Capability.USERS, Access.READ, "GET /api/v1/users",
                        (caller, admin) -> caller.get("/api/v1/users")),
                new Probe(Capability.USERS, Access.WRITE, "POST /api/v1/users (invalid body)",
                        (caller, admin) -> caller.contentType(ContentType.JSON).body(Map.of("username", "x")).post("/api/v1/users")),
                new Probe(Capability.TOKENS, Access.READ, "GET /api/v1/tokens",
                        (caller, admin) -> caller.get("/api/v1/tokens")),
                new Probe(Capability.TOKENS, Access.WRITE, "POST /api/v1/tokens (invalid body)",
                        (caller, admin) -> caller.contentType(ContentType.JSON).body(Map.of("name", "")).post("/api/v1/tokens")),
                new Probe(Capability.MODULES, Access.READ, "GET /api/v1/modules",
                        (caller, admin) -> caller.get("/api/v1/modules")),
                new Probe(Capability.MODULES, Access.READ, "GET /api/v1/modules/{unknown}/purge-preview",
                        (caller, admin) -> caller.get("/api/v1/modules/no-such-module/purge-preview")),
                new Probe(Capability.MODULES, Access.WRITE, "POST /api/v1/modules (invalid descriptor)",
                        (caller, admin) -> caller.contentType(ContentType.JSON).body(Map.of("id", "")).post("/api/v1/modules")),
                new Probe(Capability.IMPORTS, Access.READ, "GET /api/v1/imports",
                        (caller, admin) -> caller.get("/api/v1/imports")),
                new Probe(Capability.IMPORTS, Access.WRITE, "POST /api/v1/imports (no file)",
                        (caller, admin) -> caller.multiPart("spec", "{\"kind\":\"profiles\",\"source\":\"probe\"}").post("/api/v1/imports")),
                new Probe(Capability.CONNECTIONS, Access.READ, "GET /api/v1/connections",
                        (caller, admin) -> caller.get("/api/v1/connections")),
                new Probe(Capability.CONNECTIONS, Access.WRITE, "POST /api/v1/connections (invalid body)",
                        (caller, admin) -> caller.contentType(ContentType.JSON).body(Map.of("name", "")).post("/api/v1/connections")),
                new Probe(Capability.CONNECTIONS, Access.READ, "GET /api/v1/connections/{unknown}/mapping",
                        (caller, admin) -> caller.get("/api/v1/connections/" + java.util.UUID.randomUUID() + "/mapping")),
                new Probe(Capability.CONNECTIONS, Access.WRITE, "PUT /api/v1/connections/{unknown}/mapping",
                        (caller, admin) -> caller.contentType(ContentType.JSON).body(Map.of()).put("/api/v1/connections/"
                                + java.util.UUID.randomUUID() + "/mapping")),
                new Probe(Capability.SYNC, Access.WRITE, "POST /api/v1/connections/{unknown}/sync",
                        (caller, admin) -> caller.post("/api/v1/connections/" + java.util.UUID.randomUUID() + "/sync")));
    }

    /** A new person profile from the source {@code probe}. */
    public static Map<String, Object> profile() {
        return Map.of("source", "probe", "externalId", "probe-" + random(), "kind", "person",
                "identifiers", List.of(Map.of("type", "email", "value", "probe." + random() + "@example.com")));
    }

    /** A new interaction of a new customer named by e-mail. */
    public static Map<String, Object> touchpoint() {
        return Map.of("source", "probe", "externalId", "probe-" + random(), "type", "core.interaction",
                "occurredAt", "2025-03-01T10:00:00Z",
                "customer", Map.of("identifiers", List.of(Map.of("type", "email", "value", "probe." + random() + "@example.com"))));
    }

    private static String random() {
        return Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }
}
