package dev.kreis.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.kreis.platform.identity.Identifier;
import dev.kreis.platform.identity.IdentityConfig;
import dev.kreis.platform.identity.IdentifierType;
import dev.kreis.platform.identity.ProfileBatchIntake;
import dev.kreis.platform.identity.ProfileBatchIntake.Item;
import dev.kreis.platform.identity.ProfileBatchIntake.Outcome;
import dev.kreis.platform.identity.ProfileIntake;
import dev.kreis.platform.identity.ProfileSubmission;
import dev.kreis.platform.storage.Jdbc;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Batched identity resolution (imports, connectors' initial loads): a known e-mail never makes a second customer,
 * whether it was stored before the batch, earlier in the same batch or in an earlier batch, and the batch's new
 * profiles are compared for merge suggestions as one-by-one writes are.
 */
@QuarkusTest
class ProfileBatchIntakeTest {

    @Inject
    ProfileBatchIntake batch;
    @Inject
    ProfileIntake single;
    @Inject
    Jdbc jdbc;
    @Inject
    IdentityConfig config;

    private static ProfileSubmission person(String source, String externalId, String first, String last, String company, String email) {
        Map<String, JsonNode> attributes = Map.of("firstName", TextNode.valueOf(first), "lastName", TextNode.valueOf(last), "company",
                TextNode.valueOf(company));
        return new ProfileSubmission(source, externalId, "person", attributes, Set.of(new Identifier(IdentifierType.EMAIL, "", email)), false,
                Optional.empty(), Optional.empty());
    }

    private static String surname() {
        String u = Fixtures.unique();
        return Character.toUpperCase(u.charAt(0)) + u.substring(1);
    }

    private long customersWith(String email) {
        return jdbc.queryOne("select count(distinct p.customer_id) from profile p join profile_identifier i on i.profile_id = p.id"
                + " where i.type = 'email' and i.id_value = ?", r -> r.getLong(1), email).orElseThrow();
    }

    private long openSuggestionsBetween(UUID a, UUID b) {
        return jdbc.queryOne("select count(*) from merge_suggestion s join profile pa on pa.id = s.profile_a join profile pb on pb.id = s.profile_b"
                + " where s.status = 'open' and ((pa.customer_id = ? and pb.customer_id = ?) or (pa.customer_id = ? and pb.customer_id = ?))",
                r -> r.getLong(1), a, b, b, a).orElseThrow();
    }

    private long openSuggestionsOf(UUID customer) {
        return jdbc.queryOne("select count(*) from merge_suggestion s join profile pa on pa.id = s.profile_a join profile pb on pb.id = s.profile_b"
                + " where s.status = 'open' and (pa.customer_id = ? or pb.customer_id = ?)", r -> r.getLong(1), customer, customer).orElseThrow();
    }

    @Test
    void aBatchOfLookAlikesLeavesEveryCustomerWithAtMostItsBestFewOpenSuggestions() {
        String source = "batch-" + Fixtures.unique();
        String family = surname() + "schmidt";
        String company = "Qwerty " + surname() + " GmbH";
        int keep = config.suggestionsPerCustomer();
        UUID before = single.submit(person("crm", "c-" + Fixtures.unique(), "Anna", family, company, Fixtures.email())).customerId();
        List<ProfileSubmission> lookAlikes = new java.util.ArrayList<>();
        for (int i = 0; i < keep + 3; i++) {
            lookAlikes.add(person(source, "l" + i, "Anna", family, company, Fixtures.email()));
        }

        List<Item> items = batch.submitAll(lookAlikes);

        // Each look-alike suggests its best few among the customer stored before and the look-alikes before it: about 30
        // suggestions among 9 customers, more than 5 each on average, so without the trim some customer would keep more.
        // A customer trimmed later may take a suggestion of an earlier one with it, so each keeps "at most", not "exactly".
        List<UUID> group = new java.util.ArrayList<>(List.of(before));
        for (Item item : items) {
            assertNotEquals(before, item.customerId());
            group.add(item.customerId());
        }
        long total = 0;
        for (UUID customer : group) {
            long open = openSuggestionsOf(customer);
            assertTrue(open <= keep, customer + " keeps " + open + " open suggestions, at most " + keep);
            total += open;
        }
        assertTrue(total > 0, "the look-alikes are suggested with each other");
    }

    @Test
    void aKnownEmailNeverMakesASecondCustomerWithinABatchOrAcrossBatches() {
        String source = "batch-" + Fixtures.unique();
        String known = Fixtures.email();
        String shared = Fixtures.email();
        String alone = Fixtures.email();
        UUID existing = single.submit(person("crm", "c-" + Fixtures.unique(), "Anna", surname(), "A GmbH", known)).customerId();

        List<Item> first = batch.submitAll(List.of(person(source, "1", "Bea", surname(), "B GmbH", known),
                person(source, "2", "Carl", surname(), "C GmbH", shared), person(source, "3", "Carla", surname(), "C GmbH", shared),
                person(source, "4", "Dora", surname(), "D GmbH", alone)));
        List<Item> second = batch.submitAll(List.of(person(source, "5", "Emil", surname(), "E GmbH", shared)));

        assertTrue(first.stream().allMatch(i -> i.outcome() == Outcome.CREATED), first.toString());
        assertEquals(existing, first.get(0).customerId());
        assertEquals(first.get(1).customerId(), first.get(2).customerId());
        assertNotEquals(first.get(1).customerId(), first.get(3).customerId());
        assertNotEquals(existing, first.get(3).customerId());
        assertEquals(first.get(1).customerId(), second.get(0).customerId());
        assertEquals(1, customersWith(known));
        assertEquals(1, customersWith(shared));
        assertEquals(1, customersWith(alone));
    }

    @Test
    void aBatchsNewProfilesAreSuggestedWithSimilarCustomersStoredBeforeAndWithinTheBatch() {
        String source = "batch-" + Fixtures.unique();
        String family = surname();
        String company = "Zyxqwer " + surname() + " GmbH";
        UUID before = single.submit(person("crm", "c-" + Fixtures.unique(), "Anna", family + "schmidt", company, Fixtures.email())).customerId();

        List<Item> items = batch.submitAll(List.of(person(source, "1", "Anna", family + "schmitt", company, Fixtures.email()),
                person(source, "2", "Otto", surname() + "meier", "Other " + surname() + " AG", Fixtures.email())));
        String other = surname();
        List<Item> pair = batch.submitAll(List.of(person(source, "3", "Berta", other + "schmidt", company, Fixtures.email()),
                person(source, "4", "Berta", other + "schmitt", company, Fixtures.email())));

        assertNotEquals(before, items.get(0).customerId());
        assertEquals(1, openSuggestionsBetween(before, items.get(0).customerId()));
        assertEquals(0, openSuggestionsBetween(before, items.get(1).customerId()));
        assertNotEquals(pair.get(0).customerId(), pair.get(1).customerId());
        assertEquals(1, openSuggestionsBetween(pair.get(0).customerId(), pair.get(1).customerId()));
    }
}
