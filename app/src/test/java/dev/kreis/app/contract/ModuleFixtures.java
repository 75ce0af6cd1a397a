package dev.kreis.app.contract;

import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.unique;
import static dev.kreis.app.contract.PlatformFixtures.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.kreis.app.Fixtures;
import dev.kreis.app.modules.ModuleAdmin;

/**
 * Fixtures for the bundled modules' operations (marketing, sales, support) and the test module notebook.
 * Each fixture installs (or enables) its module first.
 */
final class ModuleFixtures {
    private static final String CAMPAIGNS = "/api/v1/marketing/campaigns";

    private ModuleFixtures() {
    }

    static void register(Map<String, Fixture> fixtures) {
        notebook(fixtures);
        marketing(fixtures);
        sales(fixtures);
        support(fixtures);
    }

    private static void put(Map<String, Fixture> fixtures, String module, String operation, Fixture fixture) {
        fixtures.put(operation, c -> {
            ModuleAdmin.ensureEnabled(module);
            fixture.exercise(c);
        });
    }

    private static void notebook(Map<String, Fixture> f) {
        put(f, "notebook", "POST /api/v1/notebook/notes", c -> {
            c.call("POST /api/v1/notebook/notes").body(Map.of("customerId", customer().toString(), "text", "Prefers calls")).valid();
            c.call("POST /api/v1/notebook/notes").body(Map.of("customerId", customer().toString(), "text", "x".repeat(5000))).invalid();
        });
        put(f, "notebook", "GET /api/v1/notebook/notes", c -> {
            c.call("GET /api/v1/notebook/notes").query("customerId", customer()).valid();
            c.call("GET /api/v1/notebook/notes").query("customerId", "nobody").invalid();
        });
    }

    private static void marketing(Map<String, Fixture> f) {
        put(f, "marketing", "GET " + CAMPAIGNS, c -> {
            campaign();
            String cursor = c.call("GET " + CAMPAIGNS).query("limit", 1).valid().jsonPath().getString("nextCursor");
            c.call("GET " + CAMPAIGNS).query("cursor", cursor).valid();
            c.call("GET " + CAMPAIGNS).query("limit", 0).invalid();
        });
        put(f, "marketing", "POST " + CAMPAIGNS, c -> {
            c.call("POST " + CAMPAIGNS).body(campaignBody()).valid();
            c.call("POST " + CAMPAIGNS).body(Map.of("name", "No channel")).invalid();
        });
        put(f, "marketing", "GET " + CAMPAIGNS + "/{id}", c -> {
            c.call("GET " + CAMPAIGNS + "/{id}", campaign()).valid();
            c.call("GET " + CAMPAIGNS + "/{id}", UUID.randomUUID()).invalid();
        });
        put(f, "marketing", "PATCH " + CAMPAIGNS + "/{id}", c -> {
            String id = campaign();
            c.call("PATCH " + CAMPAIGNS + "/{id}", id).body(Map.of("name", "Spring sale " + unique())).valid();
            c.call("PATCH " + CAMPAIGNS + "/{id}", id).body("{\"startsOn\":\"2025-05-01\",\"endsOn\":\"2025-04-01\"}").invalid();
        });
        put(f, "marketing", "DELETE " + CAMPAIGNS + "/{id}", c -> {
            String id = campaign();
            c.call("DELETE " + CAMPAIGNS + "/{id}", id).valid();
            c.call("DELETE " + CAMPAIGNS + "/{id}", id).invalid();
        });
        put(f, "marketing", "POST " + CAMPAIGNS + "/{id}/members/refresh", c -> {
            c.call("POST " + CAMPAIGNS + "/{id}/members/refresh", campaign()).valid();
            c.call("POST " + CAMPAIGNS + "/{id}/members/refresh", UUID.randomUUID()).invalid();
        });
        put(f, "marketing", "GET " + CAMPAIGNS + "/{id}/members", c -> {
            String id = campaign();
            Fixtures.postJson(CAMPAIGNS + "/" + id + "/members/refresh", Map.of()).then().statusCode(200);
            c.call("GET " + CAMPAIGNS + "/{id}/members", id).query("limit", 10).valid();
            c.call("GET " + CAMPAIGNS + "/{id}/members", id).query("status", "bored").invalid();
        });
        put(f, "marketing", "GET " + CAMPAIGNS + "/{id}/activity", c -> {
            String id = campaign();
            c.call("GET " + CAMPAIGNS + "/{id}/activity", id).valid();
            c.call("GET " + CAMPAIGNS + "/{id}/activity", "not-a-uuid").invalid();
        });
        put(f, "marketing", "GET " + CAMPAIGNS + "/{id}/email-events", c -> {
            String id = campaign();
            c.call("GET " + CAMPAIGNS + "/{id}/email-events", id).query("event", "opened").query("limit", 10).valid();
            c.call("GET " + CAMPAIGNS + "/{id}/email-events", id).query("event", "forwarded").invalid();
        });
        put(f, "marketing", "POST /api/v1/marketing/email-events", c -> {
            UUID customer = customer();
            String id = campaign(customer);
            Fixtures.postJson(CAMPAIGNS + "/" + id + "/members/refresh", Map.of()).then().statusCode(200);
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("campaignId", id);
            event.put("customerId", customer.toString());
            event.put("event", "delivered");
            event.put("occurredAt", "2025-03-01T10:00:00Z");
            event.put("externalId", "prov-" + UUID.randomUUID());
            c.call("POST /api/v1/marketing/email-events").body(Map.of("events", List.of(event))).valid();
            c.call("POST /api/v1/marketing/email-events").body(Map.of("events", "none")).invalid();
        });
        put(f, "marketing", "POST /api/v1/marketing/web-visits", c -> {
            Map<String, Object> visit = new LinkedHashMap<>();
            visit.put("customerId", customer().toString());
            visit.put("url", "https://shop.example.com/pricing");
            visit.put("occurredAt", "2025-03-01T10:00:00Z");
            visit.put("externalId", "visit-" + UUID.randomUUID());
            c.call("POST /api/v1/marketing/web-visits").body(visit).valid();
            c.call("POST /api/v1/marketing/web-visits").body("[]").invalid();
        });
        put(f, "marketing", "POST /api/v1/marketing/form-submissions", c -> {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("form", "whitepaper");
            form.put("email", email());
            form.put("firstName", "Anna");
            form.put("fields", Map.of("topic", "retention", "employees", 250, "newsletter", true));
            c.call("POST /api/v1/marketing/form-submissions").body(form).valid();
            c.call("POST /api/v1/marketing/form-submissions").body(Map.of("form", "whitepaper")).invalid();
        });
    }

