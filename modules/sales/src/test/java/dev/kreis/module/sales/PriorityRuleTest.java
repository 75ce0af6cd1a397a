package dev.kreis.module.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.spi.touchpoint.TouchpointReader;

/** The lead priority rule and its computation against a fake touchpoint reader. */
class PriorityRuleTest {

    @Test
    void defaultThresholdsAreLowBelowThreeMediumFromThreeHighFromSix() {
        PriorityRule rule = PriorityRule.DEFAULT;
        assertEquals("low", rule.apply(0).level());
        assertEquals("low", rule.apply(2).level());
        assertEquals("medium", rule.apply(3).level());
        assertEquals("medium", rule.apply(5).level());
        assertEquals("high", rule.apply(6).level());
        assertEquals("high", rule.apply(70).level());
    }

    @Test
    void theReasonNamesTheVisitsAndTheWindow() {
        assertEquals("7 web visits in the last 14 days", PriorityRule.DEFAULT.apply(7).reason());
        assertEquals("1 web visit in the last 14 days", PriorityRule.DEFAULT.apply(1).reason());
        assertEquals("0 web visits in the last 1 day", new PriorityRule(1, 1, 2).apply(0).reason());
    }

    @Test
    void settingsComeFromTheConfigAndMustBeOrdered() {
        PriorityRule rule = PriorityRule.of(Map.of("priorityWindowDays", "7", "mediumVisits", "2", "highVisits", "4"));
        assertEquals(new PriorityRule(7, 2, 4), rule);
        assertEquals("high", rule.apply(4).level());
        assertEquals(PriorityRule.DEFAULT, PriorityRule.of(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> PriorityRule.of(Map.of("mediumVisits", "6", "highVisits", "6")));
        assertThrows(IllegalArgumentException.class, () -> PriorityRule.of(Map.of("highVisits", "x")));
    }

    @Test
    void ranksOrderHighOverMediumOverLow() {
        assertEquals(3, PriorityRule.Priority.rank("high"));
        assertEquals(2, PriorityRule.Priority.rank("medium"));
        assertEquals(1, PriorityRule.Priority.rank("low"));
    }

    /** Answers counts of visits at fixed instants, like the platform's reader: half-open [from, to). */
    static final class FakeReader implements TouchpointReader {
        final List<Instant> visits = new ArrayList<>();
        Set<String> askedTypes;

        @Override
        public long count(UUID customerId, Set<String> types, Instant from, Instant to) {
            askedTypes = types;
            return visits.stream().filter(v -> !v.isBefore(from) && v.isBefore(to)).count();
        }

        @Override
        public Instant last(UUID customerId, Set<String> types, Instant before) {
            return null;
        }
    }

    @Test
    void priorityCountsWebVisitsInsideTheWindowOnly() {
        FakeReader reader = new FakeReader();
        Instant now = Instant.parse("2030-06-15T12:00:00Z");
        LeadPriorities priorities = new LeadPriorities(reader, PriorityRule.DEFAULT);
        UUID customer = UUID.randomUUID();
        assertEquals("low", priorities.of(customer, now).level());
        for (int i = 0; i < 3; i++) {
            reader.visits.add(now.minus(Duration.ofDays(i)));
        }
        reader.visits.add(now.minus(Duration.ofDays(15))); // outside the 14 days
        PriorityRule.Priority medium = priorities.of(customer, now);
        assertEquals("medium", medium.level());
        assertEquals("3 web visits in the last 14 days", medium.reason());
        assertEquals(Set.of("marketing.web_visit"), reader.askedTypes);
        for (int i = 0; i < 4; i++) {
            reader.visits.add(now.minus(Duration.ofHours(i)));
        }
        assertEquals("high", priorities.of(customer, now).level());
        assertEquals(7, priorities.of(customer, now).visits());
        assertEquals("low", priorities.of(null, now).level(), "a lead without a customer record");
    }
}
