package dev.kreis.platform.privacy;

import java.util.List;
import java.util.UUID;

import dev.kreis.platform.identity.persistence.ProfileRow;

/**
 * A holder of copies of customer data outside Kreis's tables that an erasure must reach (the sync engine's
 * CRM connections). Called inside the erasure's transaction, before personal values are removed.
 */
public interface ErasurePropagation {

    /** Erases the profiles' records elsewhere; answers one outcome per system that held any of them. */
    List<ErasedElsewhere> erase(List<ProfileRow> profiles);

    /** Keeps the outcomes with the receipt. */
    void record(UUID receiptId, List<ErasedElsewhere> outcomes);

    /** The outcomes kept with a receipt. */
    List<ErasedElsewhere> outcomes(UUID receiptId);
}
