package dev.kreis.platform.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.platform.bulk.ImportRows.Converted;
import dev.kreis.platform.bulk.persistence.ImportRow.Counts;
import dev.kreis.platform.identity.Identifier;
import dev.kreis.platform.identity.persistence.CustomerClusterRepository;
import dev.kreis.platform.privacy.Suppressions;
import dev.kreis.platform.touchpoint.IngestResult;
import dev.kreis.platform.touchpoint.TouchpointDraft;
import dev.kreis.platform.touchpoint.TouchpointDrafts;
import dev.kreis.platform.touchpoint.TouchpointIngestion;
import dev.kreis.platform.touchpoint.persistence.TouchpointRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes a chunk of touchpoint rows through {@link TouchpointIngestion}, the batch endpoint's path: the
 * same validation, deduplication on (source, externalId), KPI rollups and signals. A dry run predicts the
 * same outcome from the same validation and lookups without writing.
 */
@ApplicationScoped
class TouchpointChunks {
    private final TouchpointIngestion ingestion;
    private final TouchpointDrafts drafts;
    private final TouchpointRepository touchpoints;
    private final CustomerClusterRepository customers;
    private final Suppressions suppressions;

    TouchpointChunks(TouchpointIngestion ingestion, TouchpointDrafts drafts, TouchpointRepository touchpoints,
            CustomerClusterRepository customers, Suppressions suppressions) {
        this.ingestion = ingestion;
        this.drafts = drafts;
        this.touchpoints = touchpoints;
        this.customers = customers;
        this.suppressions = suppressions;
    }

    /** Keys a dry run has counted as created so far, so a later duplicate in the file counts as unchanged (as it would be). */
    static final class Seen {
        private final Set<Long> keys = new HashSet<>();

        /** Adds the key; answers whether it was new. A 64-bit hash stands for the key, so a million keys fit in little memory. */
        boolean add(String key) {
            long hash = 1125899906842597L;
            for (int i = 0; i < key.length(); i++) {
                hash = 31 * hash + key.charAt(i);
            }
            return keys.add(hash ^ ((long) key.hashCode() << 32));
        }
    }

    ChunkResult write(List<CsvFile.Row> rows, ImportRows convert, boolean raiseSignals) {
        List<RowProblem> problems = new ArrayList<>();
        List<Converted<ObjectNode>> items = convert(rows, convert, problems);
        Set<Long> rejected = new HashSet<>();
        problems.forEach(p -> rejected.add(p.row()));
        IngestResult result = ingestion.ingest(items.stream().map(c -> (JsonNode) c.body()).toList(), raiseSignals);
        long created = 0;
        long unchanged = 0;
        for (IngestResult.Item item : result.results()) {
            Converted<ObjectNode> converted = items.get(item.index());
            switch (item.status()) {
                case "accepted" -> created++;
                case "duplicate" -> unchanged++;
                default -> {
                    rejected.add(converted.row().number());
                    reject(convert, converted, item.errors(), item.error(), problems);
                }
            }
        }
        return new ChunkResult(new Counts(rows.size(), created, 0, unchanged, rejected.size()), problems);
    }

    ChunkResult predict(List<CsvFile.Row> rows, ImportRows convert, Seen seen) {
        List<RowProblem> problems = new ArrayList<>();
        List<Converted<ObjectNode>> items = convert(rows, convert, problems);
        Set<Long> rejected = new HashSet<>();
        problems.forEach(p -> rejected.add(p.row()));
        Map<Integer, TouchpointDraft> valid = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                valid.put(i, drafts.read(items.get(i).body()));
            } catch (InvalidInputException e) {
                rejected.add(items.get(i).row().number());
                reject(convert, items.get(i), e.errors(), e.getMessage(), problems);
            }
        }
        Set<Identifier> named = new HashSet<>();
        Set<UUID> ids = new HashSet<>();
        Map<String, List<String>> keys = new HashMap<>();
        valid.values().forEach(d -> {
            named.addAll(d.identifiers());
            if (d.customerId() != null) {
                ids.add(d.customerId());
            }
            keys.computeIfAbsent(d.source(), k -> new ArrayList<>()).add(d.externalId());
        });
        Set<Identifier> suppressed = suppressions.suppressed(named);
        Map<UUID, UUID> resolved = new HashMap<>();
        ids.forEach(id -> customers.resolve(id).ifPresent(c -> resolved.put(id, c.id())));
        Set<UUID> erased = suppressions.erased(resolved.values());
        Map<String, UUID> existing = touchpoints.existing(keys);
        long created = 0;
        long unchanged = 0;
        for (int i = 0; i < items.size(); i++) {
            TouchpointDraft draft = valid.get(i);
            if (draft == null) {
                continue;
            }
            String problem = draft.identifiers().stream().anyMatch(suppressed::contains) ? Suppressions.TOUCHPOINT_MESSAGE
                    : draft.customerId() != null && !resolved.containsKey(draft.customerId()) ? "no customer with id " + draft.customerId()
                    : draft.customerId() != null && erased.contains(resolved.get(draft.customerId()))
                            ? "customer " + draft.customerId() + " was erased" : null;
            if (problem != null) {
                rejected.add(items.get(i).row().number());
                problems.add(convert.problem(items.get(i), draft.customerId() != null ? "customerId" : "customer.identifiers", problem));
                continue;
            }
            String key = TouchpointRepository.key(draft.source(), draft.externalId());
            if (!existing.containsKey(key) && seen.add(key)) {
                created++;
            } else {
                unchanged++;
            }
        }
        return new ChunkResult(new Counts(rows.size(), created, 0, unchanged, rejected.size()), problems);
    }

    private static List<Converted<ObjectNode>> convert(List<CsvFile.Row> rows, ImportRows convert, List<RowProblem> problems) {
        List<Converted<ObjectNode>> items = new ArrayList<>();
        for (CsvFile.Row row : rows) {
            RowProblem shape = convert.shape(row).orElse(null);
            if (shape != null) {
                problems.add(shape);
                continue;
            }
            try {
                items.add(convert.touchpoint(row));
            } catch (ImportRows.RowRejected e) {
                problems.add(e.problem());
            }
        }
        return items;
    }

    private static void reject(ImportRows convert, Converted<ObjectNode> converted, List<FieldError> errors, String message,
            List<RowProblem> problems) {
        if (errors == null || errors.isEmpty()) {
            problems.add(convert.problem(converted, null, message));
            return;
        }
        errors.forEach(error -> problems.add(convert.problem(converted, error.field(), error.message())));
    }
}
