package dev.kreis.platform.privacy;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an erasure did in a system outside Kreis that held the person's data (a CRM connection), as shown
 * on the receipt: how many of its records, and whether they were erased ({@code erased}), left by
 * configuration ({@code skipped}) or could not be erased ({@code failed}, with the reason).
 */
public record ErasedElsewhere(@Schema(required = true) UUID connectionId,
        @Schema(required = true, description = "Its name; (deleted connection) when it was deleted since") String connectionName,
        @Schema(required = true, description = "How many of its records held the person's data") int records,
        @Schema(required = true, enumeration = { "pending", "erased", "skipped", "failed" },
                description = "pending until the erasure has committed and the CRM was asked") String outcome,
        @Schema(required = true, nullable = true, description = "What was done, or why not") String detail) {
}
