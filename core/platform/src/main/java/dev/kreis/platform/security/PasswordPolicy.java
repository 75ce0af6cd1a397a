package dev.kreis.platform.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What a local account's password must be: at least {@code kreis.security.password-min-length}
 * characters, at most {@value PasswordHashes#MAX_BYTES} bytes in UTF-8 (all bcrypt reads), not one
 * character or one short sequence repeated, not containing the user name, and not one of the 10,000
 * most common passwords (ignoring case), shipped as {@value #COMMON_PASSWORDS}.
 */
@ApplicationScoped
public class PasswordPolicy {
    static final String COMMON_PASSWORDS = "/dev/kreis/platform/security/common-passwords.txt";
    /** A password made of a repeated sequence up to this long (e.g. {@code abcabcabcabc}) is refused. */
    private static final int MAX_REPEATED_UNIT = 4;

    private final int minLength;
    private final Set<String> common;

    @Inject
    PasswordPolicy(SecurityConfig config) {
        this(config.passwordMinLength(), load());
    }

    PasswordPolicy(int minLength, Set<String> common) {
        this.minLength = minLength;
        this.common = common;
    }

    /** Why {@code password} is not acceptable for the account {@code username}; empty when it is. */
    public Optional<String> problem(String username, String password) {
        if (password.codePointCount(0, password.length()) < minLength) {
            return Optional.of("must have at least " + minLength + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > PasswordHashes.MAX_BYTES) {
            return Optional.of("must be at most " + PasswordHashes.MAX_BYTES + " bytes in UTF-8");
        }
        if (repeated(password)) {
            return Optional.of("must not be one character or a short sequence repeated");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not contain the username");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("is one of the most common passwords");
        }
        return Optional.empty();
    }

    private static boolean repeated(String password) {
        for (int unit = 1; unit <= MAX_REPEATED_UNIT && unit < password.length(); unit++) {
            if (password.length() % unit == 0 && password.substring(unit).equals(password.substring(0, password.length() - unit))) {
                return true;
            }
        }
        return false;
    }

    static Set<String> load() {
        Set<String> passwords = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("The list of common passwords " + COMMON_PASSWORDS + " is missing");
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            lines.stream().filter(line -> !line.startsWith("#") && !line.isEmpty())
                    .forEach(line -> passwords.add(line.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(passwords);
    }
}
