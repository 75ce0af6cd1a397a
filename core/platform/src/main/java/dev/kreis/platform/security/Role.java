package dev.kreis.platform.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of Kreis. Local accounts, API tokens and Keycloak realm roles all carry these names, so one
 * {@link Capability permission matrix} governs every way in.
 */
public enum Role {
    ADMIN("admin"),
    CX_MANAGER("cx-manager"),
    MARKETING("marketing"),
    SALES("sales"),
    SUPPORT("support"),
    VIEWER("viewer"),
    INTEGRATION("integration");

    private final String key;

    Role(String key) {
        this.key = key;
    }

    /** The role's name as it appears in tokens, accounts and the API. */
    public String key() {
        return key;
    }

    public static Optional<Role> of(String key) {
        return Arrays.stream(values()).filter(role -> role.key.equals(key)).findFirst();
    }
}
