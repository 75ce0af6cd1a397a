package dev.kreis.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.codec.language.ColognePhonetic;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The web UI's benchmark data set ({@code bench/run.sh --ui}): loads customers with profiles, attributes
 * and identifiers, and touchpoints spread over them, with COPY straight into the schema the running app
 * has migrated, in the form the app writes them itself (search and matching columns of {@code profile}
 * computed as {@code MatchProfile} does, e-mail lower-cased, attribute values as JSON text), then waits
 * until the KPI fold job has folded every touchpoint, so the app serves the set as if it had been
 * ingested through the API.
 *
 * <p>The customers are {@link DataSet}'s (names, e-mail addresses, cities, companies of the main run):
 * every one has a {@code shop} profile (email + external id in system {@code shop}; firstName, lastName,
 * city, company for about 30 %), about 10 % a second {@code web-form} profile with the same e-mail. They
 * were created over the two years before today. Customer 0 is the "long timeline" one ({@code --heavy}
 * touchpoints, over both a shop and a web-form profile); the other touchpoints go 30 % to every 20th
 * customer and 70 % uniformly, so timelines range from none to a few hundred. Touchpoints: 85 %
 * {@code core.interaction} (web 45 %, email 25 %, phone 15 %, chat 15 %; every journey phase; a payload
 * with subject, topic, outcome), 7 % NPS, 5 % CSAT, 3 % CES, occurring over the two years before today.
 * Writes {@code <work-dir>/ui-data.json} with the heavy customer's id and the load times.
 */
final class UiDataSet {
    // Subjects, topics, outcomes, comments and the two-year span are Touchpoints' (the ingest benchmark's data).
    private static final String[] PHASES = {"awareness", "interest", "consideration", "intent", "purchase", "retention", "advocacy"};
    private static final ColognePhonetic PHONETIC = new ColognePhonetic();
    private static final Set<String> LEGAL_FORMS = Set.of("gmbh", "ag", "kg", "ohg", "ug", "se", "eg", "ev", "inc", "ltd",
            "llc", "plc", "corp", "corporation", "co", "company", "sa", "sas", "sarl", "bv", "nv", "srl", "spa", "ab", "oy", "as");

    private UiDataSet() {
    }

    private static void log(String fmt, Object... a) {
        System.err.printf("  ui-data: " + fmt + "%n", a);
    }

