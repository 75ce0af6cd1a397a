package dev.kreis.platform.privacy.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.kreis.platform.privacy.ErasureReceipt;
import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/** Erasure receipts and the customer ids they erased. */
@ApplicationScoped
public class ErasureRepository {
    private static final String COLUMNS = "r.id, r.customer_id, r.erased_at, r.actor, r.reason, r.profiles, r.identifiers, r.touchpoints, r.suppressed";

    private final Jdbc jdbc;

    ErasureRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the receipt; the customer ids point at it from now on (at a repeated erasure, instead of the earlier one). */
    public void insert(ErasureReceipt receipt, Collection<UUID> customerIds) {
        jdbc.update("insert into erasure_receipt (id, customer_id, erased_at, actor, reason, profiles, identifiers, touchpoints, suppressed)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", receipt.receiptId(), receipt.customerId(), receipt.erasedAt(), receipt.actor(),
                receipt.reason(), receipt.profiles(), receipt.identifiers(), receipt.touchpoints(), receipt.suppressedIdentifiers());
        jdbc.batch("delete from erased_customer where customer_id = ?", customerIds.stream().map(id -> new Object[] { id }).toList());
        jdbc.batch("insert into erased_customer (customer_id, receipt_id) values (?, ?)",
                customerIds.stream().map(id -> new Object[] { id, receipt.receiptId() }).toList());
    }

    public Optional<ErasureReceipt> find(UUID receiptId) {
        return jdbc.queryOne("select " + COLUMNS + " from erasure_receipt r where r.id = ?", ErasureRepository::row, receiptId);
    }

    /** The receipt that erased this customer id, if any. */
    public Optional<ErasureReceipt> ofCustomer(UUID customerId) {
        return jdbc.queryOne("select " + COLUMNS + " from erasure_receipt r join erased_customer e on e.receipt_id = r.id"
                + " where e.customer_id = ?", ErasureRepository::row, customerId);
    }

    /** Those of the ids that belong to an erased customer. */
    public Set<UUID> erasedAmong(Collection<UUID> customerIds) {
        Set<UUID> erased = new HashSet<>();
        List<UUID> all = List.copyOf(customerIds);
        for (int from = 0; from < all.size(); from += 500) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + 500));
            jdbc.query("select customer_id from erased_customer where customer_id in (" + Jdbc.markers(chunk.size()) + ")",
                    row -> erased.add(Jdbc.uuid(row, "customer_id")), chunk.toArray());
        }
        return erased;
    }

    /** Whether anything was ever erased here. Receipts are never deleted, so once true this stays true. */
    public boolean any() {
        return jdbc.queryOne("select count(*) as n from (select 1 from erasure_receipt limit 1) r", row -> row.getLong("n")).orElse(0L) > 0;
    }

    private static ErasureReceipt row(ResultSet row) throws SQLException {
        return new ErasureReceipt(Jdbc.uuid(row, "id"), Jdbc.uuid(row, "customer_id"), Jdbc.time(row, "erased_at"), row.getString("actor"),
                row.getString("reason"), row.getInt("profiles"), row.getInt("identifiers"), row.getInt("touchpoints"),
                row.getInt("suppressed"));
    }
}
