package dev.kreis.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake HubSpot for the sync benchmark: {@code n} contacts and no companies, answering at once. It serves
 * what the HubSpot connector's pull calls, in the documented shapes: the list
 * ({@code GET /crm/v3/objects/{type}?limit&after}, https://developers.hubspot.com/docs/api/crm/contacts),
 * the search on {@code lastmodifieddate GTE}, ascending, paged by an offset {@code after} and capped at
 * 10,000 results (https://developers.hubspot.com/docs/api/crm/search), and the archived list (empty).
 * Every other call answers 404 or an empty result. {@link #change(int, long)} modifies contacts (a new
 * first name; every tenth also a new e-mail) for an incremental sync. Runs standalone too:
 * {@code java -cp ... dev.kreis.bench.FakeHubSpotServer <port> <contacts>}.
 */
public final class FakeHubSpotServer implements AutoCloseable {
    private static final Pattern OBJECT = Pattern.compile("^/crm/v3/objects/([a-z_]+)(/search)?$");
    private static final int SEARCH_CAP = 10_000;

    static {
        // The JDK's server writes an answer's headers and body separately; with Nagle's algorithm on, a client that
        // keeps the connection open waits for its delayed ACK (about 40 ms) on every answer. A fake that answers
        // "at once" must not add that, so its sockets send without delay. The JDK reads this once, at first use.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final String[] emails;
    private final String[] firstNames;
    private final long[] modified;
    private final AtomicLong requests = new AtomicLong();
    private volatile Integer[] searchOrder;
    private volatile long searchSince = Long.MIN_VALUE;

    public FakeHubSpotServer(int port, int contacts, long baseMillis) throws IOException {
        emails = new String[contacts];
        firstNames = new String[contacts];
        modified = new long[contacts];
        for (int i = 0; i < contacts; i++) {
            emails[i] = "hs-" + i + "@bench.example";
            firstNames[i] = name(i * 7919L);
            modified[i] = baseMillis + i;
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public static void main(String[] argv) throws Exception {
        int port = argv.length > 0 ? Integer.parseInt(argv[0]) : 19381;
        int contacts = argv.length > 1 ? Integer.parseInt(argv[1]) : 100_000;
        FakeHubSpotServer fake = new FakeHubSpotServer(port, contacts, System.currentTimeMillis() - 86_400_000L);
        System.err.println("fake HubSpot with " + contacts + " contacts on http://127.0.0.1:" + port + " (Ctrl-C stops it)");
        Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
        Thread.currentThread().join();
    }

    public long requests() {
        return requests.get();
    }

    /** Changes {@code count} contacts spread over the set, modified at {@code at}; every tenth gets a new e-mail. */
    public synchronized void change(int count, long at) {
        int step = Math.max(1, emails.length / count);
        for (int k = 0; k < count; k++) {
            int i = (k * step) % emails.length;
            firstNames[i] = "Changed" + i;
            if (k % 10 == 0) {
                emails[i] = "hs-" + i + "-new@bench.example";
            }
            modified[i] = at + k;
        }
        searchOrder = null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI uri = exchange.getRequestURI();
            Matcher m = OBJECT.matcher(uri.getPath());
            String answer;
            int status = 200;
            if (!m.matches()) {
                status = 404;
                answer = "{\"status\":\"error\",\"message\":\"not found\",\"category\":\"OBJECT_NOT_FOUND\"}";
            } else if (!"contacts".equals(m.group(1))) {
                answer = "{\"results\":[]}";
            } else if (m.group(2) != null) {
                answer = search(Http.JSON.readTree(body));
            } else {
                Map<String, String> query = query(uri.getRawQuery());
                answer = "true".equals(query.get("archived")) ? "{\"results\":[]}"
                        : list(Integer.parseInt(query.getOrDefault("limit", "100")), Integer.parseInt(query.getOrDefault("after", "0")));
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    private synchronized String list(int limit, int after) {
        StringBuilder json = new StringBuilder(limit * 400).append("{\"results\":[");
        int end = Math.min(emails.length, after + limit);
        for (int i = after; i < end; i++) {
            if (i > after) {
                json.append(',');
            }
            contact(json, i);
        }
        json.append(']');
        if (end < emails.length) {
            json.append(",\"paging\":{\"next\":{\"after\":\"").append(end).append("\"}}");
        }
        return json.append('}').toString();
    }

    private synchronized String search(JsonNode request) {
        long since = request.path("filterGroups").path(0).path("filters").path(0).path("value").asLong();
        int limit = Math.min(200, request.path("limit").asInt(100));
        int after = request.path("after").asInt(0);
        if (searchOrder == null || searchSince != since) {
            List<Integer> matching = new ArrayList<>();
            for (int i = 0; i < modified.length; i++) {
                if (modified[i] >= since) {
                    matching.add(i);
                }
            }
            matching.sort(Comparator.<Integer>comparingLong(i -> modified[i]).thenComparing(i -> i));
            searchOrder = matching.toArray(Integer[]::new);
            searchSince = since;
        }
        int total = Math.min(searchOrder.length, SEARCH_CAP);
        if (after >= SEARCH_CAP) {
            return "{\"status\":\"error\",\"message\":\"search results are capped at 10,000\",\"category\":\"VALIDATION_ERROR\"}";
        }
        int end = Math.min(total, after + limit);
        StringBuilder json = new StringBuilder(limit * 400).append("{\"total\":").append(searchOrder.length).append(",\"results\":[");
        for (int k = after; k < end; k++) {
            if (k > after) {
                json.append(',');
            }
            contact(json, searchOrder[k]);
        }
        json.append(']');
        if (end < total) {
            json.append(",\"paging\":{\"next\":{\"after\":\"").append(end).append("\"}}");
        }
        return json.append('}').toString();
    }

    private void contact(StringBuilder json, int i) {
        String at = java.time.Instant.ofEpochMilli(modified[i]).toString();
        json.append("{\"id\":\"").append(i + 1).append("\",\"properties\":{\"email\":\"").append(emails[i])
                .append("\",\"firstname\":\"").append(firstNames[i]).append("\",\"lastname\":\"").append(name(i))
                .append("\",\"city\":\"Berlin\",\"country\":\"DE\",\"lastmodifieddate\":\"").append(at)
                .append("\",\"hs_object_id\":\"").append(i + 1).append("\"},\"createdAt\":\"").append(at)
                .append("\",\"updatedAt\":\"").append(at).append("\",\"archived\":false}");
    }

    private static final String[] SYLLABLES = { "ka", "lo", "mi", "ner", "sa", "to", "ber", "vi", "den", "ru", "ha", "gel", "mo", "si",
        "tan", "we", "zo", "lin", "pa", "dor", "fe", "qui", "bru", "ost" };

    /** Varied names, as a real CRM has them (one shared name would put every contact in one match block). */
    private static String name(long seed) {
        int n = SYLLABLES.length;
        long k = Math.abs(seed);
        String text = SYLLABLES[(int) (k % n)] + SYLLABLES[(int) (k / n % n)] + SYLLABLES[(int) (k / n / n % n)] + SYLLABLES[(int) (k / n / n / n % n)];
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        Arrays.stream(raw.split("&")).map(p -> p.split("=", 2)).forEach(p -> values.put(URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
