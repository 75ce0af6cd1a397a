package dev.kreis.platform.security.api;

import java.time.OffsetDateTime;
import java.util.List;

/** Body of {@code POST /api/v1/tokens}. */
public record TokenRequest(String name, List<String> roles, OffsetDateTime expiresAt) {
}
