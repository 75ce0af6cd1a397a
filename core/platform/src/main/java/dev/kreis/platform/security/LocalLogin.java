package dev.kreis.platform.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.jboss.logging.Logger;

import dev.kreis.platform.security.persistence.UserAccountRepository;
import dev.kreis.platform.security.persistence.UserAccountRow;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks a local account's password with brute-force protection: a locked or disabled account is
 * refused without looking at the password, failures count towards the {@link LockoutPolicy}, and
 * password checks are rate limited per user name and client address.
 */
@ApplicationScoped
public class LocalLogin {
    private static final Logger LOG = Logger.getLogger(LocalLogin.class);
    /** A bcrypt hash of a random string, checked for unknown users so they take as long as known ones. */
    private static final String DECOY = BcryptUtil.bcryptHash(java.util.UUID.randomUUID().toString(), 10);

    private final UserAccountRepository accounts;
    private final VerifiedCredentials verified;
    private final RateLimits limits;
    private final LockoutPolicy lockout;
    private final Clock clock;

    LocalLogin(UserAccountRepository accounts, VerifiedCredentials verified, RateLimits limits, SecurityConfig config, Clock clock) {
        this.accounts = accounts;
        this.verified = verified;
        this.limits = limits;
        this.lockout = LockoutPolicy.of(config.lockout());
        this.clock = clock;
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
        if (found.isEmpty()) {
            BcryptUtil.matches(password, DECOY);
            return Optional.empty();
        }
        UserAccountRow account = found.get();
        if (!account.enabled() || account.lockedAt(now)) {
            return Optional.empty();
        }
        if (!BcryptUtil.matches(password, account.passwordHash())) {
            int failures = accounts.countFailure(account.id());
            OffsetDateTime lockedUntil = lockout.lockedUntil(failures, now);
            if (lockedUntil != null) {
                accounts.lockUntil(account.id(), lockedUntil);
                LOG.warnf("Account %s locked until %s after %d failed logins", username, lockedUntil, failures);
            }
            return Optional.empty();
        }
        accounts.recordSuccess(account.id(), now);
        verified.remember(username, password, account.passwordHash());
        return found;
    }
}
