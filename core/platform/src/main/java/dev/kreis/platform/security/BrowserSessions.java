package dev.kreis.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.kreis.platform.audit.AuditLog;
import dev.kreis.platform.security.persistence.UserAccountRow;

import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The absolute limit of browser sessions. Quarkus' form sign-in keeps the user name and an idle expiry in
 * its encrypted cookie; this adds a signed start-time cookie, set at sign-in and checked on every
 * request, so a session ends {@code kreis.security.session.absolute-timeout} after sign-in however busy.
 */
@ApplicationScoped
public class BrowserSessions {
    /** The cookie holding the signed sign-in time. */
    public static final String START_COOKIE = "kreis-session-start";

    private final SecretKeySpec key;
    private final SecurityConfig config;
    private final Clock clock;
    private final AuditLog audit;
    private final String sessionCookie;

    BrowserSessions(SecurityConfig config, Clock clock, AuditLog audit,
            @ConfigProperty(name = "quarkus.http.auth.session.encryption-key") String sessionKey,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this.sessionCookie = sessionCookie;
        this.config = config;
        this.clock = clock;
        this.audit = audit;
        this.key = new SecretKeySpec(derived(sessionKey), "HmacSHA256");
    }

    /** Whether this request is a form sign-in (as opposed to HTTP Basic). */
    static boolean isFormSignIn(RoutingContext http) {
        return http != null && http.get(HttpAuthenticationMechanism.class.getName()) instanceof FormAuthenticationMechanism;
    }

    /** Marks the start of the session this sign-in opens, and audits it. */
    @Transactional
    void started(RoutingContext http, UserAccountRow account) {
        long start = Instant.now(clock).getEpochSecond();
        http.response().addCookie(Cookie.cookie(START_COOKIE, start + "." + signature(account.username(), start))
                .setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(http.request().isSSL()));
        audit.record(account.username(), "session.started", "user", account.id().toString(), null, null);
    }

    /** Ends the browser session of this request (both cookies are removed), and audits it. */
    @Transactional
    public void signOut(RoutingContext http, String username, String accountId) {
        end(http);
        audit.record(username, "session.ended", "user", accountId, null, null);
    }

    /** Whether the session of this request began within the absolute limit, by a valid start cookie. */
    boolean withinLimit(RoutingContext http, String username) {
        Cookie cookie = http == null ? null : http.request().getCookie(START_COOKIE);
        if (cookie == null) {
            return false;
        }
        String[] parts = cookie.getValue().split("\\.", 2);
        try {
            long start = Long.parseLong(parts[0]);
            boolean signed = parts.length == 2 && MessageDigest.isEqual(
                    signature(username, start).getBytes(StandardCharsets.US_ASCII), parts[1].getBytes(StandardCharsets.US_ASCII));
            return signed && Instant.now(clock).isBefore(Instant.ofEpochSecond(start).plus(config.session().absoluteTimeout()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Removes both session cookies. */
    void end(RoutingContext http) {
        for (String name : List.of(sessionCookie, START_COOKIE)) {
            http.response().addCookie(Cookie.cookie(name, "").setPath("/").setMaxAge(0).setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT).setSecure(http.request().isSSL()));
        }
    }

    private String signature(String username, long start) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] signed = mac.doFinal((username + "|" + start).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static byte[] derived(String sessionKey) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(("kreis-session-start|" + sessionKey).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
