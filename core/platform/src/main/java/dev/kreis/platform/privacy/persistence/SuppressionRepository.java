package dev.kreis.platform.privacy.persistence;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/** The suppression list (hashes only) and the installation's pepper it is keyed with. */
@ApplicationScoped
public class SuppressionRepository {
    private static final String PEPPER = "suppression-pepper";
    private static final int CHUNK = 500;

    private final Jdbc jdbc;

    SuppressionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The pepper, created on first use: 32 random bytes, hex. Several nodes may race to create it; the
     * first insert wins and all read the stored one. Run outside the caller's transaction, so a rollback
     * cannot leave a pepper in memory that the database does not hold.
     */
    public String pepper(OffsetDateTime now) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        jdbc.update("insert into installation_secret (name, secret, created_at) values (?, ?, ?) on conflict do nothing", PEPPER,
                HexFormat.of().formatHex(bytes), now);
        return jdbc.queryOne("select secret from installation_secret where name = ?", row -> row.getString("secret"), PEPPER)
                .orElseThrow();
    }

    /** Those of the hashes that are on the list, each with the time it was put there. */
    public Map<String, OffsetDateTime> present(Collection<String> hashes) {
        Map<String, OffsetDateTime> found = new HashMap<>();
        List<String> all = List.copyOf(hashes);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            jdbc.query("select hash, suppressed_at from suppressed_identifier where hash in (" + Jdbc.markers(chunk.size()) + ")",
                    row -> found.put(row.getString("hash"), Jdbc.time(row, "suppressed_at")), chunk.toArray());
        }
        return found;
    }

    /** Adds the hashes not on the list yet; answers how many were added. */
    public int add(Collection<String> hashes, UUID receiptId, OffsetDateTime at) {
        Set<String> fresh = new HashSet<>(hashes);
        fresh.removeAll(present(hashes).keySet());
        jdbc.batch("insert into suppressed_identifier (hash, receipt_id, suppressed_at) values (?, ?, ?) on conflict do nothing",
                fresh.stream().map(h -> new Object[] { h, receiptId, at }).toList());
        return fresh.size();
    }

    /** Removes the hashes from the list; answers how many were on it. */
    public int remove(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return 0;
        }
        return jdbc.update("delete from suppressed_identifier where hash in (" + Jdbc.markers(hashes.size()) + ")", hashes.toArray());
    }

    /** One erasure's entries on the list: how many hashes, since when. */
    public record ReceiptEntries(
            @Schema(required = true, description = "The erasure (its receipt) that put the entries on the list") UUID receiptId,
            @Schema(required = true, description = "How many identifier hashes of that erasure are on the list") int identifiers,
            @Schema(required = true, format = "date-time", description = "When the first of them was put there") OffsetDateTime since) {
    }

    /** The list grouped by the erasure that put the entries there, newest first. */
    public List<ReceiptEntries> byReceipt(int limit) {
        return jdbc.query("select receipt_id, count(*) as n, min(suppressed_at) as since from suppressed_identifier group by receipt_id"
                + " order by min(suppressed_at) desc, receipt_id limit ?",
                row -> new ReceiptEntries(Jdbc.uuid(row, "receipt_id"), row.getInt("n"), Jdbc.time(row, "since")), limit);
    }

    /** Removes every entry an erasure put on the list; answers how many there were. */
    public int removeOfReceipt(UUID receiptId) {
        return jdbc.update("delete from suppressed_identifier where receipt_id = ?", receiptId);
    }
}
