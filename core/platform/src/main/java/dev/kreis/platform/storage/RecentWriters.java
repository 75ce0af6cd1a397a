package dev.kreis.platform.storage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The callers (principal names) who wrote through the API on this node within {@link ReadReplicaConfig#primaryAfterWrite()}:
 * their reads go to the primary, so they read their own writes whatever the replica's lag. Kept only while a read
 * replica is configured; at most {@link ReadReplicaConfig#maxRecentWriters()} callers, the expired ones dropped first.
 */
@ApplicationScoped
public class RecentWriters {
    private final ReadReplica replica;
    private final Map<String, Long> lastWrite = new ConcurrentHashMap<>();

    RecentWriters(ReadReplica replica) {
        this.replica = replica;
    }

    /** Notes that {@code caller} has just written. */
    public void wrote(String caller) {
        if (replica.state() == ReadReplica.State.OFF) {
            return;
        }
        long now = System.nanoTime();
        lastWrite.put(caller, now);
        if (lastWrite.size() > replica.config().maxRecentWriters()) {
            forgetExpired(now);
            if (lastWrite.size() > replica.config().maxRecentWriters()) {
                // more writers within one window than remembered: drop the oldest, they read from the replica again
                lastWrite.entrySet().stream().min(Map.Entry.comparingByValue()).ifPresent(oldest -> lastWrite.remove(oldest.getKey(), oldest.getValue()));
            }
        }
    }

    /** Whether {@code caller} wrote within the window. */
    public boolean wroteRecently(String caller) {
        Long at = lastWrite.get(caller);
        return at != null && System.nanoTime() - at < replica.config().primaryAfterWrite().toNanos();
    }

    private void forgetExpired(long now) {
        long window = replica.config().primaryAfterWrite().toNanos();
        lastWrite.entrySet().removeIf(entry -> now - entry.getValue() >= window);
    }
}
