package dev.kreis.platform.bulk.api;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kreis.platform.bulk.persistence.ImportRow;

/** An import as the API shows it. */
@Schema(description = "An import: what it reads, where it stands and what became of its rows.")
public record ImportView(
        @Schema(required = true, format = "uuid", example = "0b6f3c1e-8d1f-4c59-9f9e-2a1f0c4d5e6f") UUID id,
        @Schema(required = true, enumeration = { "profiles", "touchpoints" }, example = "profiles") String kind,
        @Schema(required = true, example = "legacy-crm") String source,
        @Schema(required = true, description = "Whether this is a dry run, which writes nothing.") boolean dryRun,
        @Schema(required = true, enumeration = { "queued", "running", "succeeded", "failed", "cancelled" }, example = "running") String status,
        @Schema(required = true) CountsView counts,
        @Schema(nullable = true, description = "Rows read per second of work so far; null before the first chunk.", example = "2450.5")
        Double rowsPerSecond,
        @Schema(nullable = true, description = "Estimated seconds until the whole file is read, while running.", example = "42")
        Long secondsLeft,
        @Schema(nullable = true, description = "Why the import failed, when it did.",
                example = "row 17: a quoted field starting in this row (line 18) is never closed, so no row from here on could be read")
        String failure,
        @Schema(nullable = true, description = "The file name the client gave.", example = "kunden.csv") String fileName,
        @Schema(required = true, description = "The file's size in bytes.", example = "1048576") long fileBytes,
        @Schema(required = true, description = "Who started the import.", example = "admin") String createdBy,
        @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
        @Schema(nullable = true, format = "date-time") OffsetDateTime startedAt,
        @Schema(nullable = true, format = "date-time") OffsetDateTime finishedAt) {

    /** How many rows were read and what became of them (a dry run: what would become of them). */
    @Schema(description = "Rows read, and what became of them.")
    public record CountsView(
            @Schema(required = true, example = "1000") long read,
            @Schema(required = true, example = "900") long created,
            @Schema(required = true, example = "60") long updated,
            @Schema(required = true, description = "Rows whose profile or touchpoint was stored already as it is.", example = "30")
            long unchanged,
            @Schema(required = true, description = "Rows refused; errors.csv says why.", example = "10") long rejected) {
    }

    public static ImportView of(ImportRow row) {
        ImportRow.Counts c = row.counts();
        Double rate = row.workedMillis() <= 0 ? null : Math.round(c.read() * 10_000.0 / row.workedMillis()) / 10.0;
        Long left = null;
        if ("running".equals(row.status()) && row.workedMillis() > 0 && row.charsRead() > 0) {
            double bytesPerMilli = (double) row.charsRead() / row.workedMillis();
            left = Duration.ofMillis((long) (Math.max(0, row.fileBytes() - row.charsRead()) / bytesPerMilli)).toSeconds();
        }
        return new ImportView(row.id(), row.kind(), row.source(), row.dryRun(), row.status(),
                new CountsView(c.read(), c.created(), c.updated(), c.unchanged(), c.rejected()), rate, left, row.failure(), row.fileName(),
                row.fileBytes(), row.createdBy(), row.createdAt(), row.startedAt(), row.finishedAt());
    }
}
