package dev.kreis.platform.touchpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.platform.identity.persistence.CustomerClusterRepository;
import dev.kreis.platform.storage.Jdbc;
import dev.kreis.spi.api.FieldProblem;
import dev.kreis.spi.api.ProblemException;
import dev.kreis.spi.touchpoint.NewTouchpoint;
import dev.kreis.spi.touchpoint.RecordedTouchpoint;
import dev.kreis.spi.touchpoint.TouchpointReader;
import dev.kreis.spi.touchpoint.TouchpointSink;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The SPI's {@link TouchpointSink} and {@link TouchpointReader}. A module's touchpoint goes through
 * {@link TouchpointIngestion} as a one-item ingest (so it joins the caller's transaction and gets every
 * check an API touchpoint gets), with the module's id as its source.
 */
@ApplicationScoped
public class ModuleTouchpoints implements TouchpointSink, TouchpointReader {
    static final int MAX_TYPES = 50;
    private final TouchpointIngestion ingestion;
    private final CustomerClusterRepository clusters;
    private final Jdbc jdbc;
    private final ObjectMapper json;

    ModuleTouchpoints(TouchpointIngestion ingestion, CustomerClusterRepository clusters, Jdbc jdbc, ObjectMapper json) {
        this.ingestion = ingestion;
        this.clusters = clusters;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public RecordedTouchpoint record(String module, NewTouchpoint touchpoint) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(touchpoint, "touchpoint");
        ObjectNode item = json.createObjectNode();
        item.put("source", module);
        item.put("externalId", touchpoint.externalId());
        item.put("customerId", touchpoint.customerId().toString());
        item.put("type", touchpoint.type());
        item.put("occurredAt", touchpoint.occurredAt().atOffset(ZoneOffset.UTC).toString());
        touchpoint.channel().ifPresent(c -> item.put("channel", c.wire()));
        touchpoint.initiator().ifPresent(i -> item.put("initiator", i.wire()));
        touchpoint.score().ifPresent(s -> item.put("score", s));
        touchpoint.amount().ifPresent(a -> item.put("amount", a));
        if (!touchpoint.payload().isEmpty()) {
            item.set("payload", json.valueToTree(touchpoint.payload()));
        }
        IngestResult.Item result = ingestion.ingest(List.of(item)).results().get(0);
        if (result.status().equals("rejected")) {
            List<FieldProblem> problems = new ArrayList<>();
            for (FieldError error : result.errors()) {
                problems.add(new FieldProblem(error.field(), error.message()));
            }
            throw new ProblemException(422, "Touchpoint refused", "The platform refused the touchpoint: " + result.error(), problems);
        }
        return new RecordedTouchpoint(result.touchpointId(), result.customerId(), result.status().equals("duplicate"));
    }

    @Override
    public long count(UUID customerId, Set<String> types, Instant from, Instant to) {
        List<UUID> ids = customers(customerId);
        List<Object> params = new ArrayList<>(ids);
        params.addAll(check(types));
        params.add(from.atOffset(ZoneOffset.UTC));
        params.add(to.atOffset(ZoneOffset.UTC));
        return jdbc.queryOne("select count(*) as n from touchpoint t join profile p on p.id = t.profile_id where p.customer_id in ("
                + Jdbc.markers(ids.size()) + ") and t.type in (" + Jdbc.markers(types.size()) + ") and t.occurred_at >= ? and t.occurred_at < ?",
                row -> row.getLong("n"), params.toArray()).orElse(0L);
    }

    @Override
    public Instant last(UUID customerId, Set<String> types, Instant before) {
        List<UUID> ids = customers(customerId);
        List<Object> params = new ArrayList<>(ids);
        params.addAll(check(types));
        params.add(before.atOffset(ZoneOffset.UTC));
        return jdbc.queryOne("select max(t.occurred_at) as last_at from touchpoint t join profile p on p.id = t.profile_id where p.customer_id in ("
                + Jdbc.markers(ids.size()) + ") and t.type in (" + Jdbc.markers(types.size()) + ") and t.occurred_at < ?",
                row -> java.util.Optional.ofNullable(Jdbc.time(row, "last_at")), params.toArray()).flatMap(time -> time)
                .map(time -> time.toInstant()).orElse(null);
    }

    private List<UUID> customers(UUID customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return clusters.resolve(customerId).map(c -> clusters.withMergedInto(c.id())).orElse(List.of(customerId));
    }

    private static List<String> check(Set<String> types) {
        if (types == null || types.isEmpty() || types.size() > MAX_TYPES) {
            throw new IllegalArgumentException("name 1 to " + MAX_TYPES + " touchpoint types");
        }
        return List.copyOf(types);
    }
}
