package dev.kreis.connector.hubspot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * One connection's work against HubSpot's CRM v3 objects API.
 *
 * <p>Reading: a full read lists {@code GET /crm/v3/objects/{type}} with {@code after} paging
 * (https://developers.hubspot.com/docs/api/crm/contacts); an incremental read searches
 * {@code POST /crm/v3/objects/{type}/search} for {@code lastmodifieddate} (companies:
 * {@code hs_lastmodifieddate}) GTE the watermark, ascending (https://developers.hubspot.com/docs/api/crm/search).
 * Search's {@code after} is an offset into results it evaluates anew for every page, so a record modified while a
 * pass pages through moves to the end and shifts the rest: paging on would skip one record for each such change. So each
 * next page restarts the query from the newest modification time of the page before (the records at that time come
 * again and are recognised as seen); only while a whole page shares the query's own time does it page on by offset.
 * That also keeps a pass under search's cap of 10,000 results per query, before which it restarts in any case.
 * Both end with the archived records ({@code archived=true}), which come back as deleted. The page cursor is
 * {@code phase|sinceMillis|after}.
 *
 * <p>Writing: {@code POST /crm/v3/objects/{type}/batch/update} (100 per call; 207 multi-status answers carry
 * per-record errors). Erasure: {@code POST /crm/v3/objects/contacts/gdpr-delete}
 * (https://developers.hubspot.com/docs/api/crm/contacts, "GDPR delete"), companies are archived.
 * Custom properties live in a {@code kreis} property group (https://developers.hubspot.com/docs/api/crm/properties).
 */
final class HubSpotSession implements ConnectorSession {
    static final int SEARCH_CAP = 10_000;
    private static final int BATCH = 100;
    private static final int SEARCH_PAGE = 100;

    private final HubSpotHttp http;
    private final ConnectionConfig config;
    private final ConnectorDescriptor descriptor;
    private final Set<String> ensured = new HashSet<>();

    HubSpotSession(HubSpotHttp http, ConnectionConfig config, ConnectorDescriptor descriptor) {
        this.http = http;
        this.config = config;
        this.descriptor = descriptor;
    }

    @Override
    public void refresh() {
        http.refresh();
    }

    @Override
    public List<ObjectAccess> test(List<CrmObject> objects) {
        List<ObjectAccess> result = new ArrayList<>();
        for (CrmObject object : objects) {
            try {
                HubSpotHttp.Answer read = http.send("GET", "/crm/v3/objects/" + object.name() + "?limit=1", null);
                if (read.status() == 404) {
                    result.add(new ObjectAccess(object.name(), false, false, Optional.of("HubSpot does not know the object")));
                    continue;
                }
                result.add(new ObjectAccess(object.name(), true, writable(object), Optional.empty()));
            } catch (ConnectorException e) {
                result.add(new ObjectAccess(object.name(), false, false, Optional.of(e.getMessage())));
            }
        }
        return result;
    }

    /** An empty batch update is refused for its content (400) when the token may write, and with 403 when it may not. */
    private boolean writable(CrmObject object) {
        try {
            http.send("POST", "/crm/v3/objects/" + object.name() + "/batch/update", HubSpotHttp.JSON.createObjectNode().set("inputs",
                    HubSpotHttp.JSON.createArrayNode()));
            return true;
        } catch (ConnectorException e) {
            return e.status() != 403 && e.status() != 401;
        }
    }

    @Override
    public ChangePage changes(ChangeQuery query) {
        CrmObject object = object(query.object());
        PageCursor cursor = query.cursor().map(PageCursor::parse)
                .orElseGet(() -> query.since().map(s -> new PageCursor("s", s.toEpochMilli(), "0")).orElse(new PageCursor("l", -1, "")));
        int limit = Math.min(query.pageSize(), SEARCH_PAGE);
        return switch (cursor.phase()) {
            case "l" -> list(object, cursor, limit);
            case "s" -> search(object, cursor, limit);
            case "a" -> archived(object, cursor, limit);
            default -> throw new ConnectorException(ErrorKind.VALIDATION, "unknown page cursor phase " + cursor.phase());
        };
    }

    private ChangePage list(CrmObject object, PageCursor cursor, int limit) {
        JsonNode answer = http.send("GET", "/crm/v3/objects/" + object.name() + "?limit=" + limit + "&archived=false&properties="
                + properties(object) + associationsParameter(object) + (cursor.after().isEmpty() ? "" : "&after=" + HubSpotHttp.encode(cursor.after())),
                null).body();
        // the list answers associations itself (associations=...), so a full read needs no second call per page
        List<CrmRecord> records = records(object, answer.path("results"), false);
        String next = answer.path("paging").path("next").path("after").asText("");
        return new ChangePage(records, Optional.of(next.isEmpty() ? new PageCursor("a", -1, "").text() : new PageCursor("l", -1, next).text()));
    }

    private ChangePage search(CrmObject object, PageCursor cursor, int limit) {
        ObjectNode body = HubSpotHttp.JSON.createObjectNode();
        ObjectNode filter = body.putArray("filterGroups").addObject().putArray("filters").addObject();
        filter.put("propertyName", modifiedProperty(object)).put("operator", "GTE").put("value", Long.toString(cursor.since()));
        body.putArray("sorts").addObject().put("propertyName", modifiedProperty(object)).put("direction", "ASCENDING");
        ArrayNode names = body.putArray("properties");
        propertyNames(object).forEach(names::add);
        body.put("limit", limit).put("after", cursor.after());
        JsonNode answer = http.send("POST", "/crm/v3/objects/" + object.name() + "/search", body).body();
        List<CrmRecord> records = withAssociations(object, records(object, answer.path("results"), false));
        String next = answer.path("paging").path("next").path("after").asText("");
        if (next.isEmpty()) {
            return new ChangePage(records, Optional.of(new PageCursor("a", cursor.since(), "").text()));
        }
        long newest = records.stream().map(CrmRecord::modifiedAt).max(Instant::compareTo).map(Instant::toEpochMilli).orElse(cursor.since());
        if (newest > cursor.since() || Long.parseLong(next) + limit > SEARCH_CAP) {
            return new ChangePage(records, Optional.of(new PageCursor("s", newest, "0").text()));
        }
        return new ChangePage(records, Optional.of(new PageCursor("s", cursor.since(), next).text()));
    }

    private ChangePage archived(CrmObject object, PageCursor cursor, int limit) {
        JsonNode answer = http.send("GET", "/crm/v3/objects/" + object.name() + "?limit=" + limit + "&archived=true"
                + (cursor.after().isEmpty() ? "" : "&after=" + HubSpotHttp.encode(cursor.after())), null).body();
        List<CrmRecord> records = records(object, answer.path("results"), true).stream()
                .filter(r -> cursor.since() < 0 || r.modifiedAt().toEpochMilli() >= cursor.since()).toList();
        String next = answer.path("paging").path("next").path("after").asText("");
        return new ChangePage(records, next.isEmpty() ? Optional.empty() : Optional.of(new PageCursor("a", cursor.since(), next).text()));
    }

    @Override
    public List<CrmRecord> read(String objectName, List<String> recordIds) {
        CrmObject object = object(objectName);
        List<CrmRecord> found = new ArrayList<>(withAssociations(object, batchRead(object, recordIds, false)));
        Set<String> seen = found.stream().map(CrmRecord::id).collect(Collectors.toSet());
        List<String> missing = recordIds.stream().filter(id -> !seen.contains(id)).toList();
        if (!missing.isEmpty()) {
            found.addAll(batchRead(object, missing, true));
        }
        return found;
    }

    private List<CrmRecord> batchRead(CrmObject object, List<String> ids, boolean archived) {
        ObjectNode body = HubSpotHttp.JSON.createObjectNode();
        ArrayNode names = body.putArray("properties");
        propertyNames(object).forEach(names::add);
        ArrayNode inputs = body.putArray("inputs");
        ids.forEach(id -> inputs.addObject().put("id", id));
        JsonNode answer = http.send("POST", "/crm/v3/objects/" + object.name() + "/batch/read?archived=" + archived, body).body();
        return records(object, answer.path("results"), archived);
    }

    @Override
    public List<WriteOutcome> write(String objectName, List<RecordUpsert> upserts) {
        if (upserts.size() > BATCH) {
            throw new IllegalArgumentException("HubSpot batches hold at most " + BATCH + " records");
        }
        List<WriteOutcome> outcomes = new ArrayList<>(java.util.Collections.nCopies(upserts.size(), (WriteOutcome) null));
        List<Integer> updates = new ArrayList<>();
        List<Integer> creates = new ArrayList<>();
        for (int i = 0; i < upserts.size(); i++) {
            (upserts.get(i).recordId().isPresent() ? updates : creates).add(i);
        }
        if (!updates.isEmpty()) {
            ObjectNode body = HubSpotHttp.JSON.createObjectNode();
            ArrayNode inputs = body.putArray("inputs");
            for (int i : updates) {
                ObjectNode input = inputs.addObject().put("id", upserts.get(i).recordId().get());
                ObjectNode properties = input.putObject("properties");
                upserts.get(i).fields().forEach(properties::put);
            }
            JsonNode answer = http.send("POST", "/crm/v3/objects/" + objectName + "/batch/update", body).body();
            Map<String, ConnectorException> errors = errors(answer, "ids");
            Set<String> written = new HashSet<>();
            answer.path("results").forEach(r -> written.add(r.path("id").asText()));
            for (int i : updates) {
                String id = upserts.get(i).recordId().get();
                outcomes.set(i, errors.containsKey(id) ? WriteOutcome.failed(Optional.of(id), errors.get(id))
                        : written.contains(id) ? WriteOutcome.written(id)
                        : WriteOutcome.failed(Optional.of(id), new ConnectorException(ErrorKind.RETRYABLE, "HubSpot did not confirm record " + id)));
            }
        }
        if (!creates.isEmpty()) {
            // https://developers.hubspot.com/docs/api/crm/contacts "Create contacts" in batches: POST .../batch/create with
            // inputs [{properties, objectWriteTraceId}]; results and errors name the trace id, so each new id finds its input
            ObjectNode body = HubSpotHttp.JSON.createObjectNode();
            ArrayNode inputs = body.putArray("inputs");
            for (int i : creates) {
                ObjectNode input = inputs.addObject().put("objectWriteTraceId", Integer.toString(i));
                ObjectNode properties = input.putObject("properties");
                upserts.get(i).fields().forEach(properties::put);
            }
            JsonNode answer = http.send("POST", "/crm/v3/objects/" + objectName + "/batch/create", body).body();
            Map<String, ConnectorException> errors = errors(answer, "objectWriteTraceId");
            Map<String, String> created = new HashMap<>();
            answer.path("results").forEach(r -> created.put(r.path("objectWriteTraceId").asText(), r.path("id").asText()));
            for (int i : creates) {
                String trace = Integer.toString(i);
                outcomes.set(i, created.containsKey(trace) ? WriteOutcome.written(created.get(trace))
                        : WriteOutcome.failed(Optional.empty(), errors.getOrDefault(trace,
                                new ConnectorException(ErrorKind.RETRYABLE, "HubSpot did not confirm the new record"))));
            }
        }
        return outcomes;
    }

    /** The per-record errors of a 207 multi-status answer, by the id or trace id their context names. */
    private static Map<String, ConnectorException> errors(JsonNode answer, String contextKey) {
        Map<String, ConnectorException> errors = new HashMap<>();
        for (JsonNode error : answer.path("errors")) {
            ConnectorException failure = new ConnectorException(error.path("category").asText("").contains("CONFLICT") ? ErrorKind.CONFLICT
                    : ErrorKind.VALIDATION, error.path("category").asText("ERROR") + ": " + error.path("message").asText(""));
            for (JsonNode id : error.path("context").path(contextKey)) {
                errors.put(id.asText(), failure);
            }
        }
        return errors;
    }

    @Override
    public void ensurePushFields(CrmObject object) {
        if (!ensured.add(object.name())) {
            return;
        }
        String properties = "/crm/v3/properties/" + object.name();
        if (http.send("GET", properties + "/groups/kreis", null).status() == 404) {
            http.send("POST", properties + "/groups", HubSpotHttp.JSON.createObjectNode().put("name", "kreis").put("label", "Kreis"));
        }
        for (CrmField field : object.pushFields()) {
            if (http.send("GET", properties + "/" + field.name(), null).status() == 404) {
                http.send("POST", properties, HubSpotHttp.JSON.createObjectNode().put("name", field.name()).put("label", label(field))
                        .put("type", "string").put("fieldType", "text").put("groupName", "kreis"));
            }
        }
    }

    @Override
    public ErasureOutcome erase(String objectName, String recordId) {
        if (HubSpotConnector.CONTACTS.equals(objectName)) {
            HubSpotHttp.Answer answer = http.send("POST", "/crm/v3/objects/contacts/gdpr-delete",
                    HubSpotHttp.JSON.createObjectNode().put("objectId", recordId));
            return answer.status() == 404 ? new ErasureOutcome("absent", "HubSpot has no such contact any more")
                    : new ErasureOutcome("deleted", "HubSpot GDPR delete");
        }
        HubSpotHttp.Answer answer = http.send("DELETE", "/crm/v3/objects/" + objectName + "/" + HubSpotHttp.encode(recordId), null);
        return answer.status() == 404 ? new ErasureOutcome("absent", "HubSpot has no such record any more")
                : new ErasureOutcome("deleted", "HubSpot archive of the " + objectName + " record");
    }

    @Override
    public List<WebhookEvent> verifyWebhook(WebhookRequest request) {
        return HubSpotWebhooks.verify(request, config.credential("clientSecret"), Instant.now(config.clock()));
    }

    /** https://knowledge.hubspot.com/properties/hubspots-default-contact-properties: "Unsubscribed from all email". */
    @Override
    public Map<String, String> optOutFields(String objectName) {
        return HubSpotConnector.CONTACTS.equals(objectName) ? Map.of("email", "hs_email_optout") : Map.of();
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

    private List<CrmRecord> records(CrmObject object, JsonNode results, boolean archived) {
        List<CrmRecord> records = new ArrayList<>();
        for (JsonNode result : results) {
            Map<String, String> fields = new LinkedHashMap<>();
            result.path("properties").fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    fields.put(e.getKey(), e.getValue().asText());
                }
            });
            String modified = archived ? result.path("archivedAt").asText(result.path("updatedAt").asText())
                    : Optional.ofNullable(fields.get(modifiedProperty(object))).orElse(result.path("updatedAt").asText());
            List<String> merged = Optional.ofNullable(fields.get("hs_merged_object_ids")).map(v -> List.of(v.split(";"))).orElse(List.of());
            Map<String, List<String>> associations = new LinkedHashMap<>();
            result.path("associations").fields().forEachRemaining(e -> {
                List<String> ids = new ArrayList<>();
                e.getValue().path("results").forEach(a -> ids.add(a.path("id").asText()));
                associations.put(e.getKey(), ids);
            });
            records.add(new CrmRecord(result.path("id").asText(), instant(modified), archived || result.path("archived").asBoolean(false),
                    fields, Map.of(), merged, associations));
        }
        return records;
    }

    private static Instant instant(String text) {
        if (text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        return Instant.parse(text);
    }

    private CrmObject object(String name) {
        return descriptor.object(name).orElseThrow(() -> new ConnectorException(ErrorKind.VALIDATION, "HubSpot connector has no object " + name));
    }

    static String modifiedProperty(CrmObject object) {
        return HubSpotConnector.CONTACTS.equals(object.name()) ? "lastmodifieddate" : "hs_lastmodifieddate";
    }

    private static List<String> propertyNames(CrmObject object) {
        List<String> names = new ArrayList<>();
        object.fields().forEach(f -> names.add(f.name()));
        object.pushFields().forEach(f -> names.add(f.name()));
        names.add(modifiedProperty(object));
        names.add("hs_merged_object_ids");
        return names;
    }

    private static String properties(CrmObject object) {
        return HubSpotHttp.encode(String.join(",", propertyNames(object)));
    }

    /** The objects whose associations a record of this object needs: a contact's companies, a deal's or ticket's contacts and companies. */
    private static List<String> associated(CrmObject object) {
        return switch (object.name()) {
            case HubSpotConnector.CONTACTS -> List.of(HubSpotConnector.COMPANIES);
            case HubSpotConnector.DEALS, HubSpotConnector.TICKETS -> List.of(HubSpotConnector.CONTACTS, HubSpotConnector.COMPANIES);
            default -> List.of();
        };
    }

    /** {@code &associations=...} for a list read (https://developers.hubspot.com/docs/api/crm/contacts: "associations" query parameter). */
    private static String associationsParameter(CrmObject object) {
        List<String> targets = associated(object);
        return targets.isEmpty() ? "" : "&associations=" + HubSpotHttp.encode(String.join(",", targets));
    }

    /**
     * The records with their associations, read in one call per associated object with
     * {@code POST /crm/v4/associations/{fromObjectType}/{toObjectType}/batch/read}
     * (https://developers.hubspot.com/docs/api/crm/associations: inputs {@code [{id}]}, results
     * {@code [{from:{id}, to:[{toObjectId, associationTypes}]}]}); search answers carry no associations.
     */
    private List<CrmRecord> withAssociations(CrmObject object, List<CrmRecord> records) {
        List<String> targets = associated(object);
        if (targets.isEmpty() || records.isEmpty()) {
            return records;
        }
        Map<String, Map<String, List<String>>> byRecord = new HashMap<>();
        for (String target : targets) {
            ObjectNode body = HubSpotHttp.JSON.createObjectNode();
            ArrayNode inputs = body.putArray("inputs");
            records.forEach(r -> inputs.addObject().put("id", r.id()));
            HubSpotHttp.Answer answer = http.send("POST", "/crm/v4/associations/" + object.name() + "/" + target + "/batch/read", body);
            for (JsonNode result : answer.body().path("results")) {
                List<String> ids = new ArrayList<>();
                result.path("to").forEach(to -> ids.add(to.path("toObjectId").asText()));
                byRecord.computeIfAbsent(result.path("from").path("id").asText(), k -> new LinkedHashMap<>()).put(target, ids);
            }
        }
        return records.stream().map(r -> byRecord.containsKey(r.id()) ? new CrmRecord(r.id(), r.modifiedAt(), r.deleted(), r.fields(),
                r.fieldModifiedAt(), r.mergedFrom(), byRecord.get(r.id()), r.mergedInto()) : r).toList();
    }

    private static String label(CrmField field) {
        return "Kreis " + field.attribute().replace("kreis.", "");
    }

    /** Where a read stands: {@code l} listing everything, {@code s} searching since a time, {@code a} archived records. */
    record PageCursor(String phase, long since, String after) {
        static PageCursor parse(String text) {
            String[] parts = text.split("\\|", -1);
            if (parts.length != 3) {
                throw new ConnectorException(ErrorKind.VALIDATION, "not a HubSpot page cursor: " + text);
            }
            return new PageCursor(parts[0], Long.parseLong(parts[1]), parts[2]);
        }

        String text() {
            return phase + "|" + since + "|" + after;
        }
    }
}
