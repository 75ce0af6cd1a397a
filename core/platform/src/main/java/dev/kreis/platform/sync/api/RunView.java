package dev.kreis.platform.sync.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kreis.platform.sync.SyncRun;

/** A sync run on the wire. */
@Schema(name = "SyncRun", example = RunView.EXAMPLE)
public record RunView(
        @Schema(required = true, format = "uuid") UUID id,
        @Schema(required = true, enumeration = { "manual", "schedule" }) String trigger,
        @Schema(required = true, description = "A full resync (watermarks forgotten)") boolean full,
        @Schema(required = true, enumeration = { "running", "succeeded", "partial", "failed" }) String status,
        @Schema(required = true) OffsetDateTime startedAt,
        @Schema(required = true, nullable = true, description = "null while it runs") OffsetDateTime endedAt,
        @Schema(required = true) Counts counts,
        @Schema(required = true, nullable = true, description = "The last error met; null when none") String lastError) {

    /** An example, for the API document. */
    public static final String EXAMPLE = "{\"id\":\"0b5e7a9c-1d3f-4b5e-8a9c-1d3f5b7e9a1c\",\"trigger\":\"manual\",\"full\":false,\"status\":\"succeeded\",\"startedAt\":\"2026-01-31T10:15:00Z\","
        + "\"endedAt\":\"2026-01-31T10:15:04Z\",\"counts\":{\"read\":1000,\"created\":980,\"updated\":20,\"unchanged\":0,\"pushed\":3,\"failed\":0,"
        + "\"deadLettered\":0,\"deadLettersResolved\":0},\"lastError\":null}";

    /**
     * What the run counted; {@code failed} counts failed attempts, {@code deadLettered} records given up on, {@code deadLettersResolved}
     * dead letters closed because the run applied (or wrote) their record successfully.
     */
    @Schema(name = "SyncRunCounts")
    public record Counts(@Schema(required = true, description = "Records read from the CRM") int read,
            @Schema(required = true, description = "Profiles created") int created, @Schema(required = true, description = "Profiles updated") int updated,
            @Schema(required = true, description = "Records read without a change") int unchanged,
            @Schema(required = true, description = "Changes written to the CRM") int pushed,
            @Schema(required = true, description = "Failed attempts") int failed,
            @Schema(required = true, description = "Records given up on") int deadLettered,
            @Schema(required = true, description = "Dead letters closed because this run applied (pull) or wrote (push) their record "
                    + "successfully; such a letter is no longer listed") int deadLettersResolved) {
    }

    static RunView of(SyncRun r) {
        return new RunView(r.id(), r.trigger(), r.fullResync(), r.status().wire(), r.startedAt(), r.endedAt(),
                new Counts(r.read(), r.created(), r.updated(), r.unchanged(), r.pushed(), r.failed(), r.deadLettered(),
                        r.deadLettersResolved()), r.lastError());
    }
}