    private static Map<String, Object> campaignBody(UUID... members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Campaign " + unique());
        body.put("channel", "email");
        body.put("audience", Map.of("type", "list", "customerIds", List.of(members).stream().map(UUID::toString).toList()));
        return body;
    }

    private static String campaign(UUID... members) {
        return Fixtures.postJson(CAMPAIGNS, campaignBody(members.length == 0 ? new UUID[] { customer() } : members)).then().statusCode(201)
                .extract().path("id");
    }

    private static void sales(Map<String, Fixture> f) {
        String base = "/api/v1/sales";
        put(f, "sales", "GET " + base + "/leads", c -> {
            lead();
            String cursor = c.call("GET " + base + "/leads").query("limit", 1).valid().jsonPath().getString("nextCursor");
            c.call("GET " + base + "/leads").query("cursor", cursor).query("status", "new").valid();
            c.call("GET " + base + "/leads").query("status", "lukewarm").invalid();
        });
        put(f, "sales", "POST " + base + "/leads", c -> {
            c.call("POST " + base + "/leads").body(Map.of("email", email(), "firstName", "Lena", "lastName", "Lead", "company", "Acme", "source",
                    "web")).valid();
            c.call("POST " + base + "/leads").body(Map.of("email", "not-an-address")).invalid();
        });
        put(f, "sales", "GET " + base + "/leads/{id}", c -> {
            c.call("GET " + base + "/leads/{id}", lead()).valid();
            c.call("GET " + base + "/leads/{id}", UUID.randomUUID()).invalid();
        });
        put(f, "sales", "PATCH " + base + "/leads/{id}", c -> {
            String id = lead();
            c.call("PATCH " + base + "/leads/{id}", id).body(Map.of("status", "qualified")).valid();
            c.call("PATCH " + base + "/leads/{id}", id).body(Map.of("status", "lukewarm")).invalid();
        });
        put(f, "sales", "GET " + base + "/deals", c -> {
            UUID customer = customer();
            deal(customer);
            c.call("GET " + base + "/deals").query("customerId", customer).query("limit", 1).valid();
            c.call("GET " + base + "/deals").query("stage", "dreaming").invalid();
        });
        put(f, "sales", "POST " + base + "/deals", c -> {
            c.call("POST " + base + "/deals").body(Map.of("customerId", customer().toString(), "name", "Rollout", "amount", 15000.5)).valid();
            c.call("POST " + base + "/deals").body(Map.of("customerId", customer().toString(), "amount", -1)).invalid();
        });
        put(f, "sales", "GET " + base + "/deals/{id}", c -> {
            c.call("GET " + base + "/deals/{id}", deal(customer())).valid();
            c.call("GET " + base + "/deals/{id}", UUID.randomUUID()).invalid();
        });
        put(f, "sales", "PATCH " + base + "/deals/{id}", c -> {
            String id = deal(customer());
            c.call("PATCH " + base + "/deals/{id}", id).body(Map.of("stage", "proposal", "amount", 15000.5)).valid();
            c.call("PATCH " + base + "/deals/{id}", id).body(Map.of("stage", "dreaming")).invalid();
        });
        put(f, "sales", "GET " + base + "/deals/{id}/history", c -> {
            c.call("GET " + base + "/deals/{id}/history", deal(customer())).valid();
            c.call("GET " + base + "/deals/{id}/history", UUID.randomUUID()).invalid();
        });
        put(f, "sales", "GET " + base + "/orders", c -> {
            UUID customer = customer();
            order(customer);
            c.call("GET " + base + "/orders").query("customerId", customer).valid();
            c.call("GET " + base + "/orders").query("customerId", "someone").invalid();
        });
        put(f, "sales", "POST " + base + "/orders", c -> {
            c.call("POST " + base + "/orders").body(orderBody(customer())).valid();
            c.call("POST " + base + "/orders").body(Map.of("customerId", customer().toString(), "amount", "lots")).invalid();
        });
        put(f, "sales", "GET " + base + "/orders/{id}", c -> {
            c.call("GET " + base + "/orders/{id}", order(customer())).valid();
            c.call("GET " + base + "/orders/{id}", UUID.randomUUID()).invalid();
        });
        put(f, "sales", "GET " + base + "/subscriptions", c -> {
            UUID customer = customer();
            subscription(customer);
            c.call("GET " + base + "/subscriptions").query("customerId", customer).query("status", "active").valid();
            c.call("GET " + base + "/subscriptions").query("status", "paused-forever").invalid();
        });
        put(f, "sales", "POST " + base + "/subscriptions", c -> {
            c.call("POST " + base + "/subscriptions").body(subscriptionBody(customer())).valid();
            c.call("POST " + base + "/subscriptions").body(Map.of("customerId", customer().toString(), "mrr", -5)).invalid();
        });
        put(f, "sales", "GET " + base + "/subscriptions/{id}", c -> {
            c.call("GET " + base + "/subscriptions/{id}", subscription(customer())).valid();
            c.call("GET " + base + "/subscriptions/{id}", UUID.randomUUID()).invalid();
        });
        put(f, "sales", "POST " + base + "/subscriptions/{id}/changes", c -> {
            String id = subscription(customer());
            c.call("POST " + base + "/subscriptions/{id}/changes", id).body(Map.of("mrr", 150, "at", "2024-02-01T00:00:00Z")).valid();
            c.call("POST " + base + "/subscriptions/{id}/changes", id).body(Map.of("mrr", "more")).invalid();
        });
        put(f, "sales", "POST " + base + "/subscriptions/{id}/cancel", c -> {
            String id = subscription(customer());
            c.call("POST " + base + "/subscriptions/{id}/cancel", id).body(Map.of("at", "2024-03-01T00:00:00Z", "reason", "too expensive"))
                    .valid();
            c.call("POST " + base + "/subscriptions/{id}/cancel", id).body(Map.of("at", "2024-04-01T00:00:00Z")).invalid();
        });
    }

