package dev.kreis.platform.security;

import java.nio.charset.StandardCharsets;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * bcrypt for account passwords. bcrypt reads at most {@value #MAX_BYTES} bytes; a longer password never
 * matches, so extra bytes cannot be ignored silently (the {@link PasswordPolicy} refuses such passwords).
 */
public final class PasswordHashes {
    /** The most bytes of a password bcrypt reads. */
    public static final int MAX_BYTES = 72;
    /** The lowest bcrypt cost Kreis accepts, whatever is configured. */
    static final int MIN_COST = 10;

    private PasswordHashes() {
    }

    /** A bcrypt hash of {@code password} at the configured cost (at least {@value #MIN_COST}). */
    public static String hash(String password, SecurityConfig config) {
        return BcryptUtil.bcryptHash(password, Math.max(MIN_COST, config.bcryptCost()));
    }

    /** Whether {@code password} matches {@code hash}; always false (after the same work) for passwords bcrypt would cut. */
    public static boolean matches(String password, String hash) {
        boolean matches = BcryptUtil.matches(password, hash);
        return matches && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
