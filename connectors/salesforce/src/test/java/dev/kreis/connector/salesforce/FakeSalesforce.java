package dev.kreis.connector.salesforce;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-process Salesforce for tests: a login server and an instance server, answering the request and
 * response shapes of Salesforce's public docs.
 * <ul>
 * <li>Token endpoint {@code POST /services/oauth2/token}, refresh-token and client-credentials flows, answering
 * {@code access_token} and {@code instance_url}, refusals as {@code {"error","error_description"}}
 * (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_refresh_token_flow.htm,
 * https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_client_credentials_flow.htm).</li>
 * <li>{@code GET /services/data/vXX.X/queryAll?q=} with deleted rows ({@code IsDeleted}), pages of
 * {@code Sforce-Query-Options: batchSize} records and {@code nextRecordsUrl}
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_queryall.htm,
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_queryoptions.htm).
 * Only the SOQL this connector sends is understood: a field list, {@code FROM}, {@code WHERE SystemModstamp >= }
 * or {@code WHERE Id IN (…)}, ordered by {@code SystemModstamp, Id}.</li>
 * <li>sObject Collections update {@code PATCH /composite/sobjects} (at most 200 records, one SaveResult per
 * record in order, errors as {@code {statusCode, message, fields}})
 * (https://developer.salesforce.com/docs/platform/api-rest/guide/resources-composite-sobjects-collections-update.html).</li>
 * <li>Upsert on an external id {@code PATCH /sobjects/{object}/{field}/{value}}: 201 created, 200 updated,
 * 300 with the matching records' addresses when several match
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_upsert.htm).</li>
 * <li>{@code PATCH} and {@code DELETE /sobjects/{object}/{id}} (204; 404 with an error array), describe
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_describe.htm), and
 * the Tooling API's {@code POST /tooling/sobjects/CustomField}.</li>
 * <li>Errors as arrays of {@code {message, errorCode, fields}}, 401 {@code INVALID_SESSION_ID} for expired
 * sessions (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm), and
 * {@code Sforce-Limit-Info: api-usage=n/15000} on every answer
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_api_usage.htm).</li>
 * </ul>
 * It records every request; {@link #writes()} are the ones that change data.
 */
public final class FakeSalesforce implements AutoCloseable {
    public static final String CLIENT_ID = "sf-client";
    public static final String CLIENT_SECRET = "sf-secret";
    public static final String REFRESH_TOKEN = "sf-refresh";
    public static final long API_LIMIT = 15_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MODSTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final Pattern SOQL = Pattern.compile("SELECT (.+) FROM (\\w+)(?: WHERE (.+?))?(?: ORDER BY .+)?");
    private static final Pattern SINCE = Pattern.compile("SystemModstamp >= (\\S+)");
    private static final Pattern IDS = Pattern.compile("Id IN \\((.+)\\)");
    private static final Pattern VERSIONED = Pattern.compile("/services/data/v(\\d+\\.0)(/.*)");
    private static final Map<String, String> PREFIXES = Map.of("Contact", "003", "Account", "001", "Opportunity", "006", "Case", "500");

    /** A request as received. */
    public record Request(String method, String path, String body, Instant at) {
    }

    private static final class Stored {
        final String id;
        final Map<String, String> fields = new LinkedHashMap<>();
        Instant modified;
        boolean deleted;

        Stored(String id) {
            this.id = id;
        }
    }

    /** A query's result, fixed when it ran, paged through its locator. */
    private record Locator(String object, List<String> fields, List<String> ids, int batchSize) {
    }

    static {
        // The JDK's server writes an answer's headers and body separately; with Nagle's algorithm on, a client that keeps
        // the connection open waits for its delayed ACK (about 40 ms) on every answer. The fake answers without that
        // delay, as the vendor's servers do. The JDK reads this once, when its first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer login;
    private final HttpServer instance;
    private final Clock clock;
    private final Map<String, Map<String, Stored>> objects = new HashMap<>();
    private final Map<String, Set<String>> customFields = new HashMap<>();
    private final Map<String, Locator> locators = Collections.synchronizedMap(new HashMap<>());
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> failingWrites = Collections.synchronizedSet(new HashSet<>());
    private final Set<String> validTokens = Collections.synchronizedSet(new HashSet<>());
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger tokens = new AtomicInteger();
    private final AtomicInteger apiCalls = new AtomicInteger();
    private final AtomicInteger locatorCount = new AtomicInteger();
    private final AtomicInteger callsBeforeExpiry = new AtomicInteger(-1);
    private final AtomicInteger refusedSessions = new AtomicInteger();
    private volatile int maxPage = 2000;
    private volatile long apiLimit = API_LIMIT;

    private FakeSalesforce(Clock clock) throws IOException {
        this.clock = clock;
        login = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        login.createContext("/", this::handleLogin);
        login.start();
        instance = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        instance.createContext("/", this::handleInstance);
        instance.start();
        for (String object : PREFIXES.keySet()) {
            objects.put(object, new TreeMap<>());
            customFields.put(object, new HashSet<>());
        }
    }

    /** A fake on free local ports; its connected app is {@link #CLIENT_ID}/{@link #CLIENT_SECRET}, its refresh token {@link #REFRESH_TOKEN}. */
    public static FakeSalesforce start(Clock clock) {
        try {
            return new FakeSalesforce(clock);
        } catch (IOException e) {
            throw new IllegalStateException("the fake Salesforce could not start", e);
        }
    }

    /** The login address: a connection's {@code baseUrl}. */
    public URI loginUrl() {
        return URI.create("http://127.0.0.1:" + login.getAddress().getPort());
    }

    /** The instance address the token answer names. */
    public URI instanceUrl() {
        return URI.create("http://127.0.0.1:" + instance.getAddress().getPort());
    }

    @Override
    public void close() {
        login.stop(0);
        instance.stop(0);
    }

    // --- test controls ---------------------------------------------------------------------------------------

    /** Adds a record as a Salesforce user would and answers its 18-character id; it is modified now. */
    public synchronized String add(String object, Map<String, String> fields) {
        String id = PREFIXES.get(object) + String.format("%012d", ids.incrementAndGet()) + "AAA";
        Stored stored = new Stored(id);
        stored.fields.putAll(fields);
        stored.modified = now();
        objects.get(object).put(id, stored);
        return id;
    }

    /** Changes a record's fields as a Salesforce user would; it is modified now. */
    public synchronized void change(String object, String id, Map<String, String> fields) {
        Stored stored = objects.get(object).get(id);
        stored.fields.putAll(fields);
        stored.modified = now();
    }

    /** Deletes a record as a Salesforce user would: it goes to the recycle bin, which {@code queryAll} still answers. */
    public synchronized void delete(String object, String id) {
        Stored stored = objects.get(object).get(id);
        stored.deleted = true;
        stored.modified = now();
    }

    /**
     * Merges records as Salesforce's merge does (https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_merge.htm):
     * the losers are deleted with {@code MasterRecordId} set to the master, which is modified too.
     */
    public synchronized void merge(String object, String masterId, List<String> loserIds) {
        Instant at = now();
        for (String id : loserIds) {
            Stored loser = objects.get(object).get(id);
            loser.fields.put("MasterRecordId", masterId);
            loser.deleted = true;
            loser.modified = at;
        }
        objects.get(object).get(masterId).modified = at;
    }

    /** A record's fields, also of a deleted one. */
    public synchronized Optional<Map<String, String>> record(String object, String id) {
        return Optional.ofNullable(objects.get(object).get(id)).map(s -> Collections.unmodifiableMap(new LinkedHashMap<>(s.fields)));
    }

    public synchronized boolean deleted(String object, String id) {
        return Optional.ofNullable(objects.get(object).get(id)).map(s -> s.deleted).orElse(false);
    }

    /** Every session ends: the next data call answers 401 {@code INVALID_SESSION_ID} until a new token is taken. */
    public void expireSessions() {
        validTokens.clear();
    }

    /** After {@code calls} more successful data calls, every session ends once (as when an admin revokes them or they time out). */
    public void expireSessionsAfter(int calls) {
        callsBeforeExpiry.set(calls);
    }

    /** How many data calls were answered 401 {@code INVALID_SESSION_ID}. */
    public int refusedSessions() {
        return refusedSessions.get();
    }

    /** Every open query locator expires: following a {@code nextRecordsUrl} answers 400 {@code INVALID_QUERY_LOCATOR}. */
    public void expireQueryLocators() {
        locators.clear();
    }

    /** Writes to this record fail with a validation error in their SaveResult. */
    public void failWritesTo(String id) {
        failingWrites.add(id);
    }

    public void healWrites() {
        failingWrites.clear();
    }

    /** Query pages hold at most this many records, whatever batch size is asked for. */
    public void maxPage(int records) {
        maxPage = records;
    }

    /** The daily API allocation reported in {@code Sforce-Limit-Info}. */
    public void apiLimit(long limit) {
        apiLimit = limit;
    }

    public synchronized Set<String> customFields(String object) {
        return Set.copyOf(customFields.get(object));
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests to the instance that change data. */
    public List<Request> writes() {
        return requests().stream().filter(r -> !r.method().equals("GET") && !r.path().startsWith("/services/oauth2/")).toList();
    }

    /** The token requests. */
    public List<Request> tokenRequests() {
        return requests().stream().filter(r -> r.path().startsWith("/services/oauth2/token")).toList();
    }

    // --- the login server --------------------------------------------------------------------------------------

    private void handleLogin(HttpExchange exchange) throws IOException {
        String body = body(exchange);
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), body, clock.instant()));
        if (!exchange.getRequestURI().getPath().equals("/services/oauth2/token") || !exchange.getRequestMethod().equals("POST")) {
            send(exchange, 404, errors("NOT_FOUND", "The requested resource does not exist"));
            return;
        }
        Map<String, String> form = form(body);
        boolean client = CLIENT_ID.equals(form.get("client_id")) && CLIENT_SECRET.equals(form.get("client_secret"));
        boolean granted = switch (form.getOrDefault("grant_type", "")) {
            case "refresh_token" -> client && REFRESH_TOKEN.equals(form.get("refresh_token"));
            case "client_credentials" -> client;
            default -> false;
        };
        if (!granted) {
            send(exchange, 400, JSON.createObjectNode().put("error", client ? "invalid_grant" : "invalid_client")
                    .put("error_description", client ? "expired access/refresh token" : "invalid client credentials"));
            return;
        }
        String token = "00Dfake!" + tokens.incrementAndGet();
        validTokens.add(token);
        send(exchange, 200, JSON.createObjectNode().put("access_token", token).put("instance_url", instanceUrl().toString())
                .put("id", loginUrl() + "/id/00Dfake/005fake").put("token_type", "Bearer")
                .put("issued_at", Long.toString(clock.millis())).put("signature", "fake-signature"));
    }

    // --- the instance server -----------------------------------------------------------------------------------

    private void handleInstance(HttpExchange exchange) throws IOException {
        String body = body(exchange);
        URI uri = exchange.getRequestURI();
        String method = exchange.getRequestMethod();
        requests.add(new Request(method, uri.toString(), body, clock.instant()));
        try {
            String header = exchange.getRequestHeaders().getFirst("Authorization");
            if (callsBeforeExpiry.getAndUpdate(n -> n >= 0 ? n - 1 : n) == 0) {
                validTokens.clear();
            }
            if (header == null || !header.startsWith("Bearer ") || !validTokens.contains(header.substring(7))) {
                refusedSessions.incrementAndGet();
                send(exchange, 401, errors("INVALID_SESSION_ID", "Session expired or invalid"));
                return;
            }
            exchange.getResponseHeaders().add("Sforce-Limit-Info", "api-usage=" + apiCalls.incrementAndGet() + "/" + apiLimit);
            Matcher versioned = VERSIONED.matcher(uri.getPath());
            if (!versioned.matches()) {
                send(exchange, 404, errors("NOT_FOUND", "The requested resource does not exist"));
                return;
            }
            route(exchange, method, versioned.group(2), uri, body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body));
        } catch (RuntimeException e) {
            send(exchange, 500, errors("UNKNOWN_EXCEPTION", String.valueOf(e.getMessage())));
        }
    }

    private void route(HttpExchange exchange, String method, String path, URI uri, JsonNode body) throws IOException {
        String[] parts = path.split("/");
        if (method.equals("GET") && path.equals("/queryAll")) {
            query(exchange, query(uri).getOrDefault("q", ""));
        } else if (method.equals("GET") && path.startsWith("/query/")) {
            page(exchange, path.substring("/query/".length()));
        } else if (method.equals("PATCH") && path.equals("/composite/sobjects")) {
            collectionUpdate(exchange, body);
        } else if (method.equals("POST") && path.equals("/tooling/sobjects/CustomField")) {
            customField(exchange, body);
        } else if (parts.length >= 3 && parts[1].equals("sobjects") && objects.containsKey(parts[2])) {
            sobject(exchange, method, parts, body);
        } else if (parts.length >= 3 && parts[1].equals("sobjects")) {
            send(exchange, 404, errors("NOT_FOUND", "The requested resource does not exist"));
        } else {
            send(exchange, 404, errors("NOT_FOUND", "The requested resource does not exist: " + method + " " + path));
        }
    }

    private void query(HttpExchange exchange, String soql) throws IOException {
        Matcher matcher = SOQL.matcher(soql.trim());
        if (!matcher.matches() || !objects.containsKey(matcher.group(2))) {
            send(exchange, 400, errors("MALFORMED_QUERY", "unexpected query: " + soql));
            return;
        }
        String object = matcher.group(2);
        List<String> fields = List.of(matcher.group(1).split(",\\s*"));
        String where = Optional.ofNullable(matcher.group(3)).orElse("");
        Matcher since = SINCE.matcher(where);
        Matcher in = IDS.matcher(where);
        Instant from = since.find() ? Instant.parse(since.group(1)) : Instant.MIN;
        Set<String> only = in.find() ? Set.of(in.group(1).replace("'", "").split(",\\s*")) : null;
        List<String> matching;
        synchronized (this) {
            matching = objects.get(object).values().stream().filter(s -> !s.modified.isBefore(from)).filter(s -> only == null || only.contains(s.id))
                    .sorted(Comparator.comparing((Stored s) -> s.modified).thenComparing(s -> s.id)).map(s -> s.id).toList();
        }
        String batch = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Sforce-Query-Options")).map(v -> v.replace("batchSize=", ""))
                .orElse("2000");
        int size = Math.min(maxPage, Math.max(200, Math.min(2000, Integer.parseInt(batch.trim()))));
        String locator = "01gFAKE" + String.format("%08d", locatorCount.incrementAndGet());
        locators.put(locator, new Locator(object, fields, matching, size));
        send(exchange, 200, answer(locator, 0));
    }

    private void page(HttpExchange exchange, String locatorAndOffset) throws IOException {
        int dash = locatorAndOffset.lastIndexOf('-');
        Locator locator = dash < 0 ? null : locators.get(locatorAndOffset.substring(0, dash));
        if (locator == null) {
            send(exchange, 400, errors("INVALID_QUERY_LOCATOR", "invalid query locator"));
            return;
        }
        send(exchange, 200, answer(locatorAndOffset.substring(0, dash), Integer.parseInt(locatorAndOffset.substring(dash + 1))));
    }

    private synchronized ObjectNode answer(String name, int offset) {
        Locator locator = locators.get(name);
        List<String> page = locator.ids().subList(Math.min(offset, locator.ids().size()), Math.min(offset + locator.batchSize(), locator.ids().size()));
        boolean done = offset + locator.batchSize() >= locator.ids().size();
        ObjectNode answer = JSON.createObjectNode().put("totalSize", locator.ids().size()).put("done", done);
        if (!done) {
            answer.put("nextRecordsUrl", "/services/data/v60.0/query/" + name + "-" + (offset + locator.batchSize()));
        }
        ArrayNode records = answer.putArray("records");
        for (String id : page) {
            Stored stored = objects.get(locator.object()).get(id);
            ObjectNode row = records.addObject();
            row.putObject("attributes").put("type", locator.object()).put("url", "/services/data/v60.0/sobjects/" + locator.object() + "/" + id);
            for (String field : locator.fields()) {
                switch (field) {
                    case "Id" -> row.put("Id", id);
                    case "SystemModstamp" -> row.put("SystemModstamp", MODSTAMP.format(stored.modified));
                    case "IsDeleted" -> row.put("IsDeleted", stored.deleted);
                    default -> {
                        String value = stored.fields.get(field);
                        if (value == null) {
                            row.putNull(field);
                        } else {
                            row.put(field, value);
                        }
                    }
                }
            }
        }
        return answer;
    }

    private void collectionUpdate(HttpExchange exchange, JsonNode body) throws IOException {
        JsonNode records = body.path("records");
        if (!records.isArray() || records.isEmpty() || records.size() > 200) {
            send(exchange, 400, errors("INVALID_FIELD", "records must hold 1 to 200 sObjects"));
            return;
        }
        ArrayNode results = JSON.createArrayNode();
        synchronized (this) {
            for (JsonNode record : records) {
                String object = record.path("attributes").path("type").asText();
                String id = record.path("id").asText();
                Stored stored = objects.getOrDefault(object, Map.of()).get(id);
                Optional<String> unknown = unknownField(object, record);
                if (stored == null || stored.deleted) {
                    results.add(failure(stored == null ? "MALFORMED_ID" : "ENTITY_IS_DELETED", "entity is deleted or does not exist: " + id, List.of()));
                } else if (failingWrites.contains(id)) {
                    results.add(failure("FIELD_CUSTOM_VALIDATION_EXCEPTION", "The record failed a validation rule", List.of("Email")));
                } else if (unknown.isPresent()) {
                    results.add(failure("INVALID_FIELD", "No such column '" + unknown.get() + "' on sobject of type " + object, List.of(unknown.get())));
                } else {
                    apply(stored, record);
                    results.addObject().put("id", id).put("success", true).putArray("errors");
                }
            }
        }
        send(exchange, 200, results);
    }

    private void sobject(HttpExchange exchange, String method, String[] parts, JsonNode body) throws IOException {
        String object = parts[2];
        if (parts.length == 4 && parts[3].equals("describe") && method.equals("GET")) {
            ObjectNode describe = JSON.createObjectNode().put("name", object).put("queryable", true).put("updateable", true);
            ArrayNode fields = describe.putArray("fields");
            synchronized (this) {
                for (String name : List.of("Id", "SystemModstamp", "IsDeleted")) {
                    fields.addObject().put("name", name);
                }
                customFields.get(object).forEach(f -> fields.addObject().put("name", f));
            }
            send(exchange, 200, describe);
            return;
        }
        if (parts.length == 5 && method.equals("PATCH")) {
            upsert(exchange, object, parts[3], URLDecoder.decode(parts[4], StandardCharsets.UTF_8), body);
            return;
        }
        if (parts.length != 4 || !(method.equals("PATCH") || method.equals("DELETE"))) {
            send(exchange, 404, errors("NOT_FOUND", "The requested resource does not exist"));
            return;
        }
        synchronized (this) {
            Stored stored = objects.get(object).get(parts[3]);
            if (stored == null || stored.deleted) {
                send(exchange, 404, errors(stored == null ? "NOT_FOUND" : "ENTITY_IS_DELETED", "The requested resource does not exist"));
                return;
            }
            if (method.equals("DELETE")) {
                stored.deleted = true;
                stored.modified = now();
            } else {
                apply(stored, body);
            }
        }
        send(exchange, 204, null);
    }

    private void upsert(HttpExchange exchange, String object, String field, String value, JsonNode body) throws IOException {
        ObjectNode answer;
        int status;
        synchronized (this) {
            if (!customFields.get(object).contains(field)) {
                send(exchange, 404, errors("NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + field));
                return;
            }
            List<Stored> matching = objects.get(object).values().stream().filter(s -> !s.deleted && value.equals(s.fields.get(field))).toList();
            if (matching.size() > 1) {
                ArrayNode urls = JSON.createArrayNode();
                matching.forEach(s -> urls.add("/services/data/v60.0/sobjects/" + object + "/" + s.id));
                send(exchange, 300, urls);
                return;
            }
            Stored stored = matching.isEmpty() ? null : matching.get(0);
            if (stored == null) {
                String id = add(object, Map.of(field, value));
                stored = objects.get(object).get(id);
            }
            apply(stored, body);
            status = matching.isEmpty() ? 201 : 200;
            answer = JSON.createObjectNode().put("id", stored.id).put("success", true).put("created", matching.isEmpty());
            answer.putArray("errors");
        }
        send(exchange, status, answer);
    }

    private void customField(HttpExchange exchange, JsonNode body) throws IOException {
        String[] name = body.path("FullName").asText().split("\\.", 2);
        synchronized (this) {
            if (name.length != 2 || !customFields.containsKey(name[0]) || !name[1].endsWith("__c")) {
                send(exchange, 400, errors("INVALID_FIELD", "FullName must be Object.Field__c"));
                return;
            }
            if (!customFields.get(name[0]).add(name[1])) {
                send(exchange, 400, errors("DUPLICATE_DEVELOPER_NAME", "There is already a field named " + name[1]));
                return;
            }
        }
        ObjectNode answer = JSON.createObjectNode().put("id", "00NFAKE" + name[1].hashCode()).put("success", true);
        answer.putArray("errors");
        send(exchange, 201, answer);
    }

    private Optional<String> unknownField(String object, JsonNode record) {
        List<String> names = new ArrayList<>();
        record.fieldNames().forEachRemaining(names::add);
        return names.stream().filter(n -> n.endsWith("__c") && !customFields.getOrDefault(object, Set.of()).contains(n)).findFirst();
    }

    private void apply(Stored stored, JsonNode record) {
        record.fields().forEachRemaining(e -> {
            if (e.getKey().equals("attributes") || e.getKey().equals("id")) {
                return;
            }
            if (e.getValue().isNull()) {
                stored.fields.remove(e.getKey());
            } else {
                stored.fields.put(e.getKey(), e.getValue().asText());
            }
        });
        stored.modified = now();
    }

    /** Salesforce keeps modification times to the millisecond. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ObjectNode failure(String code, String message, List<String> fields) {
        ObjectNode result = JSON.createObjectNode().put("success", false);
        ObjectNode error = result.putArray("errors").addObject().put("statusCode", code).put("message", message);
        ArrayNode names = error.putArray("fields");
        fields.forEach(names::add);
        return result;
    }

    private static ArrayNode errors(String code, String message) {
        ArrayNode errors = JSON.createArrayNode();
        errors.addObject().put("message", message).put("errorCode", code).putArray("fields");
        return errors;
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> form(String text) {
        Map<String, String> form = new HashMap<>();
        for (String pair : text.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
