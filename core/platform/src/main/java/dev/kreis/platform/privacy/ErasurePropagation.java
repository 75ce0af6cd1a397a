package dev.kreis.platform.privacy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.kreis.platform.identity.persistence.ProfileRow;

/**
 * A holder of copies of customer data outside Kreis's tables that an erasure must reach (the sync engine's
 * CRM connections). The erasure queues in its transaction and delivers after it committed, so no database
 * transaction stays open while another system is called.
 */
public interface ErasurePropagation {

    /**
     * Inside the erasure's transaction, before personal values are removed: queues the profiles' records for
     * erasure elsewhere (no call to another system here) and keeps one outcome per system that held any of
     * them with the receipt: {@code pending} where a call will follow, or final ({@code skipped}).
     */
    List<ErasedElsewhere> queue(UUID receiptId, List<ProfileRow> profiles, OffsetDateTime at);

    /**
     * After the erasure's transaction committed, outside any transaction: makes the queued calls and replaces
     * each {@code pending} outcome with the final one ({@code erased} or {@code failed}).
     */
    void deliver(UUID receiptId);

    /** The outcomes kept with a receipt. */
    List<ErasedElsewhere> outcomes(UUID receiptId);
}
