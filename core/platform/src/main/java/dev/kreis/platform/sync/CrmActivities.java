package dev.kreis.platform.sync;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.kreis.platform.identity.persistence.ProfileRepository;
import dev.kreis.platform.identity.persistence.ProfileRow;
import dev.kreis.platform.module.ModuleStates;
import dev.kreis.platform.touchpoint.IngestResult;
import dev.kreis.platform.touchpoint.TouchpointIngestion;
import dev.kreis.spi.connector.ConnectorDescriptor;
import dev.kreis.spi.connector.ConnectorException;
import dev.kreis.spi.connector.CrmActivity;
import dev.kreis.spi.connector.CrmActivityReceiver;
import dev.kreis.spi.connector.CrmObject;
import dev.kreis.spi.connector.CrmRecord;
import dev.kreis.spi.connector.ErrorKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Turns a CRM deal, ticket, opportunity or case (an object that {@link CrmObject.Becomes#TOUCHPOINT}) into
 * touchpoints on the customer of its associated person (else of its associated organisation): one when it
 * was opened ({@code <object>/<id>/opened}) and one when it closed ({@code <object>/<id>/won|lost|closed}).
 * Touchpoints are idempotent on {@code (source, externalId)}, so a re-sync never doubles them.
 *
 * <p>Which kind of activity an object is, and what its fields mean, comes from the attributes its fields
 * map to (documented in docs/connectors.md): {@code title}, {@code amount}, {@code stage}, {@code createdAt},
 * {@code closedAt}, {@code closed} and {@code won} ({@code true}/{@code false}). An object with a field
 * mapped to {@code won} is a deal, any other a ticket. Deals become the sales module's touchpoint types when
 * that module is enabled ({@code sales.deal_created|deal_won|deal_lost}), tickets the support module's
 * ({@code support.ticket_opened|ticket_resolved}); otherwise {@code core.interaction} in the fitting journey
 * phase. Installed modules that implement {@link CrmActivityReceiver} then receive the record as well.
 */
@ApplicationScoped
public class CrmActivities {
    static final String SALES = "sales";
    static final String SUPPORT = "support";

    private final ProfileRepository profiles;
    private final TouchpointIngestion ingestion;
    private final ModuleStates modules;
    private final Instance<CrmActivityReceiver> receivers;
    private final ObjectMapper json;

    CrmActivities(ProfileRepository profiles, TouchpointIngestion ingestion, ModuleStates modules, Instance<CrmActivityReceiver> receivers,
            ObjectMapper json) {
        this.profiles = profiles;
        this.ingestion = ingestion;
        this.modules = modules;
        this.receivers = receivers;
        this.json = json;
    }

    /** Stores the record's touchpoints; answers whether any was new. */
    public RecordApplier.Applied apply(Connection connection, ConnectorDescriptor descriptor, CrmObject object, CrmRecord record) {
        if (record.deleted()) {
            return RecordApplier.Applied.UNCHANGED;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (FieldMapping mapping : FieldMapping.of(object, connection.settings())) {
            String value = record.fields().get(mapping.field().name());
            if (value != null && !value.isBlank()) {
                values.put(mapping.attribute(), value);
            }
        }
        Optional<UUID> customer = customer(connection, descriptor, record, CrmObject.Becomes.PERSON)
                .or(() -> customer(connection, descriptor, record, CrmObject.Becomes.ORGANISATION));
        if (customer.isEmpty()) {
            throw new ConnectorException(ErrorKind.RETRYABLE, object.name() + " record " + record.id()
                    + " is associated with no person or organisation Kreis knows yet");
        }
        boolean deal = object.fields().stream().anyMatch(f -> "won".equals(f.attribute()));
        boolean closed = "true".equalsIgnoreCase(values.get("closed")) || values.containsKey("closedAt");
        boolean won = "true".equalsIgnoreCase(values.get("won"));
        String status = !closed ? "open" : deal ? (won ? "won" : "lost") : "closed";
        String base = object.name() + "/" + record.id() + "/";
        Instant opened = CrmActivity.time(values.get("createdAt")).orElse(record.modifiedAt());
        boolean created = touchpoint(connection, base + "opened", customer.get(), opened, deal ? SALES : SUPPORT,
                deal ? "sales.deal_created" : "support.ticket_opened", deal ? "consideration" : "retention", object, record, values);
        if (closed) {
            Instant at = closedAt(values, record.modifiedAt());
            String type = deal ? (won ? "sales.deal_won" : "sales.deal_lost") : "support.ticket_resolved";
            String phase = deal ? (won ? "purchase" : "consideration") : "retention";
            created |= touchpoint(connection, base + status, customer.get(), at, deal ? SALES : SUPPORT, type, phase, object, record, values);
        }
        CrmActivity activity = new CrmActivity(connection.source(), object.name(), deal ? CrmActivity.Kind.DEAL : CrmActivity.Kind.TICKET,
                record.id(), customer.get(), record.modifiedAt(), status, Optional.ofNullable(values.get("amount")),
                Optional.ofNullable(values.get("title")), record.fields(), values);
        for (CrmActivityReceiver receiver : receivers) {
            if (modules.isModule(receiver.module()) && modules.permits(receiver.module())) {
                receiver.receive(activity);
            }
        }
        return created ? RecordApplier.Applied.CREATED : RecordApplier.Applied.UNCHANGED;
    }

    private Optional<UUID> customer(Connection connection, ConnectorDescriptor descriptor, CrmRecord record, CrmObject.Becomes becomes) {
        for (CrmObject candidate : descriptor.objects()) {
            if (candidate.becomes() != becomes) {
                continue;
            }
            for (String id : record.associations().getOrDefault(candidate.name(), List.of())) {
                Optional<ProfileRow> profile = profiles.findBySourceAndExternalId(connection.source(), id);
                if (profile.isPresent()) {
                    return Optional.of(profile.get().customerId());
                }
            }
        }
        return Optional.empty();
    }

    private boolean touchpoint(Connection connection, String externalId, UUID customerId, Instant at, String module, String moduleType,
            String phase, CrmObject object, CrmRecord record, Map<String, String> values) {
        boolean byModule = modules.isModule(module) && modules.permits(module);
        ObjectNode item = json.createObjectNode();
        item.put("source", connection.source());
        item.put("externalId", externalId);
        item.put("customerId", customerId.toString());
        item.put("type", byModule ? moduleType : "core.interaction");
        if (!byModule) {
            item.put("phase", phase);
        }
        item.put("occurredAt", at.atOffset(ZoneOffset.UTC).toString());
        ObjectNode payload = item.putObject("payload");
        payload.put("crmObject", object.name()).put("crmRecordId", record.id());
        values.forEach((k, v) -> {
            if (payload.size() < 20 && v.length() <= 500) {
                payload.put(k, v);
            }
        });
        IngestResult.Item result = ingestion.ingest(List.of(item)).results().get(0);
        if (result.status().equals("rejected")) {
            throw new ConnectorException(ErrorKind.VALIDATION, object.name() + " record " + record.id() + " refused as a touchpoint: "
                    + result.error());
        }
        return result.status().equals("accepted");
    }

    /**
     * When a closed record closed: its {@code closedAt}, else its {@code closeDate} (a closed deal's close date), else
     * when the CRM last modified it. The sales and support modules date their deals and tickets by the same rule.
     */
    static Instant closedAt(Map<String, String> values, Instant modifiedAt) {
        return CrmActivity.time(values.get("closedAt")).or(() -> CrmActivity.time(values.get("closeDate"))).orElse(modifiedAt);
    }
}
