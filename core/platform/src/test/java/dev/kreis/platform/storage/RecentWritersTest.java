package dev.kreis.platform.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The shared marks as the primary keeps them, in memory; counts the marks written. */
    private static final class SharedMarks implements WriteMarks {
        final Map<String, OffsetDateTime> until = new HashMap<>();
        final List<OffsetDateTime> forgottenBefore = new ArrayList<>();
        int marked;

        @Override
        public void mark(String caller, OffsetDateTime time) {
            marked++;
            until.merge(caller, time, (a, b) -> a.isAfter(b) ? a : b);
        }

        @Override
        public Optional<OffsetDateTime> until(String caller) {
            return Optional.ofNullable(until.get(caller));
        }

        @Override
        public void forgetBefore(OffsetDateTime before) {
            forgottenBefore.add(before);
            until.values().removeIf(time -> time.isBefore(before));
        }
    }

    /** Marks that keep nothing: what one node remembers alone. */
    private static final WriteMarks NONE = new WriteMarks() {
        @Override
        public void mark(String caller, OffsetDateTime until) {
        }

        @Override
        public Optional<OffsetDateTime> until(String caller) {
            return Optional.empty();
        }

        @Override
        public void forgetBefore(OffsetDateTime before) {
        }
    };

    private final SharedMarks shared = new SharedMarks();

    /** The wall clock, moving with the test's counter. */
    private final Clock clock = new Clock() {
        private final long start = nanos.get();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return NOW.plusNanos(nanos.get() - start);
        }
    };

    private RecentWriters writers(boolean replica, int max, BackgroundWriters... background) {
        return writers(replica, max, shared, background);
    }

    private RecentWriters writers(boolean replica, int max, WriteMarks marks, BackgroundWriters... background) {
        return new RecentWriters(() -> replica, new Settings(max), List.of(background), marks, nanos::get, clock);
    }

    @Test
    void aCallerWhoWroteReadsFromThePrimaryForTheWindowAndFromTheReplicaAfter() {
        RecentWriters writers = writers(true, 100);
        writers.wrote("anna");
        assertTrue(writers.wroteRecently("anna"));
        assertFalse(writers.wroteRecently("ben"), "another caller is not affected");
        nanos.addAndGet(WINDOW.toNanos() - 1);
        assertTrue(writers.wroteRecently("anna"));
        nanos.addAndGet(RecentWriters.MARK_EVERY.toNanos() + 1);
        assertFalse(writers.wroteRecently("anna"), "after the window (and at most a second more, the shared mark's margin)");
    }

    @Test
    void aCallerWhoWroteThroughOneNodeReadsFromThePrimaryOnAnotherForTheWholeWindow() {
        RecentWriters first = writers(true, 100);
        RecentWriters second = writers(true, 100);
        first.wrote("anna");
        assertTrue(second.wroteRecently("anna"), "the other node reads the shared mark");
        assertFalse(second.wroteRecently("ben"));
        nanos.addAndGet(WINDOW.toNanos());
        assertTrue(second.wroteRecently("anna"), "the whole window on the other node too");
        nanos.addAndGet(RecentWriters.MARK_EVERY.toNanos());
        assertFalse(second.wroteRecently("anna"));
    }

    @Test
    void aNodeMarksACallerInTheSharedMarksAtMostOnceASecond() {
        RecentWriters writers = writers(true, 100);
        writers.wrote("anna");
        nanos.addAndGet(RecentWriters.MARK_EVERY.toNanos() / 2);
        writers.wrote("anna");
        assertEquals(1, shared.marked);
        assertEquals(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).plus(WINDOW).plus(RecentWriters.MARK_EVERY), shared.until.get("anna"));
        nanos.addAndGet(RecentWriters.MARK_EVERY.toNanos() / 2);
        writers.wrote("anna");
        assertEquals(2, shared.marked);
        writers.wrote("ben");
        assertEquals(3, shared.marked, "another caller is marked on its own");
    }

    @Test
    void whenTheSharedMarksCannotBeReadACallerThisNodeDoesNotKnowReadsFromThePrimary() {
        RecentWriters writers = writers(true, 100, new WriteMarks() {
            @Override
            public void mark(String caller, OffsetDateTime until) {
                throw new StorageException(new java.sql.SQLException("primary unreachable"));
            }

            @Override
            public Optional<OffsetDateTime> until(String caller) {
                throw new StorageException(new java.sql.SQLException("primary unreachable"));
            }

            @Override
            public void forgetBefore(OffsetDateTime before) {
            }
        });
        writers.wrote("anna");
        assertTrue(writers.wroteRecently("anna"), "a failed mark still leaves this node's own memory");
        assertTrue(writers.wroteRecently("ben"), "unknown, so the safe side");
    }

    @Test
    void theMarksThatEndedLongerAgoThanTheWindowAreForgottenOnceAMinute() {
        RecentWriters writers = writers(true, 100);
        writers.wrote("anna");
        nanos.addAndGet(WINDOW.toNanos() + RecentWriters.MARK_EVERY.toNanos());
        writers.refreshBackground();
        assertEquals(1, shared.forgottenBefore.size());
        assertTrue(shared.until.containsKey("anna"), "ended less than a window ago");
        writers.refreshBackground();
        assertEquals(1, shared.forgottenBefore.size(), "not again within the minute");
        nanos.addAndGet(Duration.ofMinutes(1).toNanos());
        writers.refreshBackground();
        assertEquals(2, shared.forgottenBefore.size());
        assertFalse(shared.until.containsKey("anna"));
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
        RecentWriters writers = writers(true, 2, NONE);
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
