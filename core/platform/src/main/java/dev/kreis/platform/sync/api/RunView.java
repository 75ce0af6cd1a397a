package dev.kreis.platform.sync.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kreis.platform.sync.SyncRun;

/** A sync run on the wire. */
@Schema(name = "SyncRun", example = "{\"id\":\"0b5e…\",\"trigger\":\"manual\",\"full\":false,\"status\":\"succeeded\",\"startedAt\":\"2026-01-31T10:15:00Z\","
        + "\"endedAt\":\"2026-01-31T10:15:04Z\",\"counts\":{\"read\":1000,\"created\":980,\"updated\":20,\"unchanged\":0,\"pushed\":3,\"failed\":0,"
        + "\"deadLettered\":0},\"lastError\":null}")
public record RunView(
        @Schema(required = true, format = "uuid") UUID id,
        @Schema(required = true, enumeration = { "manual", "schedule" }) String trigger,
        @Schema(required = true, description = "A full resync (watermarks forgotten)") boolean full,
        @Schema(required = true, enumeration = { "running", "succeeded", "partial", "failed" }) String status,
        @Schema(required = true) OffsetDateTime startedAt,
        @Schema(nullable = true) OffsetDateTime endedAt,
        @Schema(required = true) Counts counts,
        @Schema(nullable = true, description = "The last error met") String lastError) {

    /** What the run counted; {@code failed} counts failed attempts, {@code deadLettered} records given up on. */
    @Schema(name = "SyncRunCounts")
    public record Counts(int read, int created, int updated, int unchanged, int pushed, int failed, int deadLettered) {
    }

    static RunView of(SyncRun r) {
        return new RunView(r.id(), r.trigger(), r.fullResync(), r.status().wire(), r.startedAt(), r.endedAt(),
                new Counts(r.read(), r.created(), r.updated(), r.unchanged(), r.pushed(), r.failed(), r.deadLettered()), r.lastError());
    }
}
