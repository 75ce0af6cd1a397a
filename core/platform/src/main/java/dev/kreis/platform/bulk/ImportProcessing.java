package dev.kreis.platform.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.platform.api.ApiException;
import dev.kreis.platform.bulk.persistence.ImportRepository;
import dev.kreis.platform.bulk.persistence.ImportRow;
import dev.kreis.platform.storage.StorageException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Works on imports: claims one through a database lease (so one node works on an import at a time), reads
 * its file from the row after the last committed chunk, and commits every chunk with the import's
 * progress. Profiles are written in the chunk's transaction; touchpoints through the ingestion service,
 * whose (source, externalId) deduplication makes a chunk repeated after a crash create nothing twice.
 * A dry run of profiles resolves the whole file in one transaction that is rolled back, so what earlier
 * rows would have created counts for later rows exactly as in the real run.
 */
@ApplicationScoped
public class ImportProcessing {
    private static final Logger LOG = Logger.getLogger(ImportProcessing.class);
    private static final int ATTEMPTS = 3;

    private final ImportRepository imports;
    private final ProfileChunks profiles;
    private final TouchpointChunks touchpoints;
    private final ImportConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    ImportProcessing(ImportRepository imports, ProfileChunks profiles, TouchpointChunks touchpoints, ImportConfig config, ObjectMapper json,
            Clock clock) {
        this.imports = imports;
        this.profiles = profiles;
        this.touchpoints = touchpoints;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** Thrown inside a chunk's transaction when the import was cancelled or taken over meanwhile: the chunk rolls back. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /**
     * Claims the oldest import no node works on and works on it as {@code node}, for at most
     * {@code chunkLimit} chunks (a limit below the file's size leaves it running under the lease, as a node
     * that stopped would). Answers the import worked on, if there was one.
     */
    public Optional<UUID> workOnNext(String node, int chunkLimit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (UUID id : imports.claimable(now, 5)) {
            if (imports.claim(id, node, now, now.plus(config.lease()))) {
                // which node works on which import: the lease holder is cleared when the import ends
                LOG.infof("Working on import %s as %s", id, node);
                ImportRow row = imports.find(id).orElseThrow();
                work(row, node, chunkLimit);
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private void work(ImportRow row, String node, int chunkLimit) {
        Path file = Path.of(row.filePath());
        try {
            ImportPlan plan = ImportPlan.of(json.readValue(row.spec(), ImportSpec.class));
            Outcome outcome = plan.dryRun() && plan.kind() == ImportKind.PROFILES ? dryRunProfiles(row, node, plan, file, chunkLimit)
                    : run(row, node, plan, file, chunkLimit);
            if (outcome.done()) {
                end(row, node, outcome.unreadable() == null ? ImportStatus.SUCCEEDED : ImportStatus.FAILED, outcome.unreadable());
            }
        } catch (Stopped e) {
            LOG.infof("Import %s was cancelled or taken over by another node", row.id());
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "Import %s failed", row.id());
            end(row, node, ImportStatus.FAILED, e instanceof ApiException || e instanceof UnreadableFileException ? e.getMessage()
                    : "the import stopped: " + e.getMessage());
        }
    }

    /** Whether the whole file was worked through, and if a row made the rest unreadable, why. */
    private record Outcome(boolean done, String unreadable) {
    }

    private Outcome run(ImportRow row, String node, ImportPlan plan, Path file, int chunkLimit) throws IOException {
        TouchpointChunks.Seen seen = new TouchpointChunks.Seen();
        if (plan.dryRun() && row.counts().read() > 0) {
            QuarkusTransaction.requiringNew().run(() -> imports.restartCounts(row.id()));
        }
        long storedErrors = plan.dryRun() ? 0 : imports.errorCount(row.id());
        try (CsvFile csv = CsvFile.open(file, plan)) {
            ImportRows convert = new ImportRows(plan, csv.header(), csv.delimiter());
            if (!plan.dryRun()) {
                csv.skip(row.counts().read());
            }
            for (int chunks = 0; chunks < chunkLimit; chunks++) {
                List<CsvFile.Row> rows = read(csv);
                if (rows.isEmpty()) {
                    return new Outcome(true, null);
                }
                long started = System.nanoTime();
                ChunkResult result = write(row.id(), node, plan, rows, convert, seen, csv.position(), started, storedErrors);
                storedErrors += result.problems().size();
                pause();
                CsvFile.Row last = rows.get(rows.size() - 1);
                if (last.unreadable() != null) {
                    return new Outcome(true, "row " + last.number() + ": " + last.unreadable());
                }
            }
            return new Outcome(false, null);
        }
    }

    private ChunkResult write(UUID id, String node, ImportPlan plan, List<CsvFile.Row> rows, ImportRows convert, TouchpointChunks.Seen seen,
            long position, long started, long storedErrors) {
        if (plan.kind() == ImportKind.TOUCHPOINTS) {
            ChunkResult result = plan.dryRun() ? touchpoints.predict(rows, convert, seen) : touchpoints.write(rows, convert, !plan.muteSignals());
            QuarkusTransaction.requiringNew().run(() -> commit(id, node, result, position, started, storedErrors));
            return result;
        }
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().timeout((int) config.chunkTimeout().toSeconds()).call(() -> {
                    ChunkResult result = profiles.write(rows, convert);
                    commit(id, node, result, position, started, storedErrors);
                    return result;
                });
            } catch (StorageException e) {
                if (!e.isUniqueViolation() || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private void commit(UUID id, String node, ChunkResult result, long position, long started, long storedErrors) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (!imports.progress(id, node, result.counts(), position, millis, OffsetDateTime.now(clock).plus(config.lease()))) {
            throw new Stopped();
        }
        long room = Math.max(0, config.maxStoredErrors() - storedErrors);
        imports.addErrors(id, result.problems().size() <= room ? result.problems() : result.problems().subList(0, (int) room));
    }

    /** Ends a dry run's transaction by rolling it back, carrying what the run found out. */
    private static final class DryRunEnded extends RuntimeException {
        private final transient Outcome outcome;

        DryRunEnded(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    /**
     * A dry run of profiles: every chunk is resolved in one outer transaction that is rolled back at the end,
     * while the progress of each chunk commits on its own.
     */
    private Outcome dryRunProfiles(ImportRow row, String node, ImportPlan plan, Path file, int chunkLimit) {
        if (row.counts().read() > 0) {
            QuarkusTransaction.requiringNew().run(() -> imports.restartCounts(row.id()));
        }
        try {
            QuarkusTransaction.requiringNew().timeout((int) config.dryRunTimeout().toSeconds()).run(() -> {
                throw new DryRunEnded(resolveWithoutKeeping(row, node, plan, file, chunkLimit));
            });
        } catch (DryRunEnded e) {
            return e.outcome;
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof DryRunEnded ended) {
                return ended.outcome;
            }
            throw e;
        }
        throw new IllegalStateException("a dry run ends by rolling back");
    }

    private Outcome resolveWithoutKeeping(ImportRow row, String node, ImportPlan plan, Path file, int chunkLimit) {
        long storedErrors = 0;
        try (CsvFile csv = CsvFile.open(file, plan)) {
            ImportRows convert = new ImportRows(plan, csv.header(), csv.delimiter());
            for (int chunks = 0; chunks < chunkLimit; chunks++) {
                List<CsvFile.Row> rows = read(csv);
                if (rows.isEmpty()) {
                    return new Outcome(true, null);
                }
                long started = System.nanoTime();
                ChunkResult result = profiles.write(rows, convert);
                long position = csv.position();
                long errors = storedErrors;
                QuarkusTransaction.requiringNew().run(() -> commit(row.id(), node, result, position, started, errors));
                storedErrors += result.problems().size();
                CsvFile.Row last = rows.get(rows.size() - 1);
                if (last.unreadable() != null) {
                    return new Outcome(true, "row " + last.number() + ": " + last.unreadable());
                }
            }
            return new Outcome(false, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<CsvFile.Row> read(CsvFile csv) {
        List<CsvFile.Row> rows = new ArrayList<>();
        while (rows.size() < config.chunkSize()) {
            CsvFile.Row next = csv.next();
            if (next == null) {
                break;
            }
            rows.add(next);
            if (next.unreadable() != null) {
                break;
            }
        }
        return rows;
    }

    private void end(ImportRow row, String node, ImportStatus status, String failure) {
        boolean ended = QuarkusTransaction.requiringNew().call(() -> imports.finish(row.id(), node, status.wire(), failure,
                OffsetDateTime.now(clock)));
        if (ended) {
            LOG.infof("Import %s ended as %s: %s", row.id(), node, status.wire());
            ImportFiles.delete(Path.of(row.filePath()));
        }
    }

    private void pause() {
        if (config.pauseBetweenChunks().isZero()) {
            return;
        }
        try {
            Thread.sleep(config.pauseBetweenChunks().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }
}
