package dev.kreis.app.keycloak;

import static dev.kreis.platform.security.Access.READ;
import static dev.kreis.platform.security.Access.WRITE;

import java.util.List;

import dev.kreis.platform.security.Access;
import dev.kreis.platform.security.Capability;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint the realm's resources cover, with the capability and access it needs — current ones and
 * those still to come (consents, export, erase, audit, KPIs, signals, tasks). The Keycloak suite calls each for each role; the
 * realm test resolves each path the way Keycloak does. Calls never change state: ids are random and
 * write bodies are a JSON string no endpoint accepts, so an allowed call answers 400, 404 or 422 — never
 * 401 or 403 — and a denied one 403.
 */
public final class KeycloakEndpoints {

    /** {@code path} is the endpoint's template, as in the OpenAPI document: it may contain {@code {id}}, {@code {key}}. */
    public record Endpoint(String method, String path, Capability capability, Access access) {

        public String concretePath(String id) {
            return path.replaceAll("\\{[^}/]+\\}", id);
        }

        public Response send(RequestSpecification request, String id) {
            if (access == WRITE) {
                request = request.contentType(ContentType.JSON).body("\"probe\"");
            }
            return request.request(method, concretePath(id));
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + capability.key() + ":" + access.key() + ")";
        }
    }

    private KeycloakEndpoints() {
    }

