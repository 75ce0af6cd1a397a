package dev.kreis.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.kreis.platform.identity.Identifier;
import dev.kreis.platform.privacy.persistence.ErasureRepository;
import dev.kreis.platform.privacy.persistence.SuppressionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What erasure leaves behind to keep an erased person out: the suppression list of their identifiers and
 * profile keys, and the ids of erased customers. Keys are labels such as {@code email:anna@example.com}
 * or {@code profile:crm:C-1001}; only their HMAC-SHA-256 under the installation's pepper is stored.
 *
 * <p>Ingestion asks this for every batch, so the common case costs nothing: until anything was erased on
 * this installation (checked in the database at most once a second, then remembered for good, because
 * receipts are never deleted), no hash is computed and no query is made.
 */
@ApplicationScoped
public class Suppressions {
    /** Why ingestion rejects a touchpoint naming a suppressed identifier. */
    public static final String TOUCHPOINT_MESSAGE = "belongs to an erased person; it comes back only through a profile with an explicit consent";
    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final SuppressionRepository repository;
    private final ErasureRepository erasures;
    private final Clock clock;
    private volatile boolean erasedAny;
    private volatile long checkedAt = System.nanoTime() - RECHECK_NANOS;
    private volatile byte[] pepper;
    /** A keyed MAC per thread: a batch hashes thousands of identifiers, and initialising one costs more than using it. */
    private final ThreadLocal<Mac> macs = new ThreadLocal<>();

    Suppressions(SuppressionRepository repository, ErasureRepository erasures, Clock clock) {
        this.repository = repository;
        this.erasures = erasures;
        this.clock = clock;
    }

    /** The key of a profile on the suppression list. */
    public static String profileKey(String source, String externalId) {
        return "profile:" + source + ":" + externalId;
    }

    /** Those of the identifiers that are suppressed. */
    public Set<Identifier> suppressed(Collection<Identifier> identifiers) {
        Map<String, Identifier> byLabel = new HashMap<>();
        identifiers.forEach(i -> byLabel.put(i.label(), i));
        Set<Identifier> result = new HashSet<>();
        suppressedKeys(byLabel.keySet()).forEach(label -> result.add(byLabel.get(label)));
        return result;
    }

    /** Those of the keys (identifier labels, profile keys) that are suppressed. */
    public Set<String> suppressedKeys(Collection<String> keys) {
        if (keys.isEmpty() || !erasedAny()) {
            return Set.of();
        }
        Map<String, String> byHash = new HashMap<>();
        keys.forEach(k -> byHash.put(hash(k), k));
        Set<String> result = new HashSet<>();
        repository.present(byHash.keySet()).forEach(h -> result.add(byHash.get(h)));
        return result;
    }

    /** Those of the customer ids (as resolved, following merges) that were erased. */
    public Set<UUID> erased(Collection<UUID> customerIds) {
        if (customerIds.isEmpty() || !erasedAny()) {
            return Set.of();
        }
        return erasures.erasedAmong(customerIds);
    }

    /** Puts the keys on the list; joins the caller's transaction. Answers how many were new. */
    int suppress(Collection<String> keys, UUID receiptId) {
        erasedAny = true;
        return repository.add(keys.stream().map(this::hash).toList(), receiptId, OffsetDateTime.now(clock));
    }

    /** Takes the keys off the list (a new explicit consent); answers how many were on it. */
    int lift(Collection<String> keys) {
        if (keys.isEmpty() || !erasedAny()) {
            return 0;
        }
        return repository.remove(keys.stream().map(this::hash).distinct().toList());
    }

    private boolean erasedAny() {
        if (erasedAny) {
            return true;
        }
        long now = System.nanoTime();
        if (now - checkedAt >= RECHECK_NANOS) {
            erasedAny = erasures.any();
            checkedAt = now;
        }
        return erasedAny;
    }

    private String hash(String key) {
        Mac mac = macs.get();
        if (mac == null) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(pepper(), "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA-256 is not available", e);
            }
            macs.set(mac);
        }
        return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] pepper() {
        byte[] current = pepper;
        if (current == null) {
            String hex = QuarkusTransaction.requiringNew().call(() -> repository.pepper(OffsetDateTime.now(clock)));
            current = HexFormat.of().parseHex(hex);
            pepper = current;
        }
        return current;
    }
}
