package dev.kreis.platform.bulk.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An import as stored: its spec, file, status, progress and the lease of the node working on it. */
public record ImportRow(UUID id, String kind, String source, boolean dryRun, String spec, String fileName, String filePath,
        long fileBytes, String status, Counts counts, long charsRead, String failure, String createdBy, OffsetDateTime createdAt,
        OffsetDateTime startedAt, OffsetDateTime finishedAt, long workedMillis, String leaseHolder, OffsetDateTime leaseExpiresAt) {

    /** How many rows were read and what became of them. */
    public record Counts(long read, long created, long updated, long unchanged, long rejected) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        public Counts plus(Counts other) {
            return new Counts(read + other.read, created + other.created, updated + other.updated, unchanged + other.unchanged,
                    rejected + other.rejected);
        }
    }
}
