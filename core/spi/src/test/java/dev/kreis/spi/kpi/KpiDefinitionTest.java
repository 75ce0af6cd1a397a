package dev.kreis.spi.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KpiDefinitionTest {

    private static KpiDefinition withKey(String key) {
        return new KpiDefinition(key, "Net Promoter Score", KpiUnit.SCORE, Direction.HIGHER_IS_BETTER,
                Set.of("product"), false, "Promoters minus detractors, in percent of responses.");
    }

    private static KpiDefinition withOwners(Set<String> owners) {
        return new KpiDefinition("nrr", "Net revenue retention", KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER,
                owners, true, "Revenue kept and grown from the customers at the period start.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nps", "ab", "support.first_contact_resolution", "funnel.awareness_to_interest", "csat_2"})
    void aKeyIsLowerCaseLettersDigitsUnderscoresAndDots(String key) {
        assertEquals(key, withKey(key).key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "n", "NPS", "Nps", "1nps", "_nps", ".nps", "nps-score", "nps score", "nps!"})
    void aMalformedKeyIsRejected(String key) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> withKey(key));
        assertTrue(thrown.getMessage().contains("'" + key + "'"), thrown.getMessage());
    }

    @Test
    void aKeyHasAtMostSixtyFourCharacters() {
        String longest = "k" + "x".repeat(63);
        assertEquals(longest, withKey(longest).key());
        assertThrows(IllegalArgumentException.class, () -> withKey(longest + "x"));
    }

    @Test
    void aDefinitionNeedsAnOwnerDepartment() {
        assertThrows(IllegalArgumentException.class, () -> withOwners(Set.of()));
    }

    @Test
    void ownerDepartmentsAreLowerCaseNames() {
        assertEquals(Set.of("sales", "customer-success"), withOwners(Set.of("sales", "customer-success")).ownerDepartments());
        assertThrows(IllegalArgumentException.class, () -> withOwners(Set.of("Sales")));
        assertThrows(IllegalArgumentException.class, () -> withOwners(Set.of(" ")));
    }

    @Test
    void ownerDepartmentsAreCopiedAndCannotBeChangedAfterwards() {
        Set<String> owners = new HashSet<>(Set.of("sales"));
        KpiDefinition definition = withOwners(owners);
        owners.add("marketing");
        assertEquals(Set.of("sales"), definition.ownerDepartments());
        assertThrows(UnsupportedOperationException.class, () -> definition.ownerDepartments().add("support"));
    }

    @Test
    void aSharedKpiMayNameOneOwnerSoTheAlignmentScorecardCanReportIt() {
        assertTrue(withOwners(Set.of("sales")).shared());
    }

    @Test
    void aDefinitionNeedsANameAndEveryComponent() {
        assertThrows(IllegalArgumentException.class, () -> new KpiDefinition("nps", " ", KpiUnit.SCORE,
                Direction.HIGHER_IS_BETTER, Set.of("product"), false, ""));
        assertThrows(NullPointerException.class, () -> new KpiDefinition("nps", "NPS", null,
                Direction.HIGHER_IS_BETTER, Set.of("product"), false, ""));
        assertThrows(NullPointerException.class, () -> new KpiDefinition("nps", "NPS", KpiUnit.SCORE,
                null, Set.of("product"), false, ""));
        assertThrows(NullPointerException.class, () -> new KpiDefinition("nps", "NPS", KpiUnit.SCORE,
                Direction.HIGHER_IS_BETTER, Set.of("product"), false, null));
    }

    @Test
    void unitsAndDirectionsTravelUnderTheirLowerCaseNames() {
        assertEquals("duration_seconds", KpiUnit.DURATION_SECONDS.wire());
        assertEquals(Optional.of(KpiUnit.PERCENT), KpiUnit.fromWire("percent"));
        assertEquals(Optional.empty(), KpiUnit.fromWire("PERCENT"));
        assertEquals("lower_is_better", Direction.LOWER_IS_BETTER.wire());
        assertEquals(Optional.of(Direction.HIGHER_IS_BETTER), Direction.fromWire("higher_is_better"));
        assertEquals(Optional.empty(), Direction.fromWire(null));
    }

    @Test
    void reachingTheTargetExactlyMeetsItInEitherDirection() {
        BigDecimal target = new BigDecimal("5.0");
        assertTrue(Direction.HIGHER_IS_BETTER.meets(new BigDecimal("5"), target));
        assertTrue(Direction.LOWER_IS_BETTER.meets(new BigDecimal("5"), target));
        assertFalse(Direction.HIGHER_IS_BETTER.meets(new BigDecimal("4.9"), target));
        assertFalse(Direction.LOWER_IS_BETTER.meets(new BigDecimal("5.1"), target));
    }
}
