package dev.kreis.platform.sync;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
 * <p>Pages are read from the vendor while earlier ones are written, so a pass takes about as long as the slower of
 * the two rather than their sum (a vendor's answer takes 100-300 ms; writing a page takes about as long). One thread
 * reads the pages in order, at most {@code kreis.sync.read-ahead} ahead of the writer. When the vendor answers faster
 * than Kreis writes, the pages already read are written together, up to {@code kreis.sync.write-batch} records in one
 * batch, with one checkpoint after the last of them: a batch of 1,000 records costs far less than ten of 100 (measured
 * in docs/performance.md). Pages are written, and their checkpoints stored, strictly in order.
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

    /** Pulls the object; {@code checkpoint} runs after each write (it renews the lease and may stop the run). */
    public void pull(Connection connection, ConnectorSession session, CrmObject object, RunCounts counts, Runnable checkpoint) {
        CursorRow cursor = cursors.find(connection.id(), object.name());
        Optional<Instant> since = cursor.watermark().map(OffsetDateTime::toInstant);
        Optional<OffsetDateTime> passMax = cursor.passMax();
        Set<String> seen = new HashSet<>();
        Set<String> dead = deadLetters.open(connection.id(), object.name(), DeadLetters.PULL);
        PageReader reader = new PageReader(session, object, since, cursor.pageCursor());
        try {
            while (true) {
                List<ChangePage> group = reader.nextGroup();
                ChangePage last = group.get(group.size() - 1);
                List<CrmRecord> fresh = new ArrayList<>();
                for (ChangePage changes : group) {
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
                }
                Map<String, Map<String, String>> pushed = records.pushedValues(connection.id(), object.name(),
                        fresh.stream().map(CrmRecord::id).toList());
                List<String> applied = applyPage(connection, object, fresh, pushed, counts, dead);
                counts.deadLettersResolved += deadLetters.resolve(connection.id(), object.name(), DeadLetters.PULL,
                        applied.stream().filter(dead::remove).toList());
                if (seen.size() > 200_000) {
                    seen.clear();
                }
                if (last.next().isEmpty()) {
                    cursors.complete(connection.id(), object.name(), passMax);
                    checkpoint.run();
                    return;
                }
                cursors.checkpoint(connection.id(), object.name(), last.next().get(), passMax.orElse(null));
                checkpoint.run();
            }
        } finally {
            reader.stop();
        }
    }

    /** A read that failed, in its place among the pages. */
    private record Failed(Throwable failure) {
    }

    /**
     * Reads the pages of one pass in order on a thread of its own (with the vendor's limits and retries), at most
     * {@code kreis.sync.read-ahead} pages ahead of the writer.
     */
    private final class PageReader implements Runnable {
        private final ConnectorSession session;
        private final CrmObject object;
        private final Optional<Instant> since;
        private final Optional<String> start;
        private final BlockingQueue<Object> pages = new LinkedBlockingQueue<>(Math.max(1, config.readAhead()));
        private final Future<?> task;

        PageReader(ConnectorSession session, CrmObject object, Optional<Instant> since, Optional<String> start) {
            this.session = session;
            this.object = object;
            this.since = since;
            this.start = start;
            this.task = reads.submit(this);
        }

        @Override
        public void run() {
            Optional<String> at = start;
            try {
                while (true) {
                    Optional<String> from = at;
                    ChangePage page = calls.call(session, () -> session.changes(new ChangeQuery(object.name(), since, from, config.pageSize())));
                    pages.put(page);
                    if (page.next().isEmpty()) {
                        return;
                    }
                    at = page.next();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                try {
                    pages.put(new Failed(e));
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /**
         * The next page (waiting for it), with the pages already read behind it as long as together they hold at most
         * {@code kreis.sync.write-batch} records and no record in two versions (the same id modified at two times: the
         * later must be written after the earlier); a failed read is thrown in its turn.
         */
        List<ChangePage> nextGroup() {
            Object first = take();
            if (first instanceof Failed failed) {
                rethrow(failed.failure());
            }
            ChangePage page = (ChangePage) first;
            List<ChangePage> group = new ArrayList<>(List.of(page));
            Map<String, Instant> versions = new HashMap<>();
            page.records().forEach(record -> versions.putIfAbsent(record.id(), record.modifiedAt()));
            int size = page.records().size();
            while (page.next().isPresent() && pages.peek() instanceof ChangePage following
                    && size + following.records().size() <= config.writeBatch()
                    && following.records().stream().allMatch(record -> record.modifiedAt().equals(versions.getOrDefault(record.id(), record.modifiedAt())))) {
                pages.poll();
                page = following;
                group.add(page);
                size += page.records().size();
                page.records().forEach(record -> versions.putIfAbsent(record.id(), record.modifiedAt()));
            }
            return group;
        }

        /** The next page or failure, waiting for the reader. */
        private Object take() {
            try {
                while (true) {
                    Object head = pages.poll(100, TimeUnit.MILLISECONDS);
                    if (head != null) {
                        return head;
                    }
                    if (task.isDone() && pages.isEmpty()) {
                        throw new RunStoppedException("the CRM's pages stopped before the last one");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunStoppedException("interrupted while waiting for the CRM");
            }
        }

        void stop() {
            task.cancel(true);
        }
    }

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw (Error) failure;
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
