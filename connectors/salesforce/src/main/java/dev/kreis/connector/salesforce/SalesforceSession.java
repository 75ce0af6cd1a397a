package dev.kreis.connector.salesforce;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.kreis.spi.connector.ChangePage;
import dev.kreis.spi.connector.ChangeQuery;
import dev.kreis.spi.connector.ConnectionConfig;
import dev.kreis.spi.connector.ConnectorDescriptor;
import dev.kreis.spi.connector.ConnectorException;
import dev.kreis.spi.connector.ConnectorSession;
import dev.kreis.spi.connector.CrmField;
import dev.kreis.spi.connector.CrmObject;
import dev.kreis.spi.connector.CrmRecord;
import dev.kreis.spi.connector.ErasureOutcome;
import dev.kreis.spi.connector.ErrorKind;
import dev.kreis.spi.connector.ObjectAccess;
import dev.kreis.spi.connector.RateLimitState;
import dev.kreis.spi.connector.RecordUpsert;
import dev.kreis.spi.connector.WebhookEvent;
import dev.kreis.spi.connector.WebhookRequest;
import dev.kreis.spi.connector.WriteOutcome;

/**
 * One connection's work against Salesforce's REST API.
 *
 * <p>Reading: {@code GET /services/data/vXX.X/queryAll?q=SELECT … ORDER BY SystemModstamp, Id} with
 * {@code SystemModstamp >= } the watermark for an incremental read; {@code queryAll} also answers deleted
 * rows ({@code IsDeleted}), which come back as deleted records
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_queryall.htm). Pages
 * follow {@code nextRecordsUrl} (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_query.htm),
 * their size asked with {@code Sforce-Query-Options: batchSize} (200-2,000). The page cursor is that URL and the
 * newest modification seen: a query locator expires after a while without use, and then the query starts again there.
 *
 * <p>Writing: sObject Collections {@code PATCH /composite/sobjects} with {@code allOrNone:false}, 200 records per
 * call, one result per record in order (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_update.htm).
 * A record without an id is upserted on the {@value SalesforceConnector#CUSTOMER_ID_FIELD} external-id field
 * ({@code PATCH /sobjects/{object}/{field}/{value}}); 300 (several records match) is a conflict
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_upsert.htm).
 * The custom field is created once through the Tooling API when the object's describe lacks it
 * (https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_customfield.htm).
 *
 * <p>Erasure ({@code erasureMode}): {@code delete} (default) deletes the record
 * ({@code DELETE /sobjects/{object}/{id}}); {@code anonymise} blanks the mapped fields and the push fields
 * (required name fields become {@value #ANONYMISED}).
 */
final class SalesforceSession implements ConnectorSession {
    static final int BATCH = 200;
    static final String ANONYMISED = "Erased";
    private static final String INVALID_QUERY_LOCATOR = "INVALID_QUERY_LOCATOR";
    private static final int MIN_PAGE = 200;
    private static final int MAX_PAGE = 2000;
    private static final DateTimeFormatter SOQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SF_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final Set<String> REQUIRED = Set.of("LastName", "Name");

    private final SalesforceHttp http;
    private final ConnectionConfig config;
    private final ConnectorDescriptor descriptor;
    private final Set<String> ensured = new HashSet<>();

    SalesforceSession(SalesforceHttp http, ConnectionConfig config, ConnectorDescriptor descriptor) {
        this.http = http;
        this.config = config;
        this.descriptor = descriptor;
    }

    @Override
    public void refresh() {
        http.refresh();
    }

    /** The object's describe says whether it is {@code queryable} and {@code updateable} for these credentials. */
    @Override
    public List<ObjectAccess> test(List<CrmObject> objects) {
        List<ObjectAccess> result = new ArrayList<>();
        for (CrmObject object : objects) {
            try {
                SalesforceHttp.Answer describe = http.send("GET", http.data() + "/sobjects/" + object.name() + "/describe", null);
                if (describe.status() == 404) {
                    result.add(new ObjectAccess(object.name(), false, false, Optional.of("Salesforce does not know the object")));
                    continue;
                }
                boolean readable = describe.body().path("queryable").asBoolean(false);
                boolean writable = describe.body().path("updateable").asBoolean(false);
                result.add(new ObjectAccess(object.name(), readable, writable, readable && writable ? Optional.empty()
                        : Optional.of("the user may " + (readable ? "read but not update" : "not query") + " " + object.name())));
            } catch (ConnectorException e) {
                result.add(new ObjectAccess(object.name(), false, false, Optional.of(e.getMessage())));
            }
        }
        return result;
    }

