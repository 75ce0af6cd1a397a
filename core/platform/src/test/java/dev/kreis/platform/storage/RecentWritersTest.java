package dev.kreis.platform.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * Read-your-writes: which callers' reads go to the primary. The time is a counter the test moves, so nothing here
 * depends on how fast the machine is.
 */
class RecentWritersTest {
    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<OffsetDateTime> askedSince = new ArrayList<>();

    private record Settings(int maxRecentWriters) implements ReadReplicaConfig {
        @Override
        public Optional<String> url() {
            return Optional.of("jdbc:postgresql://replica.invalid/kreis");
        }

        @Override
        public Duration primaryAfterWrite() {
            return WINDOW;
        }

        @Override
        public Duration maxLag() {
            return Duration.ofSeconds(30);
        }

        @Override
        public Duration checkInterval() {
            return Duration.ofSeconds(1);
        }
    }

    private RecentWriters writers(boolean replica, int max, BackgroundWriters... background) {
        return new RecentWriters(() -> replica, new Settings(max), List.of(background), nanos::get, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aCallerWhoWroteReadsFromThePrimaryForTheWindowAndFromTheReplicaAfter() {
        RecentWriters writers = writers(true, 100);
        writers.wrote("anna");
        assertTrue(writers.wroteRecently("anna"));
        assertFalse(writers.wroteRecently("ben"), "another caller is not affected");
        nanos.addAndGet(WINDOW.toNanos() - 1);
        assertTrue(writers.wroteRecently("anna"));
        nanos.addAndGet(1);
        assertFalse(writers.wroteRecently("anna"));
    }

    @Test
    void aCallerWhoseBackgroundWorkIsUnderWayOrEndedWithinTheWindowReadsFromThePrimary() {
        AtomicReference<Set<String>> writing = new AtomicReference<>(Set.of("importer"));
        RecentWriters writers = writers(true, 100, since -> {
            askedSince.add(since);
            return writing.get();
        });
        assertFalse(writers.wroteRecently("importer"), "not known before the database was read");
        writers.refreshBackground();
        assertTrue(writers.wroteRecently("importer"));
        assertFalse(writers.wroteRecently("anna"));
        assertTrue(askedSince.contains(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).minus(WINDOW)),
                "asks for the work ended within kreis.db.read.primary-after-write: " + askedSince);

        writing.set(Set.of());
        writers.refreshBackground();
        assertFalse(writers.wroteRecently("importer"), "once its work ended longer ago than the window");
    }

    @Test
    void withoutAReplicaNothingIsKept() {
        RecentWriters writers = writers(false, 100, since -> Set.of("importer"));
        writers.wrote("anna");
        writers.refreshBackground();
        assertFalse(writers.wroteRecently("anna"));
        assertFalse(writers.wroteRecently("importer"));
    }

    @Test
    void beyondTheMostRememberedTheOldestWriterIsForgottenFirst() {
        RecentWriters writers = writers(true, 2);
        writers.wrote("first");
        nanos.incrementAndGet();
        writers.wrote("second");
        nanos.incrementAndGet();
        writers.wrote("third");
        assertFalse(writers.wroteRecently("first"));
        assertTrue(writers.wroteRecently("second"));
        assertTrue(writers.wroteRecently("third"));
    }

    @Test
    void workWithoutACallerMarksNobody() {
        RecentWriters writers = writers(true, 100);
        writers.wrote(null);
        assertFalse(writers.wroteRecently("anonymous"));
    }
}
