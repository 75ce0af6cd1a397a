package dev.kreis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Step "profiles": creates every customer through {@code POST /api/v1/profiles} (16 clients). The
 * web-form profile of a customer is sent right after its shop profile and must resolve to the same
 * customerId. Writes the customer ids (line i = customer i) to {@code customers.txt}.
 */
final class ProfileLoader {
    static final String CUSTOMER_IDS = "customers.txt";
    /** Consecutive failed requests after which the step gives up (the app is down or hung). */
    private static final int STUCK = 64;

    private ProfileLoader() {
    }

    static int run(Args args) throws Exception {
        DataSet data = new DataSet(args.seed(), args.integer("customers", 100_000));
        int clients = args.integer("clients", 16);
        Http http = new Http(args.baseUrl(), Duration.ofSeconds(30));
        int n = data.customers();
        String[] customerIds = new String[n];
        AtomicInteger next = new AtomicInteger();
        AtomicLong created = new AtomicLong();
        AtomicLong webForms = new AtomicLong();
        AtomicBoolean abort = new AtomicBoolean();
        FirstErrors errors = new FirstErrors("profile", 10);
        FirstErrors mismatches = new FirstErrors("identity", 10);
        Latencies latencies = new Latencies();

        System.err.printf("profiles: %,d customers, %d clients%n", n, clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        try (Progress progress = new Progress("profiles", 0)) {
            for (int t = 0; t < clients; t++) {
                pool.execute(() -> {
                    int i;
                    while (!abort.get() && (i = next.getAndIncrement()) < n) {
                        DataSet.Customer c = data.customer(i);
                        String id = create(http, shopProfile(c), errors, latencies);
                        if (id != null) {
                            created.incrementAndGet();
                            customerIds[i] = id;
                        }
                        progress.add(1);
                        if (c.webForm()) {
                            String second = create(http, webFormProfile(c), errors, latencies);
                            progress.add(1);
                            if (second != null) {
                                created.incrementAndGet();
                                webForms.incrementAndGet();
                                if (!second.equals(id)) {
                                    mismatches.add("customer " + i + " (" + c.email() + "): shop profile -> " + id
                                            + ", web-form profile -> " + second);
                                }
                            }
                        }
                        if ((created.get() == 0 && errors.count() >= 50) || errors.stuck(STUCK)) {
                            abort.set(true);
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(7, TimeUnit.DAYS);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;

        List<String> lines = new ArrayList<>(n);
        for (String id : customerIds) {
            lines.add(id == null ? "" : id);
        }
        Files.createDirectories(args.workDir());
        Files.write(args.workDir().resolve(CUSTOMER_IDS), lines, StandardCharsets.UTF_8);

        Map<String, Object> f = new LinkedHashMap<>();
        f.put("customers", n);
        f.put("profiles_created", created.get());
        f.put("web_form_profiles", webForms.get());
        f.put("profile_errors", errors.count());
        f.put("identity_mismatches", mismatches.count());
        f.put("profile_seconds", Results.round(seconds, 2));
        f.put("profile_create_per_s", Results.round(created.get() / seconds, 1));
        f.putAll(latencies.summary("profile_create"));
        f.put("profile_first_errors", errors.first());
        f.put("identity_first_mismatches", mismatches.first());
        Fragment.write(args.workDir(), "profiles", f);
        if (abort.get()) {
            System.err.println("profiles: aborted after " + errors.count() + " failed requests (" + STUCK
                    + " in a row, or all of the first 50); is POST /api/v1/profiles working? See bench/results/app.log");
            return 2;
        }
        return 0;
    }

    /** POSTs one profile; the customerId on success, null (error recorded) otherwise. */
    private static String create(Http http, Map<String, Object> profile, FirstErrors errors, Latencies latencies) {
        byte[] body;
        try {
            body = Http.JSON.writeValueAsBytes(profile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Http.Response r = http.post("/api/v1/profiles", body);
        if (!r.ok()) {
            errors.add("POST /api/v1/profiles " + profile.get("source") + "/" + profile.get("externalId") + " -> "
                    + r.status() + " " + r.snippet());
            return null;
        }
        latencies.add(r.nanos());
        errors.ok();
        try {
            JsonNode id = r.json().get("customerId");
            if (id == null || id.isNull()) {
                errors.add("POST /api/v1/profiles answered " + r.status() + " without customerId: " + r.snippet());
                return null;
            }
            return id.asText();
        } catch (IOException e) {
            errors.add("POST /api/v1/profiles answered " + r.status() + " with unreadable JSON: " + r.snippet());
            return null;
        }
    }

    static Map<String, Object> shopProfile(DataSet.Customer c) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("firstName", c.firstName());
        attributes.put("lastName", c.lastName());
        attributes.put("name", c.name());
        if (c.company() != null) {
            attributes.put("company", c.company());
        }
        attributes.put("city", c.city());
        return profile(DataSet.SHOP, c.shopId(), attributes, List.of(
                Map.of("type", "email", "value", c.email()),
                Map.of("type", "external", "system", DataSet.SHOP, "value", c.shopId())));
    }

    static Map<String, Object> webFormProfile(DataSet.Customer c) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("firstName", c.firstName());
        attributes.put("lastName", c.lastName());
        attributes.put("name", c.name());
        attributes.put("newsletter", true);
        return profile(DataSet.WEB_FORM, "wf-" + c.index(), attributes,
                List.of(Map.of("type", "email", "value", c.email())));
    }

    private static Map<String, Object> profile(String source, String externalId, Map<String, Object> attributes,
                                               List<Map<String, String>> identifiers) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("source", source);
        p.put("externalId", externalId);
        p.put("kind", "person");
        p.put("attributes", attributes);
        p.put("identifiers", identifiers);
        return p;
    }
}
