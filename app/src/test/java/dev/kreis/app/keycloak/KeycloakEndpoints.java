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
 * those still to come (consents, export, erase, audit). The Keycloak suite calls each for each role; the
 * realm test resolves each path the way Keycloak does. Calls never change state: ids are random and
 * write bodies are a JSON string no endpoint accepts, so an allowed call answers 400, 404 or 422 — never
 * 401 or 403 — and a denied one 403.
 */
public final class KeycloakEndpoints {

    /** {@code path} may contain {@code {id}}. */
    public record Endpoint(String method, String path, Capability capability, Access access) {

        public String concretePath(String id) {
            return path.replace("{id}", id);
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
                new Endpoint("GET", "/api/v1/customers/{id}/consents", Capability.CONSENTS, READ),
                new Endpoint("PUT", "/api/v1/customers/{id}/consents", Capability.CONSENTS, WRITE),
                new Endpoint("GET", "/api/v1/customers/{id}/export", Capability.PRIVACY, READ),
                new Endpoint("POST", "/api/v1/customers/{id}/erase", Capability.PRIVACY, WRITE),
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
                new Endpoint("DELETE", "/api/v1/tokens/{id}", Capability.TOKENS, WRITE));
    }
}
