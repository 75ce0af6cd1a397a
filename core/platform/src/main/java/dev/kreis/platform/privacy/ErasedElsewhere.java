package dev.kreis.platform.privacy;

import java.util.UUID;

/**
 * What an erasure did in a system outside Kreis that held the person's data (a CRM connection), as shown
 * on the receipt: how many of its records, and whether they were erased ({@code erased}), left by
 * configuration ({@code skipped}) or could not be erased ({@code failed}, with the reason).
 */
public record ErasedElsewhere(UUID connectionId, String connectionName, int records, String outcome, String detail) {
}
