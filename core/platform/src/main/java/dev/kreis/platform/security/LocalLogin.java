package dev.kreis.platform.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import dev.kreis.platform.security.persistence.UserAccountRepository;
import dev.kreis.platform.security.persistence.UserAccountRow;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks a local account's password with brute-force protection: failures count towards the
 * {@link LockoutPolicy} atomically (an attempt is counted before its password is checked), and password
 * checks are rate limited per user name and client address. Every refused attempt — unknown user name,
 * disabled or locked account, wrong password — costs one bcrypt check at the configured cost, so the
 * time of the answer does not tell them apart.
 */
@ApplicationScoped
public class LocalLogin {
    private static final Logger LOG = Logger.getLogger(LocalLogin.class);

    private final UserAccountRepository accounts;
    private final VerifiedCredentials verified;
    private final RateLimits limits;
    private final LockoutPolicy lockout;
    private final Clock clock;
    /** A hash of a random string at the configured cost, checked when there is no real hash to check. */
    private final String decoy;

    LocalLogin(UserAccountRepository accounts, VerifiedCredentials verified, RateLimits limits, SecurityConfig config, Clock clock) {
        this.accounts = accounts;
        this.verified = verified;
        this.limits = limits;
        this.lockout = LockoutPolicy.of(config.lockout());
        this.clock = clock;
        this.decoy = PasswordHashes.hash(UUID.randomUUID().toString(), config);
    }

    /** The account if the password is right and the account may log in now. */
    public Optional<UserAccountRow> authenticate(String username, String password, String clientAddress) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<UserAccountRow> found = accounts.findByUsername(username);
        if (found.isPresent() && verified.confirmed(username, password, found.get().passwordHash())) {
            UserAccountRow account = found.get();
            return account.enabled() && !account.lockedAt(now) ? found : Optional.empty();
        }
        limits.passwordCheck(username, clientAddress);
        if (found.isEmpty() || !found.get().enabled()) {
            PasswordHashes.matches(password, decoy);
            return Optional.empty();
        }
        UserAccountRow account = found.get();
        Optional<Integer> attempt = accounts.beginAttempt(account.id(), now, lockout::lockedUntil);
        if (attempt.isEmpty()) {
            PasswordHashes.matches(password, decoy);
            return Optional.empty();
        }
        if (!PasswordHashes.matches(password, account.passwordHash())) {
            if (lockout.lockedUntil(attempt.get(), now) != null) {
                LOG.warnf("Account %s locked after %d failed logins", username, attempt.get());
            }
            return Optional.empty();
        }
        accounts.recordSuccess(account.id(), now);
        verified.remember(username, password, account.passwordHash());
        return found;
    }
}
