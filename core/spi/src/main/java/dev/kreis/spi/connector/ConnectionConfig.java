package dev.kreis.spi.connector;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a connector needs to open a session for one connection: the API address, the decrypted
 * credentials, the connection's settings, and the platform's clock (use it for token expiry and webhook
 * time windows, so tests can move time).
 *
 * <p>Immutable value; thread-safe. The credentials are secrets: a connector must not log them, put them
 * into exception messages or return them in any value. Stability: stable.
 *
 * @param baseUrl     where the vendor's API is (the connection's {@code baseUrl} or the descriptor's default)
 * @param credentials the connection's credentials, by {@link CredentialField#name()}
 * @param settings    the connection's free settings (connector-specific, documented by the connector)
 * @param clock       the platform's clock
 */
public record ConnectionConfig(URI baseUrl, Map<String, String> credentials, Map<String, String> settings, Clock clock) {

    public ConnectionConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        credentials = Map.copyOf(credentials);
        settings = Map.copyOf(settings);
        Objects.requireNonNull(clock, "clock");
    }

    /** A credential by name, if present and not blank. */
    public Optional<String> credential(String name) {
        return Optional.ofNullable(credentials.get(name)).filter(v -> !v.isBlank());
    }

    /** A setting by name, if present and not blank. */
    public Optional<String> setting(String name) {
        return Optional.ofNullable(settings.get(name)).filter(v -> !v.isBlank());
    }

    /** Never shows the credentials. */
    @Override
    public String toString() {
        return "ConnectionConfig[baseUrl=" + baseUrl + ", credentials=" + credentials.keySet() + ", settings=" + settings + "]";
    }
}
