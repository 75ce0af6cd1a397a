package dev.kreis.platform.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jboss.logging.Logger;

import dev.kreis.platform.sync.persistence.SyncRecordRepository;
import dev.kreis.spi.connector.ConnectorException;
import dev.kreis.spi.connector.ConnectorSession;
import dev.kreis.spi.connector.CrmObject;
import dev.kreis.spi.connector.CrmRecord;
import dev.kreis.spi.connector.ErrorKind;
import dev.kreis.spi.connector.WebhookEvent;
import dev.kreis.spi.connector.WebhookRequest;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Webhooks from a CRM: the connector verifies the signature and freshness (a refused request changes
 * nothing), events already seen are dropped, and the records named are read from the CRM and applied at
 * once on a worker, without waiting for the schedule. A record applied this way closes its pull dead letter.
 */
@ApplicationScoped
public class Webhooks {
    private static final Logger LOG = Logger.getLogger(Webhooks.class);
    private static final int MAX_EVENTS = 1000;

    private final Connections connections;
    private final SyncRecordRepository records;
    private final RecordApplier applier;
    private final DeadLetters deadLetters;
    private final VendorCalls calls;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kreis-sync-webhooks");
        thread.setDaemon(true);
        return thread;
    });

    Webhooks(Connections connections, SyncRecordRepository records, RecordApplier applier, DeadLetters deadLetters, VendorCalls calls, Clock clock) {
        this.connections = connections;
        this.records = records;
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.calls = calls;
        this.clock = clock;
    }

    /** A webhook request whose signature or time is not right: answered 401. */
    public static class RefusedWebhookException extends dev.kreis.platform.api.ApiException {
        RefusedWebhookException(String message) {
            super(401, "webhook-refused", "Webhook refused", message, List.of());
        }
    }

    /** Verifies and accepts a webhook request; answers how many new events will be applied. An unknown connection is refused like a forgery. */
    public int accept(UUID connectionId, WebhookRequest request) {
        Connection connection;
        try {
            connection = connections.require(connectionId);
        } catch (UnknownConnectionException e) {
            // an unauthenticated caller learns nothing about which connections exist
            throw new RefusedWebhookException("the request is not signed by a connection of this installation");
        }
        List<WebhookEvent> events;
        try (ConnectorSession session = connections.connector(connection).open(connections.config(connection))) {
            events = session.verifyWebhook(request);
        } catch (ConnectorException e) {
            if (e.kind() == ErrorKind.AUTH) {
                throw new RefusedWebhookException(e.getMessage());
            }
            throw new dev.kreis.platform.api.InvalidInputException("body", e.getMessage());
        }
        if (events.size() > MAX_EVENTS) {
            throw new dev.kreis.platform.api.InvalidInputException("body", "must hold at most " + MAX_EVENTS + " events");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, List<String>> byObject = new LinkedHashMap<>();
        for (WebhookEvent event : events) {
            if (records.firstSight(connectionId, event.eventId(), now)) {
                List<String> ids = byObject.computeIfAbsent(event.object(), o -> new ArrayList<>());
                if (!ids.contains(event.recordId())) {
                    ids.add(event.recordId());
                }
            }
        }
        records.pruneWebhookEvents(now.minus(Duration.ofDays(1)));
        int accepted = byObject.values().stream().mapToInt(List::size).sum();
        if (accepted > 0) {
            executor.submit(() -> apply(connection, byObject));
        }
        return accepted;
    }

    private void apply(Connection connection, Map<String, List<String>> byObject) {
        try (ConnectorSession session = connections.connector(connection).open(connections.config(connection))) {
            for (Map.Entry<String, List<String>> entry : byObject.entrySet()) {
                CrmObject object = connections.descriptor(connection).object(entry.getKey()).orElse(null);
                if (object == null) {
                    continue;
                }
                List<String> ids = entry.getValue();
                for (int from = 0; from < ids.size(); from += session.maxBatch()) {
                    List<String> chunk = ids.subList(from, Math.min(ids.size(), from + session.maxBatch()));
                    List<CrmRecord> current = calls.call(session, () -> session.read(object.name(), chunk));
                    Map<String, Map<String, String>> pushed = records.pushedValues(connection.id(), object.name(), chunk);
                    List<String> applied = new ArrayList<>();
                    for (CrmRecord record : current) {
                        try {
                            applier.apply(connection, object, record, pushed.getOrDefault(record.id(), Map.of()));
                            applied.add(record.id());
                        } catch (RuntimeException e) {
                            deadLetters.deadLetter(connection.id(), object.name(), record.id(), DeadLetters.PULL, record, e, 1, null);
                        }
                    }
                    deadLetters.resolve(connection.id(), object.name(), DeadLetters.PULL, applied);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Webhook events of connection %s could not be applied; the next scheduled run reads them: %s", connection.id(),
                    e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }
}
