package dev.kreis.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.kreis.platform.identity.Identifier;
import dev.kreis.platform.identity.IdentifierType;
import dev.kreis.platform.identity.MatchProfile;
import dev.kreis.platform.identity.ProfileBatchIntake;
import dev.kreis.platform.identity.ProfileBatchIntake.Item;
import dev.kreis.platform.identity.ProfileBatchIntake.Outcome;
import dev.kreis.platform.identity.ProfileIntake;
import dev.kreis.platform.identity.ProfileSubmission;
import dev.kreis.platform.identity.Similarity;
import dev.kreis.platform.storage.Jdbc;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Batched identity resolution of submissions for stored profiles (connector re-syncs, import re-runs): the batch stores
 * exactly what one-by-one submissions store (values, observation times, identifiers, customers and merges), whichever
 * of its paths a row takes.
 */
@QuarkusTest
class ProfileBatchUpdateTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @Inject
    ProfileBatchIntake batch;
    @Inject
    ProfileIntake single;
    @Inject
    Jdbc jdbc;

    private static ProfileSubmission submission(String source, String externalId, Map<String, JsonNode> attributes, Set<String> emails,
            boolean replace, int minutes) {
        Set<Identifier> identifiers = new LinkedHashSet<>();
        emails.forEach(e -> identifiers.add(new Identifier(IdentifierType.EMAIL, "", e)));
        return new ProfileSubmission(source, externalId, "person", attributes, identifiers, replace, Optional.of(T0.plusMinutes(minutes)),
                Optional.empty());
    }

    private Map<String, String> attributes(String source, String externalId) {
        Map<String, String> result = new TreeMap<>();
        jdbc.query("select a.name, a.attr_value, a.observed_at from profile_attribute a join profile p on p.id = a.profile_id"
                + " where p.source = ? and p.external_id = ?", r -> result.put(r.getString(1), r.getString(2) + "@"
                        + Jdbc.time(r, "observed_at").toInstant()), source, externalId);
        return result;
    }

    private Set<String> emails(String source, String externalId, String suffix) {
        Set<String> result = new TreeSet<>();
        jdbc.query("select i.id_value from profile_identifier i join profile p on p.id = i.profile_id where p.source = ? and p.external_id = ?",
                r -> result.add(r.getString(1).replace(suffix, "")), source, externalId);
        return result;
    }

    private Map<String, UUID> customers(String source) {
        Map<String, UUID> result = new HashMap<>();
        jdbc.query("select external_id, customer_id from profile where source = ?", r -> result.put(r.getString(1), Jdbc.uuid(r, "customer_id")),
                source);
        return result;
    }

    /** The customers as groups of external ids, so two runs with different ids compare. */
    private static Set<Set<String>> partition(Map<String, UUID> customers) {
        Map<UUID, Set<String>> groups = new HashMap<>();
        customers.forEach((externalId, customer) -> groups.computeIfAbsent(customer, k -> new TreeSet<>()).add(externalId));
        return new java.util.HashSet<>(groups.values());
    }

    @Test
    void updatesOfStoredProfilesInABatchStoreWhatOneByOneSubmissionsStore() {
        for (long run = 1; run <= 6; run++) {
            long seed = run;
            Random random = new Random(seed);
            String u = Fixtures.unique();
            String batchSource = "b-" + u;
            String singleSource = "s-" + u;
            String batchMail = "-b" + u + "@example.org";
            String singleMail = "-s" + u + "@example.org";
            List<List<int[]>> batches = new ArrayList<>();
            List<List<Map<String, JsonNode>>> values = new ArrayList<>();
            List<List<Set<Integer>>> mails = new ArrayList<>();
            for (int b = 0; b < 5; b++) {
                List<int[]> rows = new ArrayList<>();
                List<Map<String, JsonNode>> rowValues = new ArrayList<>();
                List<Set<Integer>> rowMails = new ArrayList<>();
                int size = 1 + random.nextInt(8);
                for (int r = 0; r < size; r++) {
                    // external id, replace identifiers, observed at (minutes)
                    rows.add(new int[] { random.nextInt(6), random.nextInt(3) == 0 ? 0 : 1, random.nextInt(100) });
                    Map<String, JsonNode> v = new LinkedHashMap<>();
                    if (random.nextBoolean()) {
                        v.put("firstName", TextNode.valueOf(List.of("Anna", "Berta", "Carla").get(random.nextInt(3))));
                    }
                    if (random.nextInt(3) == 0) {
                        v.put("city", random.nextInt(4) == 0 ? null : TextNode.valueOf(List.of("Köln", "Bonn").get(random.nextInt(2))));
                    }
                    rowValues.add(v);
                    Set<Integer> m = new TreeSet<>();
                    int count = random.nextInt(3);
                    for (int k = 0; k < count; k++) {
                        m.add(random.nextInt(5));
                    }
                    rowMails.add(m);
                }
                batches.add(rows);
                values.add(rowValues);
                mails.add(rowMails);
            }
            for (int b = 0; b < batches.size(); b++) {
                List<ProfileSubmission> batchRows = new ArrayList<>();
                for (int r = 0; r < batches.get(b).size(); r++) {
                    int[] row = batches.get(b).get(r);
                    Set<String> singleEmails = new LinkedHashSet<>();
                    Set<String> batchEmails = new LinkedHashSet<>();
                    mails.get(b).get(r).forEach(m -> {
                        singleEmails.add("e" + m + singleMail);
                        batchEmails.add("e" + m + batchMail);
                    });
                    single.submit(submission(singleSource, "x" + row[0], values.get(b).get(r), singleEmails, row[1] == 1, row[2]));
                    batchRows.add(submission(batchSource, "x" + row[0], values.get(b).get(r), batchEmails, row[1] == 1, row[2]));
                }
                List<Item> items = batch.submitAll(batchRows);
                items.forEach(i -> assertNotEquals(Outcome.REJECTED, i.outcome(), "seed " + seed));
            }
            assertEquals(partition(customers(singleSource)), partition(customers(batchSource)), "customers, seed " + seed);
            for (int x = 0; x < 6; x++) {
                assertEquals(attributes(singleSource, "x" + x), attributes(batchSource, "x" + x), "values of x" + x + ", seed " + seed);
                assertEquals(emails(singleSource, "x" + x, singleMail), emails(batchSource, "x" + x, batchMail),
                        "identifiers of x" + x + ", seed " + seed);
            }
        }
    }

    @Test
    void aBatchUpdateKeepsNewerValuesAndAnswersUnchangedForWhatItAlreadyHolds() {
        String source = "b-" + Fixtures.unique();
        String email = Fixtures.email();
        UUID customer = single.submit(submission(source, "1", Map.of("firstName", TextNode.valueOf("Anna"), "city", TextNode.valueOf("Köln")),
                Set.of(email), true, 50)).customerId();

        List<Item> items = batch.submitAll(List.of(
                submission(source, "1", Map.of("firstName", TextNode.valueOf("Anna"), "city", TextNode.valueOf("Köln")), Set.of(email), true, 50),
                submission(source, "2", Map.of("firstName", TextNode.valueOf("Bea")), Set.of(), false, 0)));
        List<Item> again = batch.submitAll(List.of(
                submission(source, "1", Map.of("firstName", TextNode.valueOf("Änne"), "city", TextNode.valueOf("Bonn")), Set.of(email), true, 10),
                submission(source, "2", Map.of("firstName", TextNode.valueOf("Berta")), Set.of(), false, 5)));

        assertEquals(Outcome.UNCHANGED, items.get(0).outcome());
        assertEquals(customer, items.get(0).customerId());
        assertEquals(Outcome.UNCHANGED, again.get(0).outcome(), "older values change nothing");
        assertEquals(Outcome.UPDATED, again.get(1).outcome());
        assertEquals(items.get(1).customerId(), again.get(1).customerId());
        assertEquals("\"Köln\"", attributes(source, "1").get("city").split("@")[0]);
        assertEquals("\"Berta\"", attributes(source, "2").get("firstName").split("@")[0]);
    }

    @Test
    void anUpdateThatBringsAnotherCustomersEmailMergesThemAndARemovedEmailNoLongerJoins() {
        String source = "b-" + Fixtures.unique();
        String first = Fixtures.email();
        String second = Fixtures.email();
        UUID a = single.submit(submission(source, "a", Map.of(), Set.of(first), true, 0)).customerId();
        UUID b = single.submit(submission(source, "b", Map.of(), Set.of(second), true, 1)).customerId();

        List<Item> items = batch.submitAll(List.of(submission(source, "b", Map.of(), Set.of(first), true, 2),
                submission(source, "c", Map.of(), Set.of(second), true, 3)));

        assertEquals(a, items.get(0).customerId(), "b now carries a's e-mail: merged into the older customer");
        assertNotEquals(a, items.get(1).customerId(), "b's old e-mail was removed before c came");
        assertNotEquals(b, items.get(1).customerId());
        assertEquals(Set.of(first), emails(source, "b", ""));
    }

    @Test
    void screeningByTheScoreAloneAgreesWithTheScoreWithReasons() {
        List<MatchProfile> profiles = List.of(MatchProfile.of("person", Map.of("firstName", TextNode.valueOf("Anna"), "lastName",
                TextNode.valueOf("Schmidt"), "company", TextNode.valueOf("Acme GmbH"))),
                MatchProfile.of("person", Map.of("firstName", TextNode.valueOf("Anna"), "lastName", TextNode.valueOf("Schmitt"), "city",
                        TextNode.valueOf("Köln"))),
                MatchProfile.of("person", Map.of("firstName", TextNode.valueOf("Ana"), "lastName", TextNode.valueOf("Schmidt"), "company",
                        TextNode.valueOf("Acme AG"), "city", TextNode.valueOf("Köln"))),
                MatchProfile.of("person", Map.of("company", TextNode.valueOf("Acme"))),
                MatchProfile.of("organisation", Map.of("name", TextNode.valueOf("Acme GmbH"))));
        for (MatchProfile x : profiles) {
            for (MatchProfile y : profiles) {
                assertEquals(Similarity.of(x, y).map(Similarity.Score::value), Similarity.value(x, y), x + " / " + y);
            }
        }
    }
}
