package dev.kreis.platform.touchpoint;

import java.util.List;

import dev.kreis.platform.touchpoint.persistence.StoredTouchpoint;

/**
 * Work that must commit or roll back together with accepted touchpoints, such as the signal outbox.
 * {@link TouchpointIngestion} asks {@link #follows} for every accepted touchpoint and calls
 * {@link #accepted} inside the transaction that stores them, so a rolled-back ingest leaves no trace
 * here either. Implementations are application-scoped beans; both methods are called concurrently.
 */
public interface IngestListener {

    /** Whether touchpoints of this type need {@link #accepted}; called once per accepted touchpoint, so keep it cheap. */
    boolean follows(String type, String module);

    /** The touchpoints just stored that {@link #follows} selected; runs in the ingest's transaction. */
    void accepted(List<StoredTouchpoint> touchpoints);

    /** Whether this listener raises signals (tasks, tags, events), which a historical bulk import may mute. */
    default boolean raisesSignals() {
        return false;
    }
}
