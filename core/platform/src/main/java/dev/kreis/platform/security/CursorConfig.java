package dev.kreis.platform.security;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The key that seals list cursors ({@code kreis.cursor.*}). */
@ConfigMapping(prefix = "kreis.cursor")
public interface CursorConfig {

    /**
     * The installation's cursor key, base64, at least 32 bytes (e.g. {@code openssl rand -base64 32}); the
     * same on every node. When unset, the first node to start generates one and stores it in the database,
     * where every other node finds it. Changing it makes every cursor handed out before answer 400.
     */
    Optional<String> key();
}