    private static String lead() {
        return Fixtures.postJson("/api/v1/sales/leads", Map.of("email", email(), "firstName", "Lena", "lastName", "Lead", "source", "web"))
                .then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static String deal(UUID customer) {
        return Fixtures.postJson("/api/v1/sales/deals", Map.of("customerId", customer.toString(), "name", "Deal " + unique(), "amount", 1000))
                .then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static Map<String, Object> orderBody(UUID customer) {
        return Map.of("customerId", customer.toString(), "amount", 99.5, "orderedAt", "2024-01-10T10:00:00Z", "externalId", "ord-" + unique());
    }

    private static String order(UUID customer) {
        return Fixtures.postJson("/api/v1/sales/orders", orderBody(customer)).then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static Map<String, Object> subscriptionBody(UUID customer) {
        return Map.of("customerId", customer.toString(), "mrr", 100, "startedAt", "2024-01-01T00:00:00Z", "plan", "pro");
    }

    private static String subscription(UUID customer) {
        return Fixtures.postJson("/api/v1/sales/subscriptions", subscriptionBody(customer)).then().statusCode(201).extract().jsonPath()
                .getString("id");
    }

    private static void support(Map<String, Fixture> f) {
        String tickets = "/api/v1/support/tickets";
        put(f, "support", "GET /api/v1/support/sla-policies", c -> c.call("GET /api/v1/support/sla-policies").valid());
        put(f, "support", "PUT /api/v1/support/sla-policies/{priority}", c -> {
            c.call("PUT /api/v1/support/sla-policies/{priority}", "low").body(Map.of("firstResponseMinutes", 1440, "resolutionMinutes", 4320))
                    .valid();
            c.call("PUT /api/v1/support/sla-policies/{priority}", "whenever").body(Map.of("firstResponseMinutes", 1, "resolutionMinutes", 2))
                    .invalid();
        });
        put(f, "support", "POST " + tickets, c -> {
            c.call("POST " + tickets).body(ticketBody()).valid();
            c.call("POST " + tickets).body(Map.of("subject", "No customer")).invalid();
        });
        put(f, "support", "GET " + tickets, c -> {
            ticket();
            String cursor = c.call("GET " + tickets).query("limit", 1).valid().jsonPath().getString("nextCursor");
            c.call("GET " + tickets).query("cursor", cursor).query("status", "open").valid();
            c.call("GET " + tickets).query("priority", "meh").invalid();
        });
        put(f, "support", "GET " + tickets + "/{id}", c -> {
            c.call("GET " + tickets + "/{id}", ticket()).valid();
            c.call("GET " + tickets + "/{id}", UUID.randomUUID()).invalid();
        });
        put(f, "support", "PATCH " + tickets + "/{id}", c -> {
            String id = ticket();
            c.call("PATCH " + tickets + "/{id}", id).body(Map.of("status", "pending", "note", "Waiting for the contract")).valid();
            c.call("PATCH " + tickets + "/{id}", id).body(Map.of("status", "forgotten")).invalid();
        });
        put(f, "support", "GET " + tickets + "/{id}/history", c -> {
            c.call("GET " + tickets + "/{id}/history", ticket()).valid();
            c.call("GET " + tickets + "/{id}/history", UUID.randomUUID()).invalid();
        });
        put(f, "support", "POST " + tickets + "/{id}/responses", c -> {
            c.call("POST " + tickets + "/{id}/responses", ticket()).body(Map.of()).valid();
            c.call("POST " + tickets + "/{id}/responses", ticket()).body(Map.of("respondedAt", "at noon")).invalid();
        });
        put(f, "support", "POST " + tickets + "/{id}/contacts", c -> {
            c.call("POST " + tickets + "/{id}/contacts", ticket()).body(Map.of()).valid();
            c.call("POST " + tickets + "/{id}/contacts", UUID.randomUUID()).body(Map.of()).invalid();
        });
        put(f, "support", "POST " + tickets + "/{id}/resolve", c -> {
            c.call("POST " + tickets + "/{id}/resolve", ticket()).body(Map.of("resolution", "Credited one seat.")).valid();
            c.call("POST " + tickets + "/{id}/resolve", ticket()).body(Map.of("resolvedAt", "later")).invalid();
        });
    }

    private static Map<String, Object> ticketBody() {
        return Map.of("customerId", customer().toString(), "subject", "Invoice wrong " + unique(), "description",
                "The March invoice lists two seats, we have one.", "channel", "email", "priority", "normal");
    }

    private static String ticket() {
        return Fixtures.postJson("/api/v1/support/tickets", ticketBody()).then().statusCode(201).extract().jsonPath().getString("id");
    }
}
