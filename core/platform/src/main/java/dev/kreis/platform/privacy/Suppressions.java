package dev.kreis.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.kreis.platform.identity.Identifier;
import dev.kreis.platform.identity.IdentifierNormaliser;
import dev.kreis.platform.identity.IdentifierType;
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

    private static final int MIN_PHONE_DIGITS = 7;

    private final SuppressionRepository repository;
    private final ErasureRepository erasures;
    private final IdentifierNormaliser normaliser;
    private final Clock clock;
    private volatile boolean erasedAny;
    private volatile long checkedAt = System.nanoTime() - RECHECK_NANOS;
    private volatile byte[] pepper;
    /** A keyed MAC per thread: a batch hashes thousands of identifiers, and initialising one costs more than using it. */
    private final ThreadLocal<Mac> macs = new ThreadLocal<>();

    Suppressions(SuppressionRepository repository, ErasureRepository erasures, IdentifierNormaliser normaliser, Clock clock) {
        this.repository = repository;
        this.erasures = erasures;
        this.normaliser = normaliser;
        this.clock = clock;
    }

    /** The key of a profile on the suppression list. */
    public static String profileKey(String source, String externalId) {
        return "profile:" + source + ":" + externalId;
    }

    /**
     * Those of the identifiers that are suppressed: by their own label, or, for an external id or custom key whose
     * value is an e-mail address or phone number, by that address or number.
     */
    public Set<Identifier> suppressed(Collection<Identifier> identifiers) {
        if (identifiers.isEmpty() || !erasedAny()) {
            return Set.of();
        }
        Map<String, Set<Identifier>> byKey = new HashMap<>();
        identifiers.forEach(i -> keysOf(i).forEach(key -> byKey.computeIfAbsent(key, k -> new HashSet<>()).add(i)));
        Set<Identifier> result = new HashSet<>();
        suppressedKeys(byKey.keySet()).forEach(key -> result.addAll(byKey.get(key)));
        return result;
    }

    /** Those of the keys (identifier labels, profile keys) that are suppressed. */
    public Set<String> suppressedKeys(Collection<String> keys) {
        return suppressedSince(keys).keySet();
    }

    /** Those of the keys that are suppressed, each with the time it was put on the list (the erasure). */
    public Map<String, OffsetDateTime> suppressedSince(Collection<String> keys) {
        if (keys.isEmpty() || !erasedAny()) {
            return Map.of();
        }
        Map<String, String> byHash = new HashMap<>();
        keys.forEach(k -> byHash.put(hash(k), k));
        Map<String, OffsetDateTime> result = new HashMap<>();
        repository.present(byHash.keySet()).forEach((h, at) -> result.put(byHash.get(h), at));
        return result;
    }

    /**
     * The keys an identifier is known by on the list: its label and, for an external id or custom key, the e-mail
     * address or phone number its value is (an erased address must not come back as someone's custom key).
     */
    public Set<String> keysOf(Identifier identifier) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(identifier.label());
        if (identifier.type().hasSystem()) {
            shapedKey(identifier.value()).ifPresent(keys::add);
        }
        return keys;
    }

    /**
     * The key of a free-form value (a profile attribute, a custom key) that is an e-mail address or a phone number:
     * {@code email:<normal form>} or {@code phone:<E.164>}. Only full numbers count as phone numbers (at least seven
     * digits and valid for their region), so a postcode or a quantity is not taken for one.
     */
    public Optional<String> shapedKey(String value) {
        if (value == null || value.isBlank() || value.length() > 254) {
            return Optional.empty();
        }
        if (value.indexOf('@') > 0) {
            return normaliser.emailOf(value).map(e -> new Identifier(IdentifierType.EMAIL, "", e).label());
        }
        long digits = value.chars().filter(Character::isDigit).count();
        if (digits < MIN_PHONE_DIGITS) {
            return Optional.empty();
        }
        return normaliser.validPhoneOf(value).map(p -> new Identifier(IdentifierType.PHONE, "", p).label());
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

    /** Whether anything was ever erased on this installation, so that suppression can apply at all. */
    public boolean active() {
        return erasedAny();
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
