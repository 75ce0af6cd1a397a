package dev.kreis.connector.hubspot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-process HubSpot for tests, answering the request and response shapes of HubSpot's public docs:
 * objects list with {@code after} paging (https://developers.hubspot.com/docs/api/crm/contacts), search with
 * filterGroups/sorts/after capped at 10,000 results (https://developers.hubspot.com/docs/api/crm/search),
 * batch read/update with 207 multi-status errors (https://developers.hubspot.com/docs/api/crm/understanding-the-crm),
 * properties and property groups (https://developers.hubspot.com/docs/api/crm/properties), GDPR delete,
 * OAuth refresh with {@code expires_in} (https://developers.hubspot.com/docs/api/oauth/tokens), 429 with and
 * without {@code Retry-After} and the {@code X-HubSpot-RateLimit-*} headers
 * (https://developers.hubspot.com/docs/api/usage-details). It records every request and every write.
 */
public final class FakeHubSpot implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request as received. */
    public record Request(String method, String path, String body, Instant at) {
    }

    /** A stored CRM record. */
    private static final class Stored {
        final String id;
        final Map<String, String> properties = new LinkedHashMap<>();
        Instant modified;
        Instant archivedAt;

        Stored(String id) {
            this.id = id;
        }
    }

    static {
        // The JDK's server writes an answer's headers and body separately; with Nagle's algorithm on, a client that keeps
        // the connection open waits for its delayed ACK (about 40 ms) on every answer. The fake answers without that
        // delay, as the vendor's servers do. The JDK reads this once, when its first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final Clock clock;
    private final Map<String, Map<String, Stored>> objects = new HashMap<>();
    private final Map<String, Set<String>> properties = new HashMap<>();
    /** Associations by "fromType/fromId/toType", both directions stored as HubSpot answers them from either side. */
    private final Map<String, Set<String>> associations = new HashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> gdprDeleted = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> failingWrites = Collections.synchronizedSet(new HashSet<>());
    private final Set<String> validTokens = Collections.synchronizedSet(new HashSet<>());
    private final Map<String, Instant> tokenExpiry = Collections.synchronizedMap(new HashMap<>());
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final AtomicInteger tokens = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger readsBeforeBreak = new AtomicInteger(-1);
    private volatile Integer retryAfterSeconds;
    private final Map<String, Runnable> beforeSearches = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> searches = new ConcurrentHashMap<>();
    private volatile long tokenLifetimeSeconds = 1800;
    private volatile int maxPage = 100;

    private FakeHubSpot(Clock clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        for (String object : List.of("contacts", "companies", "deals", "tickets")) {
            objects.put(object, new TreeMap<>(Comparator.comparingLong(Long::parseLong)));
            properties.put(object, new HashSet<>());
        }
    }

    /** A fake on a free local port with a valid private-app token {@code pat-test}. */
    public static FakeHubSpot start(Clock clock) {
        try {
            FakeHubSpot fake = new FakeHubSpot(clock);
            fake.validTokens.add("pat-test");
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException("the fake HubSpot could not start", e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // --- test controls ---------------------------------------------------------------------------------------

    /** Adds a record and answers its id; it is modified now. */
    public synchronized String add(String object, Map<String, String> props) {
        Stored stored = new Stored(Integer.toString(ids.incrementAndGet()));
        stored.properties.putAll(props);
        stored.modified = clock.instant();
        objects.get(object).put(stored.id, stored);
        return stored.id;
    }

    /** Changes a record's properties as a HubSpot user would; it is modified now. */
    public synchronized void change(String object, String id, Map<String, String> props) {
        Stored stored = objects.get(object).get(id);
        stored.properties.putAll(props);
        stored.modified = clock.instant();
    }

    /** Associates two records (both directions), as {@code PUT /crm/v4/objects/{from}/{id}/associations/default/{to}/{toId}} does. */
    public synchronized void associate(String fromObject, String fromId, String toObject, String toId) {
        associations.computeIfAbsent(fromObject + "/" + fromId + "/" + toObject, k -> new java.util.LinkedHashSet<>()).add(toId);
        associations.computeIfAbsent(toObject + "/" + toId + "/" + fromObject, k -> new java.util.LinkedHashSet<>()).add(fromId);
    }

    /**
     * Merges {@code mergedId} into {@code primaryId} as {@code POST /crm/v3/objects/contacts/merge} does
     * (https://developers.hubspot.com/docs/api/crm/contacts, "Merge"): the merged record disappears (it is not
     * archived), and the primary lists its id in {@code hs_merged_object_ids} and is modified now.
     */
    public synchronized void merge(String object, String primaryId, String mergedId) {
        objects.get(object).remove(mergedId);
        Stored primary = objects.get(object).get(primaryId);
        String before = primary.properties.get("hs_merged_object_ids");
        primary.properties.put("hs_merged_object_ids", before == null || before.isEmpty() ? mergedId : before + ";" + mergedId);
        primary.modified = clock.instant();
    }

    public synchronized void archive(String object, String id) {
        objects.get(object).get(id).archivedAt = clock.instant();
    }

    public synchronized Optional<Map<String, String>> record(String object, String id) {
        return Optional.ofNullable(objects.get(object).get(id)).map(s -> Map.copyOf(s.properties));
    }

    /** The next {@code count} requests get 429, with {@code Retry-After} if {@code retryAfter} is not null. */
    public void throttle(int count, Integer retryAfter) {
        retryAfterSeconds = retryAfter;
        throttled.set(count);
    }

    /** Writes to this record fail with a validation error in the 207 answer. */
    public void failWritesTo(String id) {
        failingWrites.add(id);
    }

    public void healWrites() {
        failingWrites.clear();
    }

    /** After {@code reads} more successful reads (list/search pages), every read answers 400 until {@link #heal()}. */
    public void breakAfterReads(int reads) {
        readsBeforeBreak.set(reads);
    }

    /**
     * Runs {@code action} (say, a HubSpot user changing a record) just before the fake answers the {@code nth} search of
     * {@code object} from now on (1 = the next one).
     */
    public void beforeSearch(String object, int nth, Runnable action) {
        searches.put(object, new AtomicInteger());
        beforeSearches.put(object + "#" + nth, action);
    }

    public void heal() {
        readsBeforeBreak.set(-1);
    }

    /** OAuth: the refresh token {@code refresh-test} gives access tokens that expire after {@code seconds}. */
    public void tokenLifetime(long seconds) {
        tokenLifetimeSeconds = seconds;
    }

    public void revokePrivateAppToken() {
        validTokens.remove("pat-test");
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Request> writes() {
        return requests().stream().filter(r -> r.path().contains("/batch/update") || r.path().contains("/batch/create") || r.path().contains("gdpr-delete")
                || (r.method().equals("POST") && r.path().startsWith("/crm/v3/properties")) || r.method().equals("DELETE")).toList();
    }

    public List<String> gdprDeleted() {
        synchronized (gdprDeleted) {
            return List.copyOf(gdprDeleted);
        }
    }

    public synchronized Set<String> properties(String object) {
        return Set.copyOf(properties.get(object));
    }

    /** The v3 signature HubSpot would send for this request. */
    public static String sign(String clientSecret, String method, String uri, String body, long timestamp) {
        return Base64.getEncoder().encodeToString(HubSpotWebhooks.sign(clientSecret, method + uri + body + timestamp));
    }

    // --- the API -------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        URI uri = exchange.getRequestURI();
        String method = exchange.getRequestMethod();
        requests.add(new Request(method, uri.toString(), body, clock.instant()));
        exchange.getResponseHeaders().add("X-HubSpot-RateLimit-Max", "190");
        exchange.getResponseHeaders().add("X-HubSpot-RateLimit-Remaining", "150");
        exchange.getResponseHeaders().add("X-HubSpot-RateLimit-Interval-Milliseconds", "10000");
        try {
            if (uri.getPath().equals("/oauth/v1/token")) {
                token(exchange, body);
                return;
            }
            if (!authorised(exchange)) {
                send(exchange, 401, error("INVALID_AUTHENTICATION", "The OAuth token used to make this call expired"));
                return;
            }
            if (throttled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                if (retryAfterSeconds != null) {
                    exchange.getResponseHeaders().add("Retry-After", Integer.toString(retryAfterSeconds));
                }
                exchange.getResponseHeaders().set("X-HubSpot-RateLimit-Remaining", "0");
                send(exchange, 429, error("RATE_LIMITS", "You have reached your ten_secondly_rolling limit."));
                return;
            }
            route(exchange, method, uri, body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body));
        } catch (RuntimeException e) {
            send(exchange, 500, error("INTERNAL_ERROR", String.valueOf(e.getMessage())));
        }
    }

    private void route(HttpExchange exchange, String method, URI uri, JsonNode body) throws IOException {
        String[] path = uri.getPath().split("/");
        Map<String, String> query = query(uri);
        if (uri.getPath().startsWith("/crm/v4/associations/") && method.equals("POST") && uri.getPath().endsWith("/batch/read")) {
            associationsRead(exchange, path[4], path[5], body);
            return;
        }
        if (uri.getPath().startsWith("/crm/v3/properties/")) {
            properties(exchange, method, path, body);
            return;
        }
        String object = path.length > 4 ? path[4] : "";
        if (!objects.containsKey(object)) {
            send(exchange, 404, error("OBJECT_NOT_FOUND", "unknown object type " + object));
            return;
        }
        String action = path.length > 5 ? path[5] + (path.length > 6 ? "/" + path[6] : "") : "";
        if (method.equals("GET") && action.isEmpty()) {
            if (!read(exchange)) {
                return;
            }
            send(exchange, 200, list(object, query));
        } else if (method.equals("POST") && action.equals("search")) {
            if (!read(exchange)) {
                return;
            }
            search(exchange, object, body);
        } else if (method.equals("POST") && action.equals("batch/read")) {
            send(exchange, 200, batchRead(object, body, "true".equals(query.get("archived"))));
        } else if (method.equals("POST") && action.equals("batch/create")) {
            batchCreate(exchange, object, body);
        } else if (method.equals("POST") && action.equals("batch/update")) {
            batchUpdate(exchange, object, body);
        } else if (method.equals("POST") && action.equals("gdpr-delete")) {
            String id = body.path("objectId").asText();
            synchronized (this) {
                if (objects.get(object).remove(id) == null) {
                    send(exchange, 404, error("OBJECT_NOT_FOUND", "no contact " + id));
                    return;
                }
            }
            gdprDeleted.add(id);
            send(exchange, 204, null);
        } else if (method.equals("DELETE")) {
            synchronized (this) {
                Stored stored = objects.get(object).get(action);
                if (stored == null) {
                    send(exchange, 404, error("OBJECT_NOT_FOUND", "no record " + action));
                    return;
                }
                stored.archivedAt = clock.instant();
            }
            send(exchange, 204, null);
        } else {
            send(exchange, 404, error("NOT_FOUND", method + " " + uri.getPath()));
        }
    }

    private boolean read(HttpExchange exchange) throws IOException {
        if (readsBeforeBreak.get() == 0) {
            send(exchange, 400, error("VALIDATION_ERROR", "the fake was told to break here"));
            return false;
        }
        readsBeforeBreak.getAndUpdate(n -> n > 0 ? n - 1 : n);
        return true;
    }

    private synchronized ObjectNode list(String object, Map<String, String> query) {
        boolean archived = "true".equals(query.get("archived"));
        int limit = Math.min(maxPage, Integer.parseInt(query.getOrDefault("limit", "10")));
        List<Stored> all = objects.get(object).values().stream().filter(s -> (s.archivedAt != null) == archived).toList();
        int from = query.containsKey("after") ? indexAfter(all, query.get("after")) : 0;
        List<Stored> page = all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode results = answer.putArray("results");
        List<String> associated = query.containsKey("associations") ? List.of(query.get("associations").split(",")) : List.of();
        for (Stored stored : page) {
            ObjectNode result = json(object, stored);
            // list answers carry {"associations":{"companies":{"results":[{"id","type"}]}}} for the asked types that have any
            for (String target : associated) {
                Set<String> ids = associations.get(object + "/" + stored.id + "/" + target);
                if (ids != null && !ids.isEmpty()) {
                    ArrayNode list = (result.has("associations") ? (ObjectNode) result.get("associations") : result.putObject("associations"))
                            .putObject(target).putArray("results");
                    ids.forEach(id -> list.addObject().put("id", id).put("type", object + "_to_" + target));
                }
            }
            results.add(result);
        }
        if (from + limit < all.size()) {
            answer.putObject("paging").putObject("next").put("after", page.get(page.size() - 1).id);
        }
        return answer;
    }

    private static int indexAfter(List<Stored> all, String after) {
        for (int i = 0; i < all.size(); i++) {
            if (Long.parseLong(all.get(i).id) > Long.parseLong(after)) {
                return i;
            }
        }
        return all.size();
    }

    private void search(HttpExchange exchange, String object, JsonNode body) throws IOException {
        Runnable before = beforeSearches.remove(object + "#" + searches.computeIfAbsent(object, o -> new AtomicInteger()).incrementAndGet());
        if (before != null) {
            before.run();
        }
        int after = Integer.parseInt(body.path("after").asText("0").isEmpty() ? "0" : body.path("after").asText("0"));
        int limit = Math.min(200, body.path("limit").asInt(10));
        if (after + limit > HubSpotSession.SEARCH_CAP) {
            send(exchange, 400, error("VALIDATION_ERROR", "There was a problem with the request: paging beyond 10,000 results is not supported"));
            return;
        }
        JsonNode filter = body.path("filterGroups").path(0).path("filters").path(0);
        long since = filter.path("value").asLong(0);
        String property = filter.path("propertyName").asText();
        ObjectNode answer;
        synchronized (this) {
            List<Stored> matching = objects.get(object).values().stream().filter(s -> s.archivedAt == null)
                    .filter(s -> s.modified.toEpochMilli() >= since)
                    .sorted(Comparator.comparing((Stored s) -> s.modified).thenComparing(s -> Long.parseLong(s.id))).toList();
            List<Stored> page = matching.subList(Math.min(after, matching.size()), Math.min(after + limit, matching.size()));
            answer = JSON.createObjectNode().put("total", matching.size());
            ArrayNode results = answer.putArray("results");
            page.forEach(s -> results.add(json(object, s)));
            if (after + limit < matching.size()) {
                answer.putObject("paging").putObject("next").put("after", Integer.toString(after + limit));
            }
        }
        if (!property.equals(HubSpotConnector.CONTACTS.equals(object) ? "lastmodifieddate" : "hs_lastmodifieddate")) {
            send(exchange, 400, error("VALIDATION_ERROR", "unexpected filter property " + property));
            return;
        }
        send(exchange, 200, answer);
    }

    private synchronized ObjectNode batchRead(String object, JsonNode body, boolean archived) {
        ObjectNode answer = JSON.createObjectNode().put("status", "COMPLETE");
        ArrayNode results = answer.putArray("results");
        for (JsonNode input : body.path("inputs")) {
            Stored stored = objects.get(object).get(input.path("id").asText());
            if (stored != null && (stored.archivedAt != null) == archived) {
                results.add(json(object, stored));
            }
        }
        return answer;
    }

    private void batchUpdate(HttpExchange exchange, String object, JsonNode body) throws IOException {
        if (body.path("inputs").isEmpty()) {
            send(exchange, 400, error("VALIDATION_ERROR", "inputs must not be empty"));
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode results = answer.putArray("results");
        ArrayNode errors = JSON.createArrayNode();
        synchronized (this) {
            for (JsonNode input : body.path("inputs")) {
                String id = input.path("id").asText();
                Stored stored = objects.get(object).get(id);
                if (stored == null || failingWrites.contains(id)) {
                    ObjectNode error = errors.addObject().put("status", "error").put("category", stored == null ? "OBJECT_NOT_FOUND" : "VALIDATION_ERROR")
                            .put("message", "Property values were not valid for record " + id);
                    error.putObject("context").putArray("ids").add(id);
                    continue;
                }
                input.path("properties").fields().forEachRemaining(e -> stored.properties.put(e.getKey(), e.getValue().asText()));
                stored.modified = clock.instant();
                results.add(json(object, stored));
            }
        }
        if (!errors.isEmpty()) {
            answer.put("status", "COMPLETE").set("errors", errors);
            send(exchange, 207, answer);
        } else {
            send(exchange, 200, answer.put("status", "COMPLETE"));
        }
    }

    /**
     * {@code POST /crm/v4/associations/{fromObjectType}/{toObjectType}/batch/read}
     * (https://developers.hubspot.com/docs/api/crm/associations): inputs {@code [{id}]}; results
     * {@code [{from:{id}, to:[{toObjectId, associationTypes:[{category, typeId, label}]}]}]} for the records that have any.
     */
    private void associationsRead(HttpExchange exchange, String from, String to, JsonNode body) throws IOException {
        ObjectNode answer = JSON.createObjectNode().put("status", "COMPLETE");
        ArrayNode results = answer.putArray("results");
        synchronized (this) {
            for (JsonNode input : body.path("inputs")) {
                Set<String> targets = associations.get(from + "/" + input.path("id").asText() + "/" + to);
                if (targets == null || targets.isEmpty()) {
                    continue;
                }
                ObjectNode result = results.addObject();
                result.putObject("from").put("id", input.path("id").asText());
                ArrayNode list = result.putArray("to");
                for (String target : targets) {
                    ObjectNode item = list.addObject().put("toObjectId", Long.parseLong(target));
                    item.putArray("associationTypes").addObject().put("category", "HUBSPOT_DEFINED").put("typeId", 1).putNull("label");
                }
            }
        }
        send(exchange, 200, answer.put("startedAt", clock.instant().toString()).put("completedAt", clock.instant().toString()));
    }

    /**
     * {@code POST /crm/v3/objects/{type}/batch/create} (https://developers.hubspot.com/docs/api/crm/contacts): inputs
     * {@code [{properties, objectWriteTraceId}]}, 201 with the created records, each naming its trace id.
     */
    private void batchCreate(HttpExchange exchange, String object, JsonNode body) throws IOException {
        if (body.path("inputs").isEmpty() || body.path("inputs").size() > 100) {
            send(exchange, 400, error("VALIDATION_ERROR", "inputs must hold 1 to 100 records"));
            return;
        }
        ObjectNode answer = JSON.createObjectNode().put("status", "COMPLETE");
        ArrayNode results = answer.putArray("results");
        synchronized (this) {
            for (JsonNode input : body.path("inputs")) {
                Stored stored = new Stored(Integer.toString(ids.incrementAndGet()));
                input.path("properties").fields().forEachRemaining(e -> stored.properties.put(e.getKey(), e.getValue().asText()));
                stored.modified = clock.instant();
                objects.get(object).put(stored.id, stored);
                ObjectNode result = json(object, stored);
                if (input.hasNonNull("objectWriteTraceId")) {
                    result.put("objectWriteTraceId", input.path("objectWriteTraceId").asText());
                }
                results.add(result);
            }
        }
        send(exchange, 201, answer);
    }

    /** Every record of the object, as a HubSpot user would see them in the UI. */
    public synchronized List<Map<String, String>> all(String object) {
        return objects.get(object).values().stream().filter(s -> s.archivedAt == null).map(s -> {
            Map<String, String> copy = new LinkedHashMap<>(s.properties);
            copy.put("id", s.id);
            return (Map<String, String>) copy;
        }).toList();
    }

    private void properties(HttpExchange exchange, String method, String[] path, JsonNode body) throws IOException {
        String object = path[4];
        Set<String> known;
        synchronized (this) {
            known = properties.get(object);
        }
        if (known == null) {
            send(exchange, 404, error("NOT_FOUND", "unknown object " + object));
            return;
        }
        boolean groups = path.length > 5 && path[5].equals("groups");
        String name = groups ? (path.length > 6 ? "group:" + path[6] : null) : (path.length > 5 ? path[5] : null);
        if (method.equals("GET")) {
            boolean exists;
            synchronized (this) {
                exists = known.contains(name);
            }
            send(exchange, exists ? 200 : 404, exists ? JSON.createObjectNode().put("name", name) : error("NOT_FOUND", name + " does not exist"));
        } else {
            synchronized (this) {
                known.add((groups ? "group:" : "") + body.path("name").asText());
            }
            send(exchange, 201, JSON.createObjectNode().put("status", "created"));
        }
    }

    private void token(HttpExchange exchange, String form) throws IOException {
        Map<String, String> fields = new HashMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        if (!"refresh_token".equals(fields.get("grant_type")) || !"refresh-test".equals(fields.get("refresh_token"))) {
            send(exchange, 400, JSON.createObjectNode().put("status", "BAD_REFRESH_TOKEN").put("message", "missing or unknown refresh token"));
            return;
        }
        String token = "oauth-" + tokens.incrementAndGet();
        validTokens.add(token);
        tokenExpiry.put(token, clock.instant().plusSeconds(tokenLifetimeSeconds));
        send(exchange, 200, JSON.createObjectNode().put("access_token", token).put("refresh_token", "refresh-test")
                .put("expires_in", tokenLifetimeSeconds).put("token_type", "bearer"));
    }

    private boolean authorised(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        String token = header.substring(7);
        Instant expiry = tokenExpiry.get(token);
        return validTokens.contains(token) && (expiry == null || clock.instant().isBefore(expiry));
    }

    private ObjectNode json(String object, Stored s) {
        ObjectNode node = JSON.createObjectNode().put("id", s.id);
        ObjectNode props = node.putObject("properties");
        s.properties.forEach(props::put);
        props.put("hs_object_id", s.id);
        props.put(HubSpotConnector.CONTACTS.equals(object) ? "lastmodifieddate" : "hs_lastmodifieddate", s.modified.toString());
        node.put("createdAt", s.modified.toString()).put("updatedAt", s.modified.toString()).put("archived", s.archivedAt != null);
        if (s.archivedAt != null) {
            node.put("archivedAt", s.archivedAt.toString());
        }
        return node;
    }

    private static ObjectNode error(String category, String message) {
        return JSON.createObjectNode().put("status", "error").put("category", category).put("message", message)
                .put("correlationId", "00000000-0000-4000-8000-000000000000");
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
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
