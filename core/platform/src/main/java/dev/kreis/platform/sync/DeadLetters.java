package dev.kreis.platform.sync;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.platform.api.ConflictProblem;
import dev.kreis.platform.api.NotFoundProblem;
import dev.kreis.platform.audit.AuditLog;
import dev.kreis.platform.sync.persistence.DeadLetterRepository;
import dev.kreis.spi.connector.ConnectorException;
import dev.kreis.spi.connector.ConnectorSession;
import dev.kreis.spi.connector.CrmObject;
import dev.kreis.spi.connector.CrmRecord;
import dev.kreis.spi.connector.RecordUpsert;
import dev.kreis.spi.connector.WriteOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Records that kept failing, per connection: listed for admins, retried on request (a pulled record is
 * read again from the CRM and applied; a pushed one is written again), or deleted. A letter closes by itself
 * when a later run or webhook applies its record (a pull letter) or a later run writes it (a push letter)
 * successfully: it is deleted, as after a successful retry, and the run counts it in {@code deadLettersResolved}.
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    static final String PULL = "pull";
    static final String PUSH = "push";

    private final DeadLetterRepository repository;
    private final Connections connections;
    private final RecordApplier applier;
    private final VendorCalls calls;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    DeadLetters(DeadLetterRepository repository, Connections connections, RecordApplier applier, VendorCalls calls, AuditLog audit,
            ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.connections = connections;
        this.applier = applier;
        this.calls = calls;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Puts a record that failed {@code attempts} times into the dead letters. A record that has a dead letter
     * already keeps that one, with the attempts added and this failure as its latest (a scheduled and a manual
     * run, or two nodes, meeting the same broken record leave one letter). {@code runId} is null for a webhook.
     */
    void deadLetter(UUID connectionId, String object, String recordId, String direction, Object payload, RuntimeException error, int attempts,
            UUID runId) {
        OffsetDateTime now = now();
        repository.failed(new DeadLetter(UUID.randomUUID(), connectionId, object, recordId, direction, write(payload), kind(error),
                String.valueOf(error.getMessage()), attempts, now, now, runId));
    }

    /**
     * The records of the object with a letter whose latest failure was in the direction. A pass reads them once, so
     * closing letters costs a statement only for the pages that hold such a record.
     */
    Set<String> open(UUID connectionId, String object, String direction) {
        return repository.records(connectionId, object, direction);
    }

    /** Closes the letters (in the direction) of records applied or written successfully; answers how many it closed. */
    int resolve(UUID connectionId, String object, String direction, Collection<String> recordIds) {
        if (recordIds.isEmpty()) {
            return 0;
        }
        int closed = repository.resolve(connectionId, object, direction, recordIds);
        if (closed > 0) {
            LOG.infof("Closed %d dead letter(s) of connection %s (%s %s): their records were %s successfully", closed, connectionId, direction,
                    object, PULL.equals(direction) ? "applied" : "written");
        }
        return closed;
    }

    public List<DeadLetter> page(UUID connectionId, Optional<UUID> after, int limit) {
        connections.require(connectionId);
        Optional<DeadLetter> position = after.map(id -> require(connectionId, id));
        return repository.page(connectionId, position, limit);
    }

    /** Tries the record again; on success the dead letter is gone, else it counts one more attempt and 409 says why. */
    public void retry(UUID connectionId, UUID id, String actor) {
        DeadLetter letter = require(connectionId, id);
        Connection connection = connections.require(connectionId);
        CrmObject object = connections.descriptor(connection).object(letter.object())
                .orElseThrow(() -> new ConflictProblem("the connector no longer has the object " + letter.object()));
        try (ConnectorSession session = connections.connector(connection).open(connections.config(connection))) {
            if (PULL.equals(letter.direction())) {
                List<CrmRecord> now = calls.call(session, () -> session.read(letter.object(), List.of(letter.recordId())));
                for (CrmRecord record : now) {
                    applier.apply(connection, object, record, Map.of());
                }
            } else {
                RecordUpsert upsert = RecordUpsert.update(letter.recordId(), read(letter.payload()));
                WriteOutcome outcome = calls.call(session, () -> session.write(letter.object(), List.of(upsert))).get(0);
                if (outcome.error().isPresent()) {
                    throw outcome.error().get();
                }
            }
        } catch (RuntimeException e) {
            if (e instanceof NotFoundProblem) {
                throw e;
            }
            repository.failedAgain(id, kind(e), String.valueOf(e.getMessage()), now());
            throw new ConflictProblem("the retry failed again: " + e.getMessage());
        }
        QuarkusTransaction.requiringNew().run(() -> {
            repository.delete(connectionId, id);
            audit.record(actor, "connection.dead-letter-retried", "connection", connectionId.toString(), null,
                    Map.of("deadLetterId", id, "object", letter.object(), "direction", letter.direction()));
        });
    }

    @Transactional
    public void delete(UUID connectionId, UUID id, String actor) {
        DeadLetter letter = require(connectionId, id);
        repository.delete(connectionId, id);
        audit.record(actor, "connection.dead-letter-deleted", "connection", connectionId.toString(), null,
                Map.of("deadLetterId", id, "object", letter.object(), "direction", letter.direction()));
    }

    private DeadLetter require(UUID connectionId, UUID id) {
        return repository.find(connectionId, id).orElseThrow(() -> new NotFoundProblem("dead letter", id));
    }

    private static String kind(RuntimeException e) {
        return e instanceof ConnectorException c ? c.kind().name().toLowerCase(java.util.Locale.ROOT) : "validation";
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a dead letter's payload is a plain value", e);
        }
    }

    private Map<String, String> read(String payload) {
        try {
            return json.readValue(payload, new TypeReference<Map<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a push dead letter holds the fields it wrote", e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