    static int run(Args args) throws Exception {
        int customers = args.integer("customers", 100_000);
        int touchpoints = args.integer("touchpoints", 1_000_000);
        int heavy = Math.min(args.integer("heavy", 5_000), touchpoints);
        DataSet data = new DataSet(args.seed(), customers);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("customers", customers);
        out.put("touchpoints", touchpoints);
        out.put("heavy_touchpoints", heavy);
        out.put("load_average_before", Files.readString(Path.of("/proc/loadavg")).trim());
        long anchor = Instant.now().truncatedTo(ChronoUnit.DAYS).getEpochSecond();
        String received = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        UUID[] customerIds = new UUID[customers];
        UUID[] shopProfiles = new UUID[customers];
        UUID heavyWebForm = null;
        int profiles = 0;
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(args.jdbcUrl())) {
            c.setAutoCommit(true);
            PGConnection pg = c.unwrap(PGConnection.class);
            Random ids = DataSet.random(args.seed(), 40, 0);
            // One COPY at a time per connection, and each table after the one its foreign keys name: the rows are
            // built in memory first (a few tens of megabytes at 100,000 customers).
            Copier cust = new Copier();
            Copier prof = new Copier();
            Copier attr = new Copier();
            Copier ident = new Copier();
            {
                for (int i = 0; i < customers; i++) {
                    DataSet.Customer k = data.customer(i);
                    Random r = DataSet.random(args.seed(), 41, i);
                    // the customer list is newest first: customer i was created i/customers of two years ago
                    String created = Instant.ofEpochSecond(anchor - 1 - (long) ((double) i / customers * Touchpoints.TWO_YEARS_S)).toString();
                    customerIds[i] = new UUID(ids.nextLong(), ids.nextLong());
                    shopProfiles[i] = new UUID(ids.nextLong(), ids.nextLong());
                    cust.row(customerIds[i] + ",person," + created + "," + created);
                    Map<String, String> attributes = new LinkedHashMap<>();
                    attributes.put("firstName", k.firstName());
                    attributes.put("lastName", k.lastName());
                    attributes.put("city", k.city());
                    if (k.company() != null) {
                        attributes.put("company", k.company());
                    }
                    profile(prof, attr, shopProfiles[i], customerIds[i], DataSet.SHOP, k.shopId(), attributes, created);
                    ident.row(shopProfiles[i] + ",email,\"\"," + csv(k.email()));
                    ident.row(shopProfiles[i] + ",external,shop," + csv(k.shopId()));
                    profiles++;
                    if (k.webForm() || i == 0) {
                        UUID webForm = new UUID(ids.nextLong(), ids.nextLong());
                        String later = Instant.ofEpochSecond(Instant.parse(created).getEpochSecond() + r.nextInt(30 * 86400)).toString();
                        Map<String, String> formAttributes = new LinkedHashMap<>();
                        formAttributes.put("firstName", k.firstName());
                        formAttributes.put("lastName", k.lastName());
                        profile(prof, attr, webForm, customerIds[i], DataSet.WEB_FORM, "F" + k.shopId().substring(1), formAttributes, later);
                        ident.row(webForm + ",email,\"\"," + csv(k.email()));
                        profiles++;
                        if (i == 0) {
                            heavyWebForm = webForm;
                        }
                    }
                }
            }
            cust.copy(pg, "COPY customer (id, kind, created_at, updated_at) FROM STDIN (FORMAT csv)");
            prof.copy(pg, "COPY profile (id, customer_id, source, external_id, kind, search_name, match_name,"
                    + " match_company, match_address, block_key, observed_at, created_at) FROM STDIN (FORMAT csv)");
            attr.copy(pg, "COPY profile_attribute (profile_id, name, attr_value, observed_at) FROM STDIN (FORMAT csv)");
            ident.copy(pg, "COPY profile_identifier (profile_id, type, system, id_value) FROM STDIN (FORMAT csv)");
            double customersS = (System.nanoTime() - t0) / 1e9;
            log("loaded %,d customers with %,d profiles in %.1f s", customers, profiles, customersS);
            long t1 = System.nanoTime();
            Random r = DataSet.random(args.seed(), 42, 0);
            // On a partitioned touchpoint table (PostgreSQL, migration V1_80) every month of the two years needs its partition first.
            try (Statement s = c.createStatement()) {
                s.execute("select touchpoint_month_partition(m) from generate_series(to_timestamp(" + (anchor - Touchpoints.TWO_YEARS_S - 86400)
                        + "), to_timestamp(" + anchor + ") + interval '1 month', interval '1 month') m"
                        + " where to_regproc('touchpoint_month_partition') is not null");
            }
            try (CopyStream tp = new CopyStream(pg, "COPY touchpoint (id, profile_id, source, external_id, type, module, channel, phase, initiator,"
                    + " occurred_at, received_at, score, amount, currency, payload) FROM STDIN (FORMAT csv)")) {
                for (long n = 0; n < touchpoints; n++) {
                    UUID profile;
                    if (n < heavy) {
                        profile = n % 4 == 3 ? heavyWebForm : shopProfiles[0];
                    } else {
                        profile = shopProfiles[data.touchpointCustomer(r)];
                    }
                    tp.row(touchpoint(r, profile, n, anchor, received));
                }
            }
            double touchpointsS = (System.nanoTime() - t1) / 1e9;
            log("loaded %,d touchpoints with COPY in %.1f s", touchpoints, touchpointsS);
            long t2 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                // The idempotency keys, which the app keeps in touchpoint_key on PostgreSQL (V1_80).
                s.execute("DO $$ BEGIN IF to_regclass('touchpoint_key') IS NOT NULL THEN"
                        + " INSERT INTO touchpoint_key (source, external_id, id) SELECT source, external_id, id FROM touchpoint; END IF; END $$");
                for (String table : new String[] {"customer", "profile", "profile_attribute", "profile_identifier", "touchpoint"}) {
                    s.execute("ANALYZE " + table);
                }
            }
            double analyzeS = (System.nanoTime() - t2) / 1e9;
            out.put("profiles", profiles);
            out.put("load_customers_s", Results.round(customersS, 1));
            out.put("load_touchpoints_s", Results.round(touchpointsS, 1));
            out.put("analyze_s", Results.round(analyzeS, 1));
            out.put("heavy_customer_id", customerIds[0].toString());
            out.put("fold_s", Results.round(KpiFold.awaitCaughtUp(c, "ui-data"), 1));
        }
        out.put("load_average_after", Files.readString(Path.of("/proc/loadavg")).trim());
        Path file = args.workDir().resolve("ui-data.json");
        Http.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), out);
        log("heavy customer %s (%,d touchpoints); written to %s", customerIds[0], heavy, file);
        return 0;
    }

    private static void profile(Copier prof, Copier attr, UUID id, UUID customer, String source, String externalId,
            Map<String, String> attributes, String at) throws Exception {
        String first = attributes.getOrDefault("firstName", "");
        String last = attributes.getOrDefault("lastName", "");
        String company = attributes.getOrDefault("company", "");
        String fullName = normal(first + " " + last);
        String address = normal(String.join(" ", "", "", attributes.getOrDefault("city", "")));
        String search = normal(String.join(" ", "", first, last, company));
        prof.row(id + "," + customer + "," + source + "," + csv(externalId) + ",person," + csv(search.isEmpty() ? null : search) + ","
                + csv(fullName) + "," + csv(companyKey(company)) + "," + csv(address) + "," + csv(blockKey(fullName)) + "," + at + "," + at);
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            attr.row(id + "," + e.getKey() + "," + csv(Http.JSON.writeValueAsString(e.getValue())) + "," + at);
        }
    }

    private static String touchpoint(Random r, UUID profile, long n, long anchor, String received) throws Exception {
        int kind = r.nextInt(100);
        String type;
        String channel;
        String phase;
        String initiator = "customer";
        String score = "";
        String amount = "";
        String currency = "";
        Map<String, Object> payload = new LinkedHashMap<>();
        if (kind < 85) {
            type = "core.interaction";
            int ch = r.nextInt(100);
            channel = ch < 45 ? "web" : ch < 70 ? "email" : ch < 85 ? "phone" : "chat";
            initiator = r.nextInt(100) < 60 ? "customer" : "company";
            phase = PHASES[r.nextInt(PHASES.length)];
            payload.put("subject", DataSet.pick(r, Touchpoints.SUBJECTS));
            payload.put("topic", DataSet.pick(r, Touchpoints.TOPICS));
            payload.put("outcome", DataSet.pick(r, Touchpoints.OUTCOMES));
            if (!"web".equals(channel)) {
                payload.put("durationSeconds", 30 + r.nextInt(1800));
            } else if (r.nextInt(100) < 8) {
                amount = new java.math.BigDecimal(500 + r.nextInt(49_500)).movePointLeft(2).setScale(4).toPlainString();
                currency = "EUR";
            }
        } else {
            channel = r.nextBoolean() ? "email" : "web";
            if (kind < 92) {
                type = "feedback.nps";
                phase = "advocacy";
                score = r.nextInt(11) + ".000";
            } else if (kind < 97) {
                type = "feedback.csat";
                phase = "retention";
                score = (1 + r.nextInt(5)) + ".000";
            } else {
                type = "feedback.ces";
                phase = "retention";
                score = (1 + r.nextInt(7)) + ".000";
            }
            payload.put("comment", DataSet.pick(r, Touchpoints.COMMENTS));
            payload.put("surveyId", "S-" + (2024 + r.nextInt(2)) + "-" + (1 + r.nextInt(12)));
        }
        String source = !score.isEmpty() ? "survey" : switch (channel) {
            case "web" -> "shop";
            case "email" -> "crm";
            default -> "helpdesk";
        };
        long occurred = anchor - 1 - (long) (r.nextDouble() * Touchpoints.TWO_YEARS_S);
        UUID id = new UUID(r.nextLong(), r.nextLong());
        return id + "," + profile + "," + source + ",U" + n + "," + type + ",core," + channel + "," + phase + "," + initiator + ","
                + Instant.ofEpochSecond(occurred) + "," + received + "," + score + "," + amount + "," + currency + ","
                + csv(Http.JSON.writeValueAsString(payload));
    }


    // The same normalisation as dev.kreis.platform.identity.MatchProfile (the bench does not depend on the platform).

    static String normal(String value) {
        if (value == null) {
            return "";
        }
        String stripped = Normalizer.normalize(value.replace("ß", "ss"), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    static String companyKey(String value) {
        return Stream.of(normal(value).split(" ")).filter(t -> !t.isEmpty() && !LEGAL_FORMS.contains(t))
                .collect(Collectors.joining(" "));
    }

    static String blockKey(String fullName) {
        if (fullName.isEmpty()) {
            return null;
        }
        String[] tokens = fullName.split(" ");
        String family = PHONETIC.encode(tokens[tokens.length - 1]);
        return "p:" + (family.length() <= 27 ? family : family.substring(0, 27)) + (tokens.length > 1 ? tokens[0].substring(0, 1) : "");
    }

    /** A CSV field: empty (NULL in COPY) for null, otherwise quoted. */
    private static String csv(String value) {
        return value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** CSV rows gathered in memory, then sent in one COPY. */
    private static final class Copier {
        private final StringBuilder buf = new StringBuilder(1 << 20);

        void row(String csv) {
            buf.append(csv).append('\n');
        }

        void copy(PGConnection pg, String sql) throws Exception {
            byte[] b = buf.toString().getBytes(StandardCharsets.UTF_8);
            buf.setLength(0);
            CopyIn copy = pg.getCopyAPI().copyIn(sql);
            for (int off = 0; off < b.length; off += 1 << 20) {
                copy.writeToCopy(b, off, Math.min(1 << 20, b.length - off));
            }
            copy.endCopy();
        }
    }
}
