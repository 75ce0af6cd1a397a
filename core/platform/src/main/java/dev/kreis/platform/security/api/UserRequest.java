package dev.kreis.platform.security.api;

import java.util.List;

/**
 * Body of {@code POST /api/v1/users} (username, password and roles required) and of
 * {@code PATCH /api/v1/users/{id}} (every field optional; {@code unlock: true} ends a lockout).
 */
public record UserRequest(String username, String password, List<String> roles, String displayName, String email,
        Boolean enabled, Boolean unlock) {
}
