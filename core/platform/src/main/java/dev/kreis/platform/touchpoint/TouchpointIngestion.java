package dev.kreis.platform.touchpoint;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.TooManyRequestsProblem;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.platform.identity.Identifier;
import dev.kreis.platform.privacy.Suppressions;
import dev.kreis.platform.storage.StorageException;
import dev.kreis.platform.touchpoint.TouchpointCustomers.Attachment;
import dev.kreis.platform.touchpoint.persistence.StoredTouchpoint;
import dev.kreis.platform.touchpoint.persistence.TouchpointCopy;
import dev.kreis.platform.touchpoint.persistence.TouchpointPartitions;
import dev.kreis.platform.touchpoint.persistence.TouchpointRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Ingests touchpoints, one or a batch. Each item is accepted, reported as a duplicate of what
 * (source, externalId) stored before, or rejected with the invalid fields; accepted items are
 * committed before this returns, rejected items leave nothing behind.
 */
@ApplicationScoped
public class TouchpointIngestion {
    private static final int ATTEMPTS = 3;

    private final TouchpointDrafts drafts;
    private final TouchpointCustomers customers;
    private final TouchpointRepository repository;
    private final TouchpointPartitions partitions;
    private final TouchpointCopy copy;
    private final int retentionMonths;
    private final Suppressions suppressions;
    private final Clock clock;
    private final List<IngestListener> listeners;
    private final GroupCommit<TouchpointDraft, IngestResult.Item> singles;
    private final int maxQueued;
    /** The group writers' threads: at most {@code group-commit.writers} are busy at a time. */
    private final ExecutorService writerThreads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "kreis-touchpoint-writer");
        thread.setDaemon(true);
        return thread;
    });

    TouchpointIngestion(TouchpointDrafts drafts, TouchpointCustomers customers, TouchpointRepository repository,
            TouchpointPartitions partitions, TouchpointCopy copy, Suppressions suppressions, Clock clock, Instance<IngestListener> listeners,
            TouchpointConfig config, MeterRegistry meters) {
        this.drafts = drafts;
        this.customers = customers;
        this.repository = repository;
        this.partitions = partitions;
        this.copy = copy;
        this.retentionMonths = config.retentionMonths();
        this.suppressions = suppressions;
        this.clock = clock;
        this.listeners = listeners.stream().toList();
        TouchpointConfig.GroupCommitConfig group = config.groupCommit();
        this.maxQueued = group.maxQueued();
        this.singles = group.writers() < 1 ? null
                : new GroupCommit<>(this::ingestGroup, group.writers(), group.maxItems(), group.maxQueued(), group.maxWait().toNanos(),
                        writerThreads);
        Gauge.builder("kreis.touchpoints.singles.waiting", this, TouchpointIngestion::waitingSingles)
                .description("Single touchpoints waiting on this node for their group to be written (at most group-commit.max-queued)")
                .register(meters);
    }

    /**
     * One touchpoint sent on its own ({@code POST /api/v1/touchpoints}), outside any transaction,
     * without blocking the caller: it is validated here, then written together with the others sent at
     * the same time ({@link GroupCommit}, {@code kreis.touchpoints.group-commit.*}) on a writer thread.
     * The stage completes with this touchpoint's own outcome once it is committed. Validation reads the
     * modules' states, from memory unless they are due to be read again: call this where blocking is not
     * allowed only while {@link TouchpointDrafts#readsWithoutDatabase()}.
     *
     * @throws TooManyRequestsProblem when {@code group-commit.max-queued} touchpoints wait on this node already
     */
    public CompletionStage<IngestResult.Item> ingestSent(JsonNode item) {
        TouchpointDraft draft;
        try {
            draft = drafts.read(item);
        } catch (InvalidInputException e) {
            return CompletableFuture.completedFuture(IngestResult.Item.rejected(0, e.getMessage(), e.errors()));
        }
        if (singles == null) {
            return CompletableFuture.supplyAsync(() -> ingestGroup(List.of(draft)).get(0), Infrastructure.getDefaultWorkerPool());
        }
        try {
            return singles.submit(draft).thenApply(result -> result.index() == 0 ? result : result.at(0));
        } catch (GroupCommit.Full e) {
            throw new TooManyRequestsProblem("This node has " + maxQueued + " touchpoints waiting to be written"
                    + " (kreis.touchpoints.group-commit.max-queued); retry in a second, or send batches", 1);
        }
    }

    /** Single touchpoints waiting for their group on this node now (0 without group commit). */
    public int waitingSingles() {
        return singles == null ? 0 : singles.queued();
    }

    /** Stops the group writers once the groups being written are done (at shutdown). */
    @PreDestroy
    void stopWriters() {
        writerThreads.shutdown();
        try {
            writerThreads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public IngestResult ingest(List<JsonNode> items) {
        return ingest(items, true);
    }

    /**
     * As {@link #ingest(List)}; with {@code raiseSignals} false the listeners that raise signals
     * ({@link IngestListener#raisesSignals()}) are not told, e.g. for history imported in bulk.
     */
    public IngestResult ingest(List<JsonNode> items, boolean raiseSignals) {
        IngestResult.Item[] results = new IngestResult.Item[items.size()];
        Map<Integer, TouchpointDraft> valid = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                valid.put(i, drafts.read(items.get(i)));
            } catch (InvalidInputException e) {
                results[i] = IngestResult.Item.rejected(i, e.getMessage(), e.errors());
            }
        }
        return ingest(valid, results, false, raiseSignals);
    }

    /** Valid drafts sent one per request, written as one group. */
    private List<IngestResult.Item> ingestGroup(List<TouchpointDraft> group) {
        Map<Integer, TouchpointDraft> valid = new LinkedHashMap<>();
        for (int i = 0; i < group.size(); i++) {
            valid.put(i, group.get(i));
        }
        return ingest(valid, new IngestResult.Item[group.size()], true, true).results();
    }

    /**
     * @param valid the valid drafts by their index; {@code results} holds the others' rejections
     * @param sent whether the items were sent one per request (a group commit): then each item is written
     *        or skipped on its own, without a transaction around the group unless a listener follows one
     * @param raiseSignals whether listeners that raise signals are told about the accepted touchpoints
     */
    private IngestResult ingest(Map<Integer, TouchpointDraft> valid, IngestResult.Item[] results, boolean sent, boolean raiseSignals) {
        refuseBeforeRetention(valid, results);
        refuseErasedPersons(valid, results);
        Map<Integer, Attachment> attachments = customers.attach(valid);
        Set<UUID> erased = suppressions.erased(valid.entrySet().stream().filter(e -> e.getValue().customerId() != null)
                .map(e -> attachments.get(e.getKey())).filter(java.util.Objects::nonNull).map(Attachment::customerId).toList());
        valid.keySet().removeIf(index -> {
            Attachment attachment = attachments.get(index);
            String message = attachment == null ? "no customer with id " + valid.get(index).customerId()
                    : erased.contains(attachment.customerId()) ? "customer " + valid.get(index).customerId() + " was erased" : null;
            if (message == null) {
                return false;
            }
            results[index] = IngestResult.Item.rejected(index, "customerId: " + message, List.of(new FieldError("customerId", message)));
            return true;
        });
        // A row needs its month's partition (PostgreSQL); made here, before any transaction of the write.
        partitions.ensure(valid.values().stream().map(TouchpointDraft::occurredAt).toList());
        if (results.length == 1 && valid.size() == 1 && raiseSignals) {
            results[0] = writeOne(valid.get(0), attachments.get(0));
            return IngestResult.of(List.of(results));
        }
        if (sent) {
            writeSent(valid, attachments).forEach((index, item) -> results[index] = item);
            return IngestResult.of(List.of(results));
        }
        for (int attempt = 1;; attempt++) {
            try {
                Map<Integer, IngestResult.Item> written = QuarkusTransaction.requiringNew().call(() -> write(valid, attachments, raiseSignals));
                written.forEach((index, item) -> results[index] = item);
                return IngestResult.of(List.of(results));
            } catch (StorageException e) {
                if (!e.isUniqueViolation() || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * With a retention ({@code kreis.touchpoints.retention-months}, PostgreSQL), rejects touchpoints that
     * occurred before the oldest month kept: their month's partition is (or is due to be) dropped, and
     * storing them would refold a day whose rollups keep the history of the dropped touchpoints.
     */
    private void refuseBeforeRetention(Map<Integer, TouchpointDraft> valid, IngestResult.Item[] results) {
        if (retentionMonths <= 0 || !partitions.partitioned()) {
            return;
        }
        OffsetDateTime oldestKept = TouchpointRetention.oldestKept(OffsetDateTime.now(clock), retentionMonths);
        valid.entrySet().removeIf(entry -> {
            if (!entry.getValue().occurredAt().isBefore(oldestKept)) {
                return false;
            }
            String message = "before " + oldestKept + ", the oldest time kept (kreis.touchpoints.retention-months = " + retentionMonths + ")";
            results[entry.getKey()] = IngestResult.Item.rejected(entry.getKey(), "occurredAt: " + message,
                    List.of(new FieldError("occurredAt", message)));
            return true;
        });
    }

    /**
     * Rejects the drafts naming an identifier of an erased person (one lookup for the whole batch; none at
     * all while nothing was ever erased). Such a person comes back only through a profile with a new consent.
     */
    private void refuseErasedPersons(Map<Integer, TouchpointDraft> valid, IngestResult.Item[] results) {
        Set<Identifier> named = new HashSet<>();
        valid.values().forEach(d -> named.addAll(d.identifiers()));
        Set<Identifier> suppressed = suppressions.suppressed(named);
        if (suppressed.isEmpty()) {
            return;
        }
        valid.entrySet().removeIf(entry -> {
            List<FieldError> errors = new ArrayList<>();
            int position = 0;
            for (Identifier identifier : entry.getValue().identifiers()) {
                if (suppressed.contains(identifier)) {
                    errors.add(new FieldError("customer.identifiers[" + position + "]", Suppressions.TOUCHPOINT_MESSAGE));
                }
                position++;
            }
            if (errors.isEmpty()) {
                return false;
            }
            results[entry.getKey()] = IngestResult.Item.rejected(entry.getKey(), errors.get(0).field() + ": " + errors.get(0).message(), errors);
            return true;
        });
    }

    /**
     * One touchpoint: a single atomic statement, no transaction around it, so it costs what one insert
     * costs — unless a listener follows its type; then the insert and the listener's work share one.
     */
    private IngestResult.Item writeOne(TouchpointDraft draft, Attachment attachment) {
        StoredTouchpoint row = row(UUID.randomUUID(), draft, attachment, OffsetDateTime.now(clock));
        List<IngestListener> following = listeners.stream().filter(l -> l.follows(row.type(), row.module())).toList();
        boolean inserted = following.isEmpty() ? repository.insertIfAbsent(row)
                : QuarkusTransaction.joiningExisting().call(() -> {
                    boolean stored = repository.insertIfAbsent(row);
                    if (stored) {
                        following.forEach(listener -> listener.accepted(List.of(row)));
                    }
                    return stored;
                });
        if (inserted) {
            return IngestResult.Item.accepted(0, row.id(), attachment.customerId());
        }
        UUID existing = repository.existing(Map.of(draft.source(), List.of(draft.externalId())))
                .get(TouchpointRepository.key(draft.source(), draft.externalId()));
        return IngestResult.Item.duplicate(0, existing, attachment.customerId());
    }

    /**
     * Touchpoints sent one per request, written as a group: one statement inserts those whose
     * (source, externalId) is new, so no lookup comes first; only the skipped ones are looked up, to
     * answer them as duplicates. A transaction is opened only when a listener follows one of them.
     */
    private Map<Integer, IngestResult.Item> writeSent(Map<Integer, TouchpointDraft> valid, Map<Integer, Attachment> attachments) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<Integer, StoredTouchpoint> rows = new LinkedHashMap<>();
        valid.forEach((index, draft) -> rows.put(index, row(UUID.randomUUID(), draft, attachments.get(index), now)));
        List<StoredTouchpoint> all = List.copyOf(rows.values());
        boolean followed = all.stream().anyMatch(row -> listeners.stream().anyMatch(l -> l.follows(row.type(), row.module())));
        Set<UUID> inserted = !followed ? repository.insertAbsent(all) : QuarkusTransaction.joiningExisting().call(() -> {
            Set<UUID> stored = repository.insertAbsent(all);
            notifyListeners(all.stream().filter(row -> stored.contains(row.id())).toList());
            return stored;
        });
        Map<String, List<String>> skipped = new HashMap<>();
        all.stream().filter(row -> !inserted.contains(row.id()))
                .forEach(row -> skipped.computeIfAbsent(row.source(), k -> new ArrayList<>()).add(row.externalId()));
        Map<String, UUID> existing = skipped.isEmpty() ? Map.of() : repository.existing(skipped);
        Map<Integer, IngestResult.Item> results = new HashMap<>();
        rows.forEach((index, row) -> {
            UUID customer = attachments.get(index).customerId();
            results.put(index, inserted.contains(row.id()) ? IngestResult.Item.accepted(index, row.id(), customer)
                    : IngestResult.Item.duplicate(index, existing.get(TouchpointRepository.key(row.source(), row.externalId())), customer));
        });
        return results;
    }

    private void notifyListeners(List<StoredTouchpoint> rows) {
        notifyListeners(rows, true);
    }

    private void notifyListeners(List<StoredTouchpoint> rows, boolean raiseSignals) {
        for (IngestListener listener : listeners) {
            if (!raiseSignals && listener.raisesSignals()) {
                continue;
            }
            List<StoredTouchpoint> followed = rows.stream().filter(r -> listener.follows(r.type(), r.module())).toList();
            if (!followed.isEmpty()) {
                listener.accepted(followed);
            }
        }
    }

    private static StoredTouchpoint row(UUID id, TouchpointDraft draft, Attachment attachment, OffsetDateTime now) {
        return new StoredTouchpoint(id, attachment.profileId(), draft.source(), draft.externalId(), draft.type().key(),
                draft.type().owner(), draft.channel().wire(), draft.phase().wire(), draft.initiator().wire(), draft.occurredAt(),
                now, draft.score(), draft.amount(), draft.currency(), draft.payload());
    }

    private Map<Integer, IngestResult.Item> write(Map<Integer, TouchpointDraft> valid, Map<Integer, Attachment> attachments,
            boolean raiseSignals) {
        if (partitions.partitioned()) {
            return writeCopied(valid, attachments, raiseSignals);
        }
        Map<String, List<String>> keys = new HashMap<>();
        valid.values().forEach(d -> keys.computeIfAbsent(d.source(), k -> new ArrayList<>()).add(d.externalId()));
        Map<String, UUID> known = repository.existing(keys);
        Map<Integer, IngestResult.Item> results = new HashMap<>();
        List<StoredTouchpoint> rows = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Map.Entry<Integer, TouchpointDraft> entry : valid.entrySet()) {
            TouchpointDraft draft = entry.getValue();
            Attachment attachment = attachments.get(entry.getKey());
            String key = TouchpointRepository.key(draft.source(), draft.externalId());
            UUID existing = known.get(key);
            if (existing != null) {
                results.put(entry.getKey(), IngestResult.Item.duplicate(entry.getKey(), existing, attachment.customerId()));
                continue;
            }
            UUID id = UUID.randomUUID();
            known.put(key, id);
            rows.add(row(id, draft, attachment, now));
            results.put(entry.getKey(), IngestResult.Item.accepted(entry.getKey(), id, attachment.customerId()));
        }
        repository.insert(rows);
        notifyListeners(rows, raiseSignals);
        return results;
    }

    /**
     * The batch write on PostgreSQL: COPY into a staging table and one set-based insert that skips the
     * (source, externalId) keys stored before or earlier in the batch ({@link TouchpointCopy}); no lookup
     * comes first. Inside the caller's transaction.
     */
    private Map<Integer, IngestResult.Item> writeCopied(Map<Integer, TouchpointDraft> valid, Map<Integer, Attachment> attachments,
            boolean raiseSignals) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<Integer, StoredTouchpoint> rows = new LinkedHashMap<>();
        valid.forEach((index, draft) -> rows.put(index, row(UUID.randomUUID(), draft, attachments.get(index), now)));
        TouchpointCopy.Outcome outcome = copy.insertNew(List.copyOf(rows.values()));
        Map<Integer, IngestResult.Item> results = new HashMap<>();
        List<StoredTouchpoint> stored = new ArrayList<>(outcome.inserted().size());
        rows.forEach((index, row) -> {
            UUID customer = attachments.get(index).customerId();
            if (outcome.inserted().contains(row.id())) {
                stored.add(row);
                results.put(index, IngestResult.Item.accepted(index, row.id(), customer));
            } else {
                results.put(index, IngestResult.Item.duplicate(index, outcome.skipped().get(row.id()), customer));
            }
        });
        notifyListeners(stored, raiseSignals);
        return results;
    }
}
