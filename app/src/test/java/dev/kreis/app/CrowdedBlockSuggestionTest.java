package dev.kreis.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.kreis.platform.identity.IdentityConfig;
import dev.kreis.platform.identity.MatchProfile;
import dev.kreis.platform.identity.MergeSuggestions;
import dev.kreis.platform.identity.MergeSuggestions.SuggestionWork;
import dev.kreis.platform.identity.ProfileIntake;
import dev.kreis.platform.identity.ProfileResult;
import dev.kreis.platform.identity.ProfileSubmission;
import dev.kreis.platform.identity.persistence.ProfileRow;
import dev.kreis.platform.storage.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Merge suggestions in crowded blocking groups (Müller, Schmidt, Meier): profiles named after the
 * German family-name frequencies, many sharing a full name, and no identifier in common. However many
 * share a block, a customer keeps at most {@code kreis.identity.suggestions-per-customer} open
 * suggestions, and one write compares at most {@code kreis.identity.suggestion-candidates} profiles and
 * checks at most that many customer pairs against stored decisions.
 *
 * <p>Size: {@code -Dkreis.test.crowded-profiles=100000} (the suite writes 2,000; the log reports the block sizes).
 */
@QuarkusTest
class CrowdedBlockSuggestionTest {
    private static final Logger LOG = Logger.getLogger(CrowdedBlockSuggestionTest.class);
    private static final int PROFILES = Integer.getInteger("kreis.test.crowded-profiles", 2_000);

    @Inject
    ProfileIntake intake;
    @Inject
    MergeSuggestions suggestions;
    @Inject
    IdentityConfig config;
    @Inject
    Jdbc jdbc;

    record Written(ProfileResult result, String externalId, Map<String, JsonNode> attributes) {
    }

    @Test
    void suggestionsPerCustomerAndWorkPerWriteStayBoundedInCrowdedBlocks() throws IOException {
        String source = "crowd-" + Fixtures.unique();
        Random random = new Random(42);
        WeightedNames surnames = WeightedNames.load("/names/german-surnames.csv");
        List<String> givenNames = lines("/names/german-given-names.txt");
        List<Written> written = new ArrayList<>();
        Map<String, Integer> blockSizes = new HashMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < PROFILES; i++) {
            Map<String, JsonNode> attributes = Map.of("firstName", TextNode.valueOf(givenNames.get(random.nextInt(givenNames.size()))),
                    "lastName", TextNode.valueOf(surnames.pick(random)));
            String externalId = "c" + i;
            ProfileResult result = intake.submit(new ProfileSubmission(source, externalId, "person", attributes, Set.of(), false,
                    Optional.empty(), Optional.empty()));
            written.add(new Written(result, externalId, attributes));
            blockSizes.merge(MatchProfile.of("person", attributes).blockKey(), 1, Integer::sum);
        }
        String crowdedBlock = blockSizes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        LOG.infof("Wrote %d profiles in %d ms; largest block %s with %d profiles; %d blocks", PROFILES,
                (System.nanoTime() - started) / 1_000_000, crowdedBlock, blockSizes.get(crowdedBlock), blockSizes.size());
        assertTrue(blockSizes.get(crowdedBlock) > 3 * config.suggestionsPerCustomer(), "the data has crowded blocks");

        Set<UUID> customers = new HashSet<>();
        written.forEach(w -> customers.add(w.result().customerId()));
        int most = 0;
        for (UUID customer : customers) {
            most = Math.max(most, openSuggestionsOf(customer));
        }
        LOG.infof("At most %d open suggestions per customer among %d customers", most, customers.size());
        assertTrue(most <= config.suggestionsPerCustomer(), "a customer keeps at most its best " + config.suggestionsPerCustomer() + ", not " + most);
        assertTrue(most > 0, "crowded blocks do produce suggestions");

        int checked = 0;
        for (Written w : written) {
            MatchProfile match = MatchProfile.of("person", w.attributes());
            if (!crowdedBlock.equals(match.blockKey()) || checked == 50) {
                continue;
            }
            ProfileRow row = new ProfileRow(w.result().profileId(), w.result().customerId(), source, w.externalId(), "person", null,
                    OffsetDateTime.now(), OffsetDateTime.now());
            SuggestionWork work = QuarkusTransaction.requiringNew().call(() -> suggestions.refresh(row, match));
            assertTrue(work.candidatesExamined() <= config.suggestionCandidates(), "compared " + work.candidatesExamined());
            assertTrue(work.pairsChecked() <= config.suggestionsPerCustomer(), "checked " + work.pairsChecked() + " pairs");
            assertTrue(openSuggestionsOf(w.result().customerId()) <= config.suggestionsPerCustomer());
            checked++;
        }
        assertEquals(Math.min(50, blockSizes.get(crowdedBlock)), checked);
    }

    private int openSuggestionsOf(UUID customer) {
        return jdbc.queryOne("select count(*) as n from merge_suggestion s join profile a on a.id = s.profile_a join profile b on b.id = s.profile_b"
                + " where s.status = 'open' and (a.customer_id = ? or b.customer_id = ?)", r -> r.getInt("n"), customer, customer).orElse(0);
    }

    private static List<String> lines(String resource) throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = CrowdedBlockSuggestionTest.class.getResourceAsStream(resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null;) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.strip());
                }
            }
        }
        return lines;
    }

    /** Family names drawn with their frequencies. */
    record WeightedNames(List<String> names, long[] cumulative) {
        static WeightedNames load(String resource) throws IOException {
            List<String> names = new ArrayList<>();
            List<Long> sums = new ArrayList<>();
            long total = 0;
            for (String line : lines(resource)) {
                String[] parts = line.split(",");
                total += Long.parseLong(parts[1]);
                names.add(parts[0]);
                sums.add(total);
            }
            return new WeightedNames(names, sums.stream().mapToLong(Long::longValue).toArray());
        }

        String pick(Random random) {
            long at = (long) (random.nextDouble() * cumulative[cumulative.length - 1]);
            for (int i = 0; i < cumulative.length; i++) {
                if (at < cumulative[i]) {
                    return names.get(i);
                }
            }
            return names.get(names.size() - 1);
        }
    }
}
