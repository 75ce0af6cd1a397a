package dev.kreis.platform.ingest.kafka;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.platform.api.ApiException;
import dev.kreis.platform.api.Problem;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.platform.identity.ProfileSubmission;
import dev.kreis.platform.identity.api.ProfileRequest;
import dev.kreis.platform.identity.api.ProfileRequests;
import dev.kreis.platform.privacy.ConsentDecision;
import dev.kreis.platform.privacy.ProfileAdmission;
import dev.kreis.platform.privacy.api.ConsentRequests;
import dev.kreis.platform.touchpoint.IngestResult;
import dev.kreis.platform.touchpoint.TouchpointIngestion;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns the records of one poll into writes through the same services as the HTTP API: touchpoints through
 * {@link TouchpointIngestion#ingest(List)} (one transaction for the whole poll, idempotent on
 * {@code (source, externalId)}), profiles through {@link ProfileAdmission} (upsert on {@code (source, externalId)}).
 * Returns what was rejected, each with its problem, for the dead-letter topic. When this returns, everything
 * accepted has been committed; when it throws (e.g. the database is down), nothing may be taken as done.
 */
@ApplicationScoped
public class KafkaRecords {
    /** The actor recorded in the audit log for what Kafka ingest did. */
    public static final String ACTOR = "kafka-ingest";

    private final TouchpointIngestion touchpoints;
    private final ProfileRequests profileRequests;
    private final ConsentRequests consentRequests;
    private final ProfileAdmission admission;
    private final ObjectMapper json;

    KafkaRecords(TouchpointIngestion touchpoints, ProfileRequests profileRequests, ConsentRequests consentRequests, ProfileAdmission admission,
            ObjectMapper json) {
        this.touchpoints = touchpoints;
        this.profileRequests = profileRequests;
        this.consentRequests = consentRequests;
        this.admission = admission;
        this.json = json;
    }

    /** One record as it was read: where it came from and its value (UTF-8 JSON text). */
    public record Incoming(String topic, int partition, long offset, String key, String value) {
    }

    /**
     * A rejected record (or, for a batch body, one rejected item of it): the problem, where it came from and
     * the rejected JSON as it was sent.
     */
    public record Rejected(Problem problem, String topic, int partition, long offset, Integer item, String key, String record) {
    }

    /** What one call wrote: counts and the rejected records. */
    public record Outcome(int accepted, int duplicates, List<Rejected> rejected) {
    }

    /** Touchpoint records, all written in one transaction. */
    public Outcome touchpoints(List<Incoming> records) {
        List<JsonNode> items = new ArrayList<>();
        List<Incoming> origins = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (Incoming record : records) {
            Items read = read(record, rejected);
            if (read == null) {
                continue;
            }
            List<JsonNode> found = read.items();
            boolean batch = read.batch();
            for (int i = 0; i < found.size(); i++) {
                items.add(found.get(i));
                origins.add(record);
                positions.add(batch ? i : null);
            }
        }
        if (items.isEmpty()) {
            return new Outcome(0, 0, rejected);
        }
        IngestResult result = touchpoints.ingest(items);
        for (IngestResult.Item item : result.results()) {
            if (item.status().equals("rejected")) {
                Incoming origin = origins.get(item.index());
                Integer position = positions.get(item.index());
                List<FieldError> errors = position == null ? item.errors()
                        : item.errors().stream().map(e -> new FieldError("items[" + position + "]." + e.field(), e.message())).toList();
                Problem problem = Problem.of(422, "invalid-input", "Invalid input", item.error(), errors);
                rejected.add(new Rejected(problem, origin.topic(), origin.partition(), origin.offset(), position, origin.key(),
                        items.get(item.index()).toString()));
            }
        }
        return new Outcome(result.accepted(), result.duplicates(), rejected);
    }

    /** Profile records, each admitted on its own (as {@code POST /api/v1/profiles} does). */
    public Outcome profiles(List<Incoming> records) {
        List<Rejected> rejected = new ArrayList<>();
        int written = 0;
        for (Incoming record : records) {
            Items read = read(record, rejected);
            if (read == null) {
                continue;
            }
            List<JsonNode> found = read.items();
            boolean batch = read.batch();
            for (int i = 0; i < found.size(); i++) {
                Integer position = batch ? i : null;
                try {
                    admit(found.get(i));
                    written++;
                } catch (ApiException e) {
                    Problem problem = e.toProblem();
                    if (position != null) {
                        problem = Problem.of(problem.status(), slug(problem), problem.title(), problem.detail(),
                                problem.errors().stream().map(f -> new FieldError("items[" + position + "]." + f.field(), f.message())).toList());
                    }
                    rejected.add(new Rejected(problem, record.topic(), record.partition(), record.offset(), position, record.key(),
                            found.get(i).toString()));
                } catch (IllegalArgumentException e) {
                    rejected.add(new Rejected(malformed(position == null ? "body" : "items[" + position + "]", e.getMessage()), record.topic(),
                            record.partition(), record.offset(), position, record.key(), found.get(i).toString()));
                }
            }
        }
        return new Outcome(written, 0, rejected);
    }

    private void admit(JsonNode body) {
        ProfileRequest request = json.convertValue(body, ProfileRequest.class);
        List<FieldError> errors = new ArrayList<>();
        ProfileSubmission submission = null;
        try {
            submission = profileRequests.validate(request);
        } catch (dev.kreis.platform.api.InvalidInputException e) {
            errors.addAll(e.errors());
        }
        List<ConsentDecision> consents = request == null || request.consents() == null ? List.of()
                : consentRequests.read("consents", request.consents(), submission == null ? "unknown" : submission.source(), errors);
        if (!errors.isEmpty()) {
            throw new dev.kreis.platform.api.InvalidInputException(errors);
        }
        admission.admit(submission, request.identifiers(), consents, ACTOR);
    }

    /** The items of a record: one object, or the {@code items} of a batch body; null (and a rejection) when unreadable. */
    private record Items(List<JsonNode> items, boolean batch) {
    }

    private Items read(Incoming record, List<Rejected> rejected) {
        JsonNode body;
        try {
            body = record.value() == null ? null : json.readTree(record.value());
        } catch (java.io.IOException e) {
            rejected.add(new Rejected(malformed("body", "is not JSON: " + firstLine(e.getMessage())), record.topic(), record.partition(),
                    record.offset(), null, record.key(), record.value()));
            return null;
        }
        if (body == null || !body.isObject()) {
            rejected.add(new Rejected(malformed("body", "must be a JSON object"), record.topic(), record.partition(), record.offset(), null,
                    record.key(), record.value()));
            return null;
        }
        JsonNode items = body.get("items");
        if (items == null) {
            return new Items(List.of(body), false);
        }
        if (!items.isArray() || items.isEmpty()) {
            rejected.add(new Rejected(Problem.of(422, "invalid-input", "Invalid input", "items: must be a non-empty array",
                    List.of(new FieldError("items", "must be a non-empty array"))), record.topic(), record.partition(), record.offset(), null,
                    record.key(), record.value()));
            return null;
        }
        List<JsonNode> list = new ArrayList<>(items.size());
        items.forEach(list::add);
        return new Items(list, true);
    }

    private static Problem malformed(String field, String message) {
        return Problem.of(400, "malformed-request", "Malformed request", field + ": " + message, List.of(new FieldError(field, message)));
    }

    private static String slug(Problem problem) {
        return problem.type().substring(problem.type().lastIndexOf('/') + 1);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
