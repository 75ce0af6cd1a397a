package dev.kreis.platform.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A request carrying {@code Authorization: Bearer kreis_...}. */
public class ApiTokenAuthenticationRequest extends BaseAuthenticationRequest {
    private final String secret;

    public ApiTokenAuthenticationRequest(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }
}