    @Override
    public ChangePage changes(ChangeQuery query) {
        CrmObject object = object(query.object());
        int batch = Math.max(MIN_PAGE, Math.min(MAX_PAGE, query.pageSize()));
        Optional<PageCursor> cursor = query.cursor().map(PageCursor::parse);
        Optional<Instant> from = cursor.map(PageCursor::newest).or(query::since);
        JsonNode answer;
        if (cursor.isEmpty()) {
            answer = http.sendQuery(queryPath(object, query.since()), batch).body();
        } else {
            try {
                answer = http.sendQuery(cursor.get().next(), batch).body();
            } catch (ConnectorException e) {
                if (!e.getMessage().contains(INVALID_QUERY_LOCATOR)) {
                    throw e;
                }
                // The locator expired (e.g. a run resumed long after it stopped): query again from the newest modification seen.
                answer = http.sendQuery(queryPath(object, from), batch).body();
            }
        }
        List<CrmRecord> records = records(object, answer.path("records"));
        String next = answer.path("nextRecordsUrl").asText("");
        if (answer.path("done").asBoolean(true) || next.isEmpty()) {
            return new ChangePage(records, Optional.empty());
        }
        Optional<Instant> newest = records.stream().map(CrmRecord::modifiedAt).max(Instant::compareTo).or(() -> from);
        return new ChangePage(records, Optional.of(new PageCursor(newest.orElse(Instant.EPOCH), next).text()));
    }

    private String queryPath(CrmObject object, Optional<Instant> since) {
        return http.data() + "/queryAll?q=" + SalesforceHttp.encode(soql(object, since));
    }

    private static String soql(CrmObject object, Optional<Instant> since) {
        return "SELECT " + String.join(", ", fieldNames(object)) + " FROM " + object.name()
                + since.map(s -> " WHERE SystemModstamp >= " + SOQL_TIME.format(s)).orElse("") + " ORDER BY SystemModstamp ASC, Id ASC";
    }

    @Override
    public List<CrmRecord> read(String objectName, List<String> recordIds) {
        CrmObject object = object(objectName);
        if (recordIds.isEmpty()) {
            return List.of();
        }
        if (recordIds.size() > BATCH) {
            throw new IllegalArgumentException("Salesforce reads hold at most " + BATCH + " records");
        }
        String ids = recordIds.stream().map(SalesforceSession::literal).collect(Collectors.joining(", "));
        String soql = "SELECT " + String.join(", ", fieldNames(object)) + " FROM " + object.name() + " WHERE Id IN (" + ids + ")";
        List<CrmRecord> found = new ArrayList<>();
        Optional<String> path = Optional.of(http.data() + "/queryAll?q=" + SalesforceHttp.encode(soql));
        while (path.isPresent()) {
            JsonNode answer = http.sendQuery(path.get(), MAX_PAGE).body();
            found.addAll(records(object, answer.path("records")));
            String next = answer.path("nextRecordsUrl").asText("");
            path = answer.path("done").asBoolean(true) || next.isEmpty() ? Optional.empty() : Optional.of(next);
        }
        return found;
    }

    @Override
    public List<WriteOutcome> write(String objectName, List<RecordUpsert> upserts) {
        CrmObject object = object(objectName);
        if (upserts.size() > BATCH) {
            throw new IllegalArgumentException("Salesforce collections hold at most " + BATCH + " records");
        }
        List<RecordUpsert> updates = upserts.stream().filter(u -> u.recordId().isPresent()).toList();
        Map<String, WriteOutcome> updated = updates.isEmpty() ? Map.of() : update(object, updates);
        List<WriteOutcome> outcomes = new ArrayList<>();
        for (RecordUpsert upsert : upserts) {
            outcomes.add(upsert.recordId().isPresent() ? updated.get(upsert.recordId().get()) : upsertOnCustomerId(object, upsert));
        }
        return outcomes;
    }