    public static List<Endpoint> all() {
        return List.of(
                new Endpoint("GET", "/api/v1/customers", Capability.CUSTOMER_RECORD, READ),
                new Endpoint("GET", "/api/v1/customers/{id}", Capability.CUSTOMER_RECORD, READ),
                new Endpoint("GET", "/api/v1/customers/{id}/timeline", Capability.CUSTOMER_RECORD, READ),
                new Endpoint("GET", "/api/v1/customers/{id}/identity-history", Capability.CUSTOMER_RECORD, READ),
                new Endpoint("POST", "/api/v1/profiles", Capability.CUSTOMER_RECORD, WRITE),
                new Endpoint("POST", "/api/v1/touchpoints", Capability.TOUCHPOINTS, WRITE),
                new Endpoint("POST", "/api/v1/touchpoints/batch", Capability.TOUCHPOINTS, WRITE),
                new Endpoint("GET", "/api/v1/touchpoint-types", Capability.TOUCHPOINTS, READ),
                new Endpoint("GET", "/api/v1/merge-suggestions", Capability.IDENTITY_RESOLUTION, READ),
                new Endpoint("POST", "/api/v1/merge-suggestions/{id}/dismiss", Capability.IDENTITY_RESOLUTION, WRITE),
                new Endpoint("POST", "/api/v1/customers/{id}/merge", Capability.IDENTITY_RESOLUTION, WRITE),
                new Endpoint("POST", "/api/v1/customers/{id}/split", Capability.IDENTITY_RESOLUTION, WRITE),
                new Endpoint("GET", "/api/v1/survivorship", Capability.SURVIVORSHIP, READ),
                new Endpoint("PUT", "/api/v1/survivorship", Capability.SURVIVORSHIP, WRITE),
                new Endpoint("GET", "/api/v1/surveys", Capability.FEEDBACK, READ),
                new Endpoint("POST", "/api/v1/surveys", Capability.FEEDBACK, WRITE),
                new Endpoint("GET", "/api/v1/surveys/{id}", Capability.FEEDBACK, READ),
                new Endpoint("PUT", "/api/v1/surveys/{id}", Capability.FEEDBACK, WRITE),
                new Endpoint("DELETE", "/api/v1/surveys/{id}", Capability.FEEDBACK, WRITE),
                new Endpoint("POST", "/api/v1/surveys/{id}/invitations", Capability.FEEDBACK, WRITE),
                new Endpoint("POST", "/api/v1/surveys/{id}/invitations/segment", Capability.FEEDBACK, WRITE),
                new Endpoint("GET", "/api/v1/surveys/{id}/results", Capability.FEEDBACK, READ),
                new Endpoint("GET", "/api/v1/surveys/{id}/answers", Capability.FEEDBACK, READ),
                new Endpoint("GET", "/api/v1/kpis", Capability.KPIS, READ),
                new Endpoint("GET", "/api/v1/kpis/funnel/steps", Capability.KPIS, READ),
                new Endpoint("GET", "/api/v1/kpis/{key}", Capability.KPIS, READ),
                new Endpoint("GET", "/api/v1/kpis/{key}/series", Capability.KPIS, READ),
                new Endpoint("GET", "/api/v1/kpis/{key}/customers", Capability.KPIS, READ),
                new Endpoint("PUT", "/api/v1/kpis/{key}/target", Capability.KPIS, WRITE),
                new Endpoint("GET", "/api/v1/signals/rules", Capability.SIGNALS, READ),
                new Endpoint("POST", "/api/v1/signals/rules", Capability.SIGNALS, WRITE),
                new Endpoint("GET", "/api/v1/signals/rules/{id}", Capability.SIGNALS, READ),
                new Endpoint("PUT", "/api/v1/signals/rules/{id}", Capability.SIGNALS, WRITE),
                new Endpoint("DELETE", "/api/v1/signals/rules/{id}", Capability.SIGNALS, WRITE),
                new Endpoint("POST", "/api/v1/signals/backtest", Capability.SIGNALS, WRITE),
                new Endpoint("GET", "/api/v1/tasks", Capability.TASKS, READ),
                new Endpoint("PATCH", "/api/v1/tasks/{id}", Capability.TASKS, WRITE),
                new Endpoint("GET", "/api/v1/customers/{id}/consents", Capability.CONSENTS, READ),
                new Endpoint("PUT", "/api/v1/customers/{id}/consents", Capability.CONSENTS, WRITE),
                new Endpoint("GET", "/api/v1/customers/{id}/export", Capability.PRIVACY, READ),
                new Endpoint("POST", "/api/v1/customers/{id}/erase", Capability.PRIVACY, WRITE),
                new Endpoint("GET", "/api/v1/customers/{id}/erase/preview", Capability.PRIVACY, READ),
                new Endpoint("GET", "/api/v1/erasures/{receiptId}", Capability.PRIVACY, READ),
                new Endpoint("GET", "/api/v1/suppressions", Capability.PRIVACY, READ),
                new Endpoint("DELETE", "/api/v1/suppressions/{receiptId}", Capability.PRIVACY, WRITE),
                new Endpoint("GET", "/api/v1/audit", Capability.AUDIT, READ),
                // Nobody writes the audit log; the realm has no permission for it, so Keycloak denies.
                new Endpoint("POST", "/api/v1/audit", Capability.AUDIT, WRITE),
                new Endpoint("GET", "/api/v1/users", Capability.USERS, READ),
                new Endpoint("POST", "/api/v1/users", Capability.USERS, WRITE),
                new Endpoint("GET", "/api/v1/users/{id}", Capability.USERS, READ),
                new Endpoint("PATCH", "/api/v1/users/{id}", Capability.USERS, WRITE),
                new Endpoint("DELETE", "/api/v1/users/{id}", Capability.USERS, WRITE),
                new Endpoint("GET", "/api/v1/tokens", Capability.TOKENS, READ),
                new Endpoint("POST", "/api/v1/tokens", Capability.TOKENS, WRITE),
                new Endpoint("GET", "/api/v1/tokens/{id}", Capability.TOKENS, READ),
                new Endpoint("DELETE", "/api/v1/tokens/{id}", Capability.TOKENS, WRITE),
                new Endpoint("GET", "/api/v1/customers/{id}/holds", Capability.CUSTOMER_RECORD, READ),
                new Endpoint("GET", "/api/v1/modules", Capability.MODULES, READ),
                new Endpoint("POST", "/api/v1/modules", Capability.MODULES, WRITE),
                new Endpoint("GET", "/api/v1/modules/{id}", Capability.MODULES, READ),
                new Endpoint("DELETE", "/api/v1/modules/{id}", Capability.MODULES, WRITE),
                new Endpoint("POST", "/api/v1/modules/{id}/install", Capability.MODULES, WRITE),
                new Endpoint("POST", "/api/v1/modules/{id}/enable", Capability.MODULES, WRITE),
                new Endpoint("POST", "/api/v1/modules/{id}/disable", Capability.MODULES, WRITE),
                new Endpoint("PUT", "/api/v1/modules/{id}/config", Capability.MODULES, WRITE),
                new Endpoint("GET", "/api/v1/modules/{id}/purge-preview", Capability.MODULES, READ),
                new Endpoint("GET", "/api/v1/imports", Capability.IMPORTS, READ),
                new Endpoint("POST", "/api/v1/imports", Capability.IMPORTS, WRITE),
                new Endpoint("GET", "/api/v1/imports/{id}", Capability.IMPORTS, READ),
                new Endpoint("GET", "/api/v1/imports/{id}/errors.csv", Capability.IMPORTS, READ),
                new Endpoint("DELETE", "/api/v1/imports/{id}", Capability.IMPORTS, WRITE),
                new Endpoint("GET", "/api/v1/import-mappings", Capability.IMPORTS, READ),
                new Endpoint("GET", "/api/v1/import-mappings/{name}", Capability.IMPORTS, READ),
                new Endpoint("PUT", "/api/v1/import-mappings/{name}", Capability.IMPORTS, WRITE),
                new Endpoint("DELETE", "/api/v1/import-mappings/{name}", Capability.IMPORTS, WRITE),
                new Endpoint("GET", "/api/v1/connections", Capability.CONNECTIONS, READ),
                new Endpoint("POST", "/api/v1/connections", Capability.CONNECTIONS, WRITE),
                new Endpoint("GET", "/api/v1/connections/{id}", Capability.CONNECTIONS, READ),
                new Endpoint("PATCH", "/api/v1/connections/{id}", Capability.CONNECTIONS, WRITE),
                new Endpoint("DELETE", "/api/v1/connections/{id}", Capability.CONNECTIONS, WRITE),
                new Endpoint("POST", "/api/v1/connections/{id}/test", Capability.CONNECTIONS, WRITE),
                new Endpoint("GET", "/api/v1/connections/{id}/runs", Capability.CONNECTIONS, READ),
                new Endpoint("GET", "/api/v1/connections/{id}/dead-letters", Capability.CONNECTIONS, READ),
                new Endpoint("GET", "/api/v1/connections/{id}/mapping", Capability.CONNECTIONS, READ),
                new Endpoint("PUT", "/api/v1/connections/{id}/mapping", Capability.CONNECTIONS, WRITE),
                new Endpoint("POST", "/api/v1/connections/{id}/sync", Capability.SYNC, WRITE),
                new Endpoint("GET", "/api/v1/exports/customers.csv", Capability.CUSTOMER_RECORD, READ),
                new Endpoint("GET", "/api/v1/exports/touchpoints.csv", Capability.TOUCHPOINTS, READ),
                new Endpoint("GET", "/api/v1/exports/kpis/{key}/series.csv", Capability.KPIS, READ));
    }
}
