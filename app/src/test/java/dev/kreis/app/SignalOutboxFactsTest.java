package dev.kreis.app;

import static dev.kreis.app.Fixtures.postJson;
import static dev.kreis.app.Fixtures.touchpointFor;
import static dev.kreis.app.Signals.ago;
import static dev.kreis.app.Signals.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.kreis.platform.signal.TouchpointFact;
import dev.kreis.platform.signal.persistence.SignalStateRepository;
import dev.kreis.platform.signal.persistence.SignalStateRepository.Queued;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The signal worker reads the touchpoints of its outbox entries by the month each occurred in (on PostgreSQL one
 * monthly partition per read): entries of several months read together each find their touchpoint, and an entry
 * whose touchpoint is gone finds none. Queued, read and removed in one transaction, so no worker sees them.
 */
@QuarkusTest
class SignalOutboxFactsTest {
    @Inject
    SignalStateRepository state;

    @Test
    void entriesOfSeveralMonthsEachFindTheirTouchpointAndAGoneOneFindsNone() {
        UUID anna = customer();
        List<String> times = List.of(ago(Duration.ofMinutes(5)), ago(Duration.ofDays(40)), ago(Duration.ofDays(100)), ago(Duration.ofDays(400)));
        List<Map<String, Object>> items = new ArrayList<>();
        times.forEach(at -> items.add(touchpointFor(anna).source("signals").type("core.interaction").occurredAt(at).json()));
        List<String> ids = postJson("/api/v1/touchpoints/batch", Map.of("items", items)).then().statusCode(200).extract()
                .jsonPath().getList("results.touchpointId", String.class);
        assertEquals(4, ids.size());
        List<Queued> queued = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            queued.add(new Queued(UUID.fromString(ids.get(i)), OffsetDateTime.parse(times.get(i))));
        }
        Queued gone = new Queued(UUID.randomUUID(), OffsetDateTime.parse(times.get(1)));
        queued.add(gone);
        List<UUID> all = queued.stream().map(Queued::touchpointId).toList();

        Map<UUID, OffsetDateTime> found = QuarkusTransaction.requiringNew().call(() -> {
            state.enqueue(queued, OffsetDateTime.now());
            List<TouchpointFact> facts = state.facts(all);
            state.remove(all);
            return facts.stream().collect(Collectors.toMap(TouchpointFact::id, TouchpointFact::occurredAt));
        });

        assertEquals(4, found.size(), "one fact per touchpoint, none for the one that is gone: " + found);
        for (Queued entry : queued.subList(0, 4)) {
            assertEquals(entry.occurredAt().toInstant(), found.get(entry.touchpointId()).toInstant());
        }
    }
}
