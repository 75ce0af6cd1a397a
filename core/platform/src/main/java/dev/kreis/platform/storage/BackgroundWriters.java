package dev.kreis.platform.storage;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Work that writes on a caller's behalf after the caller's request has ended, such as an import: the request that
 * started it marked its caller in {@link RecentWriters} for {@code kreis.db.read.primary-after-write} only, while the
 * work may write for minutes, on any node. Each node asks every bean of this type, once per
 * {@code kreis.db.read.check-interval} and only while a read replica is configured, whose work is under way or ended
 * lately, and reads for those callers go to the primary.
 */
public interface BackgroundWriters {

    /**
     * The callers (principal names, as {@link dev.kreis.platform.audit.Actors#of} gives them) whose work is queued or
     * under way on any node, or ended at or after {@code since}.
     */
    Set<String> writingSince(OffsetDateTime since);
}
