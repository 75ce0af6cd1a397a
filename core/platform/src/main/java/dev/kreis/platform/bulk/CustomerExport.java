package dev.kreis.platform.bulk;

import dev.kreis.platform.customer.api.CustomerListFilter;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.customer.CustomerDirectory;
import dev.kreis.platform.customer.CustomerSummary;
import dev.kreis.platform.customer.CustomerView;
import dev.kreis.platform.customer.GoldenAttribute;
import dev.kreis.platform.identity.persistence.CustomerClusterRepository;
import dev.kreis.platform.journey.JourneyWindow;
import dev.kreis.platform.journey.Journeys;
import dev.kreis.platform.storage.Jdbc;
import dev.kreis.platform.storage.ReadJdbc;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The customer list as CSV: the customers the list's search {@code q} finds (all without one), page by
 * page so that no more than one page is in memory, each with its golden attributes (the common ones as
 * columns, all of them as JSON), identifiers, current journey phase, last NPS and CSAT answer and how many
 * sources know it.
 */
@ApplicationScoped
public class CustomerExport {
    private static final int PAGE = 200;
    private static final List<String> COMMON = List.of("firstName", "lastName", "name", "company", "city");

    private final CustomerDirectory directory;
    private final CustomerClusterRepository clusters;
    private final Journeys journeys;
    private final ReadJdbc jdbc;
    private final ObjectMapper json;

    CustomerExport(CustomerDirectory directory, CustomerClusterRepository clusters, Journeys journeys, ReadJdbc jdbc, ObjectMapper json) {
        this.directory = directory;
        this.clusters = clusters;
        this.journeys = journeys;
        this.jdbc = jdbc;
        this.json = json;
    }

    public void write(CustomerListFilter filter, CsvExport.ExportLanguage language, OutputStream out) {
        try (CsvExport csv = new CsvExport(out, language)) {
            csv.header("id", "ID", "kind", "Art", "displayName", "Anzeigename", "email", "E-Mail", "phone", "Telefon", "firstName", "Vorname",
                    "lastName", "Nachname", "name", "Name", "company", "Firma", "city", "Ort", "journeyPhase", "Journey-Phase", "lastNps",
                    "Letzter NPS", "lastCsat", "Letzter CSAT", "sourceCount", "Anzahl Quellen", "identifiers", "Identifikatoren",
                    "attributes", "Attribute", "createdAt", "Angelegt am");
            Cursor cursor = null;
            do {
                Page<CustomerSummary> page = directory.search(filter.q(), filter.kind(), filter.source(), cursor, PAGE);
                for (CustomerSummary summary : page.items()) {
                    row(csv, directory.view(summary.id()));
                }
                cursor = page.nextCursor() == null ? null : Cursor.decode(page.nextCursor());
            } while (cursor != null);
        }
    }

    private void row(CsvExport csv, CustomerView customer) {
        csv.text(customer.id().toString()).text(customer.kind()).text(customer.displayName())
                .text(first(customer, "email")).text(first(customer, "phone"));
        COMMON.forEach(name -> csv.text(text(customer.attributes().get(name))));
        csv.text(journeys.of(customer.id(), JourneyWindow.always()).currentPhase().map(p -> p.wire()).orElse(null));
        List<UUID> all = clusters.withMergedInto(customer.id());
        csv.number(lastScore(all, "feedback.nps").orElse(null)).number(lastScore(all, "feedback.csat").orElse(null));
        csv.number(customer.profiles().stream().map(CustomerView.ProfileView::source).distinct().count());
        csv.text(String.join(" ", customer.identifiers().stream().map(i -> i.type() + ":" + (i.system() == null || i.system().isEmpty() ? ""
                : i.system() + ":") + i.value()).distinct().toList()));
        Map<String, JsonNode> values = new HashMap<>();
        customer.attributes().forEach((name, golden) -> values.put(name, golden.value()));
        csv.text(write(values)).text(customer.createdAt().toString());
        csv.end();
    }

    private Optional<BigDecimal> lastScore(List<UUID> customers, String type) {
        List<Object> params = new java.util.ArrayList<>(customers);
        params.add(type);
        return jdbc.queryOne("select t.score from touchpoint t join profile p on p.id = t.profile_id where p.customer_id in ("
                + Jdbc.markers(customers.size()) + ") and t.type = ? and t.score is not null order by t.occurred_at desc limit 1",
                r -> r.getBigDecimal(1), params.toArray());
    }

    private static String first(CustomerView customer, String type) {
        return customer.identifiers().stream().filter(i -> i.type().equals(type)).map(CustomerView.IdentifierView::value).findFirst().orElse(null);
    }

    private static String text(GoldenAttribute attribute) {
        return attribute == null || attribute.value() == null || attribute.value().isNull() ? null
                : attribute.value().isValueNode() ? attribute.value().asText() : attribute.value().toString();
    }

    private String write(Map<String, JsonNode> values) {
        try {
            return json.writeValueAsString(new java.util.TreeMap<>(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
