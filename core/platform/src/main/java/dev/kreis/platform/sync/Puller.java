package dev.kreis.platform.sync;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import dev.kreis.platform.privacy.SuppressedIdentifierProblem;
import dev.kreis.platform.sync.persistence.CursorRepository;
import dev.kreis.platform.sync.persistence.CursorRepository.CursorRow;
import dev.kreis.platform.sync.persistence.SyncRecordRepository;
import dev.kreis.spi.connector.ChangePage;
import dev.kreis.spi.connector.ChangeQuery;
import dev.kreis.spi.connector.ConnectorSession;
import dev.kreis.spi.connector.CrmObject;
import dev.kreis.spi.connector.CrmRecord;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Pulls one object of a connection: pages of records changed since the watermark (inclusive), each record
 * applied to its profile, then a checkpoint (next page cursor, newest modification seen) so a run that
 * stops resumes after the last stored page; at the end the watermark moves. Records repeated within a
 * pass (the same id and modification time) are applied once. A page is written as one batch through the
 * batched identity intake (one transaction per page, before its checkpoint); a record the batch cannot take is
 * written on its own. A record that fails
 * {@code kreis.sync.dead-letter-after} times goes to the dead letters and the pass goes on.
 *
 * <p>The next page is read from the vendor while the current one is written, so a pass takes about as long as the
 * slower of the two rather than their sum (a vendor's answer takes 100-300 ms; writing a page takes about as long).
 * Only one read is under way at a time, and a page is written, and its checkpoint stored, strictly in order.
 */
@ApplicationScoped
public class Puller {
    private final CursorRepository cursors;
    private final SyncRecordRepository records;
    private final RecordApplier applier;
    private final DeadLetters deadLetters;
    private final VendorCalls calls;
    private final SyncConfig config;
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService reads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "kreis-sync-read-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    Puller(CursorRepository cursors, SyncRecordRepository records, RecordApplier applier, DeadLetters deadLetters, VendorCalls calls,
            SyncConfig config) {
        this.cursors = cursors;
        this.records = records;
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.calls = calls;
        this.config = config;
    }

    /** Pulls the object; {@code checkpoint} runs after each page (it renews the lease and may stop the run). */
    public void pull(Connection connection, ConnectorSession session, CrmObject object, RunCounts counts, Runnable checkpoint) {
        CursorRow cursor = cursors.find(connection.id(), object.name());
        Optional<Instant> since = cursor.watermark().map(OffsetDateTime::toInstant);
        Optional<String> page = cursor.pageCursor();
        Optional<OffsetDateTime> passMax = cursor.passMax();
        Set<String> seen = new HashSet<>();
        Set<String> dead = deadLetters.open(connection.id(), object.name(), DeadLetters.PULL);
        CompletableFuture<ChangePage> reading = read(session, object, since, page);
        try {
            while (true) {
                ChangePage changes = await(reading);
                reading = changes.next().isPresent() ? read(session, object, since, changes.next()) : null;
                Map<String, Map<String, String>> pushed = records.pushedValues(connection.id(), object.name(),
                        changes.records().stream().map(CrmRecord::id).toList());
                List<CrmRecord> fresh = new ArrayList<>();
                for (CrmRecord record : changes.records()) {
                    counts.read++;
                    if (!seen.add(record.id() + "@" + record.modifiedAt())) {
                        counts.unchanged++;
                        continue;
                    }
                    fresh.add(record);
                    OffsetDateTime modified = OffsetDateTime.ofInstant(record.modifiedAt(), ZoneOffset.UTC);
                    if (passMax.isEmpty() || modified.isAfter(passMax.get())) {
                        passMax = Optional.of(modified);
                    }
                }
                List<String> applied = applyPage(connection, object, fresh, pushed, counts, dead);
                counts.deadLettersResolved += deadLetters.resolve(connection.id(), object.name(), DeadLetters.PULL,
                        applied.stream().filter(dead::remove).toList());
                if (seen.size() > 200_000) {
                    seen.clear();
                }
                if (changes.next().isEmpty()) {
                    cursors.complete(connection.id(), object.name(), passMax);
                    checkpoint.run();
                    return;
                }
                cursors.checkpoint(connection.id(), object.name(), changes.next().get(), passMax.orElse(null));
                checkpoint.run();
            }
        } catch (RuntimeException | Error e) {
            if (reading != null) {
                reading.cancel(true);
            }
            throw e;
        }
    }

    /** Starts reading one page from the vendor on a thread of its own (with the vendor's limits and retries). */
    private CompletableFuture<ChangePage> read(ConnectorSession session, CrmObject object, Optional<Instant> since, Optional<String> at) {
        return CompletableFuture.supplyAsync(
                () -> calls.call(session, () -> session.changes(new ChangeQuery(object.name(), since, at, config.pageSize()))), reads);
    }

    /** The page read, or what its read threw, as if it had been read on this thread. */
    private static ChangePage await(CompletableFuture<ChangePage> reading) {
        try {
            return reading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        reads.shutdownNow();
    }

    /**
     * Applies a page as one batch; what the batch could not take is applied record by record. Answers the ids of the records
     * applied; a record given up on joins {@code dead}.
     */
    private List<String> applyPage(Connection connection, CrmObject object, List<CrmRecord> page, Map<String, Map<String, String>> pushed,
            RunCounts counts, Set<String> dead) {
        if (page.isEmpty()) {
            return List.of();
        }
        RecordApplier.PageResult result = applier.applyPage(connection, object, page, pushed);
        result.applied().values().forEach(applied -> {
            switch (applied) {
                case CREATED -> counts.created++;
                case UPDATED -> counts.updated++;
                case UNCHANGED -> counts.unchanged++;
            }
        });
        counts.unchanged += result.refused();
        List<String> applied = new ArrayList<>(result.applied().keySet());
        for (CrmRecord record : result.retry()) {
            switch (apply(connection, object, record, pushed.getOrDefault(record.id(), Map.of()), counts)) {
                case APPLIED -> applied.add(record.id());
                case DEAD_LETTERED -> dead.add(record.id());
                case REFUSED -> {
                }
            }
        }
        return applied;
    }

    /** What became of a record applied on its own. */
    private enum Single {
        APPLIED, REFUSED, DEAD_LETTERED
    }

    /** Applies one record, trying again up to the dead-letter limit; a record of an erased person is refused. */
    private Single apply(Connection connection, CrmObject object, CrmRecord record, Map<String, String> pushed, RunCounts counts) {
        for (int attempt = 1;; attempt++) {
            try {
                switch (applier.apply(connection, object, record, pushed)) {
                    case CREATED -> counts.created++;
                    case UPDATED -> counts.updated++;
                    case UNCHANGED -> counts.unchanged++;
                }
                return Single.APPLIED;
            } catch (SuppressedIdentifierProblem e) {
                counts.unchanged++;
                return Single.REFUSED;
            } catch (RuntimeException e) {
                counts.failed++;
                if (attempt >= config.deadLetterAfter()) {
                    deadLetters.deadLetter(connection.id(), object.name(), record.id(), DeadLetters.PULL, record, e, attempt, counts.runId());
                    counts.deadLettered++;
                    return Single.DEAD_LETTERED;
                }
            }
        }
    }
}
