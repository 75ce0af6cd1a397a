package dev.kreis.platform.storage;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Until when each caller's reads go to the primary, kept where every node sees it, so a caller who wrote through one
 * node reads that write through any other ({@link RecentWriters}).
 */
public interface WriteMarks {

    /** Notes that {@code caller}'s reads go to the primary until {@code until} (a later mark replaces an earlier one). */
    void mark(String caller, OffsetDateTime until);

    /** Until when {@code caller}'s reads go to the primary, if it was ever marked. */
    Optional<OffsetDateTime> until(String caller);

    /** Forgets the marks that ended before {@code before}. */
    void forgetBefore(OffsetDateTime before);
}
