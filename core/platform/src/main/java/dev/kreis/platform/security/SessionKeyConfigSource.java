package dev.kreis.platform.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The key of the browser session cookies ({@code quarkus.http.auth.session.encryption-key}):
 * {@code KREIS_SESSION_ENCRYPTION_KEY} when set, else a random key for this run. Quarkus would make up
 * its own random key too, but writes it to the log; this one is never logged. A key set in
 * application.properties or as {@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY} wins (higher ordinal).
 */
public class SessionKeyConfigSource implements ConfigSource {
    static final String KEY = "quarkus.http.auth.session.encryption-key";
    private static final String RUN_KEY = random();

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public String getValue(String propertyName) {
        if (!KEY.equals(propertyName)) {
            return null;
        }
        String configured = System.getenv("KREIS_SESSION_ENCRYPTION_KEY");
        return configured == null || configured.isBlank() ? RUN_KEY : configured;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, getValue(KEY));
    }

    @Override
    public String getName() {
        return "kreis-session-key";
    }

    @Override
    public int getOrdinal() {
        return 200;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
