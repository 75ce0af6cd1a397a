package dev.kreis.platform.bulk;

import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.kreis.platform.storage.Jdbc;
import dev.kreis.platform.storage.ReadJdbc;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Touchpoints as CSV, filtered by time, type and module, oldest first, read 1,000 at a time (keyset on
 * occurred-at and id) so that any number of them streams in constant memory. Served by the read replica when one serves.
 */
@ApplicationScoped
public class TouchpointExport {
    private static final int PAGE = 1000;

    private final ReadJdbc jdbc;

    TouchpointExport(ReadJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Which touchpoints to export; every part may be null. */
    public record Filter(OffsetDateTime from, OffsetDateTime to, String type, String module) {
    }

    private record Line(UUID id, UUID customerId, String source, String externalId, String type, String module, String channel,
            String phase, String initiator, OffsetDateTime occurredAt, java.math.BigDecimal score, java.math.BigDecimal amount,
            String currency, String payload) {
    }

    public void write(Filter filter, CsvExport.ExportLanguage language, OutputStream out) {
        try (CsvExport csv = new CsvExport(out, language)) {
            csv.header("id", "ID", "customerId", "Kunden-ID", "source", "Quelle", "externalId", "Externe ID", "type", "Typ", "module", "Modul",
                    "channel", "Kanal", "phase", "Phase", "initiator", "Initiator", "occurredAt", "Zeitpunkt", "score", "Bewertung", "amount",
                    "Betrag", "currency", "Währung", "payload", "Nutzdaten");
            OffsetDateTime afterTime = null;
            UUID afterId = null;
            for (;;) {
                List<Line> page = page(filter, afterTime, afterId);
                for (Line t : page) {
                    csv.text(t.id().toString()).text(t.customerId().toString()).text(t.source()).text(t.externalId()).text(t.type())
                            .text(t.module()).text(t.channel()).text(t.phase()).text(t.initiator()).text(t.occurredAt().toString())
                            .number(t.score()).number(t.amount()).text(t.currency()).text(t.payload());
                    csv.end();
                }
                if (page.size() < PAGE) {
                    return;
                }
                afterTime = page.get(page.size() - 1).occurredAt();
                afterId = page.get(page.size() - 1).id();
            }
        }
    }

    private List<Line> page(Filter filter, OffsetDateTime afterTime, UUID afterId) {
        StringBuilder sql = new StringBuilder("select t.id, p.customer_id, t.source, t.external_id, t.type, t.module, t.channel, t.phase,"
                + " t.initiator, t.occurred_at, t.score, t.amount, t.currency, t.payload from touchpoint t join profile p on p.id = t.profile_id"
                + " where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.from() != null) {
            sql.append(" and t.occurred_at >= ?");
            params.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and t.occurred_at < ?");
            params.add(filter.to());
        }
        if (filter.type() != null) {
            sql.append(" and t.type = ?");
            params.add(filter.type());
        }
        if (filter.module() != null) {
            sql.append(" and t.module = ?");
            params.add(filter.module());
        }
        if (afterTime != null) {
            sql.append(" and (t.occurred_at > ? or (t.occurred_at = ? and t.id > ?))");
            params.add(afterTime);
            params.add(afterTime);
            params.add(afterId);
        }
        sql.append(" order by t.occurred_at, t.id limit ").append(PAGE);
        return jdbc.query(sql.toString(), r -> new Line(Jdbc.uuid(r, "id"), Jdbc.uuid(r, "customer_id"), r.getString("source"),
                r.getString("external_id"), r.getString("type"), r.getString("module"), r.getString("channel"), r.getString("phase"),
                r.getString("initiator"), Jdbc.time(r, "occurred_at"), r.getBigDecimal("score"), r.getBigDecimal("amount"),
                r.getString("currency"), r.getString("payload")), params.toArray());
    }
}