    private Map<String, WriteOutcome> update(CrmObject object, List<RecordUpsert> updates) {
        ObjectNode body = SalesforceHttp.JSON.createObjectNode().put("allOrNone", false);
        ArrayNode records = body.putArray("records");
        for (RecordUpsert upsert : updates) {
            ObjectNode record = records.addObject();
            record.putObject("attributes").put("type", object.name());
            record.put("id", upsert.recordId().get());
            fields(record, upsert.fields());
        }
        JsonNode answer = http.send("PATCH", http.data() + "/composite/sobjects", body).body();
        Map<String, WriteOutcome> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < updates.size(); i++) {
            String id = updates.get(i).recordId().get();
            JsonNode result = answer.path(i);
            if (result.path("success").asBoolean(false)) {
                outcomes.put(id, WriteOutcome.written(id));
            } else if (result.isMissingNode()) {
                outcomes.put(id, WriteOutcome.failed(Optional.of(id), new ConnectorException(ErrorKind.RETRYABLE,
                        "Salesforce did not confirm record " + id)));
            } else {
                outcomes.put(id, WriteOutcome.failed(Optional.of(id), recordError(id, result.path("errors"))));
            }
        }
        return outcomes;
    }

    /** A record error from a result's {@code errors} array of {@code {statusCode|errorCode, message, fields}}. */
    private static ConnectorException recordError(String id, JsonNode errors) {
        JsonNode first = errors.path(0);
        String code = first.path("statusCode").asText(first.path("errorCode").asText("UNKNOWN_EXCEPTION"));
        List<String> fields = new ArrayList<>();
        first.path("fields").forEach(f -> fields.add(f.asText()));
        return new ConnectorException(SalesforceHttp.kind(code), code + " on record " + id + ": " + first.path("message").asText("")
                + (fields.isEmpty() ? "" : " (fields " + String.join(", ", fields) + ")"));
    }

    private WriteOutcome upsertOnCustomerId(CrmObject object, RecordUpsert upsert) {
        String key = upsert.fields().get(SalesforceConnector.CUSTOMER_ID_FIELD);
        if (key == null || key.isBlank()) {
            return WriteOutcome.failed(Optional.empty(), new ConnectorException(ErrorKind.VALIDATION,
                    "a new Salesforce record needs its " + SalesforceConnector.CUSTOMER_ID_FIELD + " to upsert on"));
        }
        ObjectNode body = SalesforceHttp.JSON.createObjectNode();
        Map<String, String> fields = new LinkedHashMap<>(upsert.fields());
        fields.remove(SalesforceConnector.CUSTOMER_ID_FIELD);
        fields(body, fields);
        try {
            JsonNode answer = http.send("PATCH", http.data() + "/sobjects/" + object.name() + "/" + SalesforceConnector.CUSTOMER_ID_FIELD + "/"
                    + SalesforceHttp.encode(key), body).body();
            String id = answer.path("id").asText("");
            return id.isEmpty() ? WriteOutcome.failed(Optional.empty(), new ConnectorException(ErrorKind.RETRYABLE,
                    "Salesforce did not answer the id of the upserted record")) : WriteOutcome.written(id);
        } catch (ConnectorException e) {
            if (e.kind() == ErrorKind.CONFLICT || e.kind() == ErrorKind.VALIDATION) {
                return WriteOutcome.failed(Optional.empty(), e);
            }
            throw e;
        }
    }

    /** Checkbox fields Kreis writes (the opt-outs), sent as JSON booleans. */
    private static final java.util.Set<String> CHECKBOXES = java.util.Set.of("HasOptedOutOfEmail", "DoNotCall");

    private static void fields(ObjectNode record, Map<String, String> fields) {
        fields.forEach((name, value) -> {
            if (value.isEmpty()) {
                record.putNull(name);
            } else if (CHECKBOXES.contains(name)) {
                record.put(name, Boolean.parseBoolean(value));
            } else {
                record.put(name, value);
            }
        });
    }

    /** Creates the push fields the object's describe lacks, as text external-id fields through the Tooling API. */
    @Override
    public void ensurePushFields(CrmObject object) {
        if (object.pushFields().isEmpty() || !ensured.add(object.name())) {
            return;
        }
        JsonNode describe = http.send("GET", http.data() + "/sobjects/" + object.name() + "/describe", null).body();
        Set<String> existing = new HashSet<>();
        describe.path("fields").forEach(f -> existing.add(f.path("name").asText()));
        for (CrmField field : object.pushFields()) {
            if (existing.contains(field.name())) {
                continue;
            }
            ObjectNode body = SalesforceHttp.JSON.createObjectNode().put("FullName", object.name() + "." + field.name());
            body.putObject("Metadata").put("label", "Kreis " + field.attribute().replace("kreis.", "")).put("type", "Text").put("length", 36)
                    .put("externalId", SalesforceConnector.CUSTOMER_ID_FIELD.equals(field.name())).put("unique", false);
            http.send("POST", http.data() + "/tooling/sobjects/CustomField", body);
        }
    }

    @Override
    public ErasureOutcome erase(String objectName, String recordId) {
        CrmObject object = object(objectName);
        String path = http.data() + "/sobjects/" + object.name() + "/" + SalesforceHttp.encode(recordId);
        if ("anonymise".equals(config.setting("erasureMode").orElse("delete"))) {
            ObjectNode body = SalesforceHttp.JSON.createObjectNode();
            object.fields().stream().filter(CrmField::writable).forEach(f -> {
                if (REQUIRED.contains(f.name())) {
                    body.put(f.name(), ANONYMISED);
                } else {
                    body.putNull(f.name());
                }
            });
            object.pushFields().forEach(f -> body.putNull(f.name()));
            SalesforceHttp.Answer answer = http.send("PATCH", path, body);
            return answer.status() == 404 ? new ErasureOutcome("absent", "Salesforce has no such " + object.name() + " any more")
                    : new ErasureOutcome("anonymised", "Salesforce " + object.name() + " fields blanked (erasureMode=anonymise)");
        }
        SalesforceHttp.Answer answer = http.send("DELETE", path, null);
        return answer.status() == 404 ? new ErasureOutcome("absent", "Salesforce has no such " + object.name() + " any more")
                : new ErasureOutcome("deleted", "Salesforce delete of the " + object.name() + " record");
    }

    /** Salesforce's outbound messages and change events are not supported: every webhook request is refused. */
    @Override
    public List<WebhookEvent> verifyWebhook(WebhookRequest request) {
        throw new ConnectorException(ErrorKind.AUTH, "the Salesforce connector takes no webhooks");
    }

    /** Contact's standard fields HasOptedOutOfEmail ("Email Opt Out") and DoNotCall (Salesforce Object Reference, Contact). */
    @Override
    public Map<String, String> optOutFields(String objectName) {
        return SalesforceConnector.CONTACT.equals(objectName) ? Map.of("email", "HasOptedOutOfEmail", "phone", "DoNotCall") : Map.of();
    }

    @Override
    public int maxBatch() {
        return BATCH;
    }

    @Override
    public RateLimitState rateLimit() {
        return http.rateLimit();
    }

    @Override
    public void close() {
        ensured.clear();
    }

    private List<CrmRecord> records(CrmObject object, JsonNode rows) {
        List<CrmRecord> records = new ArrayList<>();
        Set<String> known = new HashSet<>(fieldNames(object));
        for (JsonNode row : rows) {
            Map<String, String> fields = new LinkedHashMap<>();
            row.fields().forEachRemaining(e -> {
                if (known.contains(e.getKey()) && e.getValue().isValueNode() && !e.getValue().isNull()) {
                    fields.put(e.getKey(), e.getValue().asText());
                }
            });
            String account = fields.remove("AccountId");
            String contact = fields.remove("ContactId");
            String master = fields.remove("MasterRecordId");
            fields.remove("Id");
            fields.remove("SystemModstamp");
            fields.remove("IsDeleted");
            Map<String, List<String>> associations = new LinkedHashMap<>();
            if (contact != null) {
                associations.put(SalesforceConnector.CONTACT, List.of(contact));
            }
            if (account != null) {
                associations.put(SalesforceConnector.ACCOUNT, List.of(account));
            }
            boolean deleted = row.path("IsDeleted").asBoolean(false);
            // a record merged away is deleted with MasterRecordId naming the survivor
            // (https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_merge.htm)
            records.add(new CrmRecord(row.path("Id").asText(), instant(row.path("SystemModstamp").asText()), deleted,
                    fields, Map.of(), List.of(), associations, deleted ? Optional.ofNullable(master) : Optional.empty()));
        }
        return records;
    }

    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text, SF_TIME).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.parse(text);
        }
    }

    private CrmObject object(String name) {
        return descriptor.object(name).orElseThrow(() -> new ConnectorException(ErrorKind.VALIDATION, "Salesforce connector has no object " + name));
    }

    private static List<String> fieldNames(CrmObject object) {
        List<String> names = new ArrayList<>(List.of("Id", "SystemModstamp", "IsDeleted"));
        object.fields().forEach(f -> names.add(f.name()));
        object.pushFields().forEach(f -> names.add(f.name()));
        switch (object.name()) {
            case SalesforceConnector.CONTACT -> names.addAll(List.of("AccountId", "MasterRecordId"));
            case SalesforceConnector.ACCOUNT -> names.add("MasterRecordId");
            case SalesforceConnector.OPPORTUNITY, SalesforceConnector.CASE -> names.addAll(List.of("AccountId", "ContactId"));
            default -> {
            }
        }
        return names;
    }

    /**
     * Where a read stands: Salesforce's {@code nextRecordsUrl} and the newest modification seen, from which the
     * query starts again when the URL's query locator has expired. Text: {@code newestMillis|nextRecordsUrl}.
     */
    record PageCursor(Instant newest, String next) {
        static PageCursor parse(String text) {
            String[] parts = text.split("\\|", 2);
            if (parts.length != 2 || !parts[1].startsWith("/services/data/") || !parts[0].matches("-?\\d{1,19}")) {
                throw new ConnectorException(ErrorKind.VALIDATION, "not a Salesforce page cursor: " + text);
            }
            return new PageCursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1]);
        }

        String text() {
            return newest.toEpochMilli() + "|" + next;
        }
    }

    /** A SOQL string literal of a record id; ids are 15 or 18 letters and digits, anything else is refused. */
    private static String literal(String id) {
        if (!id.matches("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}")) {
            throw new ConnectorException(ErrorKind.VALIDATION, "not a Salesforce record id: " + id);
        }
        return "'" + id + "'";
    }
}
