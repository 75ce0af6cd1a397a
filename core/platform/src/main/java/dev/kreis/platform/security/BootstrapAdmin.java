package dev.kreis.platform.security;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * On the first start with no local accounts, creates {@code admin} with the configured bootstrap
 * password, or with a random one that is written to the log exactly once.
 */
@ApplicationScoped
public class BootstrapAdmin {
    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);
    private static final String USERNAME = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    void onStart(@Observes StartupEvent event, UserAccounts accounts, SecurityConfig config, PasswordPolicy policy) {
        if (!config.localAccounts() || !accounts.empty()) {
            return;
        }
        Optional<String> configured = configuredPassword(config.bootstrapAdminPassword(), policy);
        String password = configured.orElseGet(BootstrapAdmin::randomPassword);
        accounts.create(new AccountDraft(USERNAME, Optional.of(password), Optional.of(EnumSet.of(Role.ADMIN)),
                Optional.of("Administrator"), Optional.empty(), Optional.of(true), false), "system");
        if (configured.isPresent()) {
            LOG.info("Created the first account 'admin' with the password from KREIS_BOOTSTRAP_ADMIN_PASSWORD");
        } else {
            LOG.warnf("Created the first account 'admin' with the generated password %s — it is shown only this once; "
                    + "change it with PATCH /api/v1/users/{id}", password);
        }
    }

    /**
     * The configured bootstrap password, if one is set; it must meet the {@link PasswordPolicy} like any
     * other, or Kreis does not start.
     */
    static Optional<String> configuredPassword(Optional<String> configured, PasswordPolicy policy) {
        Optional<String> password = configured.filter(p -> !p.isEmpty());
        password.flatMap(p -> policy.problem(USERNAME, p)).ifPresent(problem -> {
            throw new IllegalStateException("KREIS_BOOTSTRAP_ADMIN_PASSWORD (kreis.security.bootstrap-admin-password) " + problem
                    + "; choose another one, or leave it unset to have a random one generated");
        });
        return password;
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
