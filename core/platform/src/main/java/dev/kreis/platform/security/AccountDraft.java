package dev.kreis.platform.security;

import java.util.Optional;
import java.util.Set;

/**
 * A validated change to a local account. Every field is optional for an update; {@link UserAccounts#create}
 * requires username, password and roles.
 */
public record AccountDraft(String username, Optional<String> password, Optional<Set<Role>> roles,
        Optional<String> displayName, Optional<String> email, Optional<Boolean> enabled, boolean unlock) {
}
