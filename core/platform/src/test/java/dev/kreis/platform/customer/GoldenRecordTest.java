package dev.kreis.platform.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

class GoldenRecordTest {
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2025-01-01T00:00:00Z");
    private final UUID crm = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private final UUID shop = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private final UUID form = UUID.fromString("00000000-0000-0000-0000-000000000003");

    private static AttributeObservation seen(UUID profile, String source, String name, String value, int day) {
        JsonNode node = value == null ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.textNode(value);
        return new AttributeObservation(profile, source, name, node, T0.plusDays(day));
    }

    private static SurvivorshipPolicies policy(SurvivorshipPolicy policy) {
        return new SurvivorshipPolicies(policy, Map.of());
    }

    @Test
    void mostRecentTakesTheLatestObservationWithItsProvenance() {
        List<AttributeObservation> values = List.of(seen(crm, "crm", "city", "Berlin", 1), seen(shop, "shop", "city", "Hamburg", 5),
                seen(form, "web-form", "city", "Köln", 3));
        GoldenAttribute city = GoldenRecord.derive(values, policy(SurvivorshipPolicy.of(SurvivorshipStrategy.MOST_RECENT))).get("city");
        assertEquals("Hamburg", city.value().asText());
        assertEquals("shop", city.source());
        assertEquals(shop, city.profileId());
        assertEquals(T0.plusDays(5), city.observedAt());
    }

    @Test
    void firstNonEmptyTakesTheEarliestValueAndSkipsBlanks() {
        List<AttributeObservation> values = List.of(seen(crm, "crm", "city", "  ", 0), seen(shop, "shop", "city", "Hamburg", 5),
                seen(form, "web-form", "city", "Köln", 3));
        GoldenAttribute city = GoldenRecord.derive(values, policy(SurvivorshipPolicy.of(SurvivorshipStrategy.FIRST_NON_EMPTY))).get("city");
        assertEquals("Köln", city.value().asText());
        assertEquals(form, city.profileId());
    }

    @Test
    void mostFrequentTakesTheValueMostProfilesAgreeOn() {
        UUID other = UUID.fromString("00000000-0000-0000-0000-000000000004");
        List<AttributeObservation> values = List.of(seen(crm, "crm", "city", "Berlin", 1), seen(shop, "shop", "city", "Hamburg", 9),
                seen(form, "web-form", "city", "Berlin", 2), seen(other, "support", "city", "Hamburg", 1),
                seen(UUID.fromString("00000000-0000-0000-0000-000000000005"), "events", "city", "Berlin", 0));
        GoldenAttribute city = GoldenRecord.derive(values, policy(SurvivorshipPolicy.of(SurvivorshipStrategy.MOST_FREQUENT))).get("city");
        assertEquals("Berlin", city.value().asText());
        assertEquals(form, city.profileId(), "provenance is the most recent profile carrying the winning value");
    }

    @Test
    void mostFrequentBreaksATieByRecency() {
        List<AttributeObservation> values = List.of(seen(crm, "crm", "city", "Berlin", 1), seen(shop, "shop", "city", "Hamburg", 2));
        assertEquals("Hamburg", GoldenRecord.derive(values, policy(SurvivorshipPolicy.of(SurvivorshipStrategy.MOST_FREQUENT)))
                .get("city").value().asText());
    }

    @Test
    void sourcePriorityPrefersTheFirstListedSourceEvenWhenOthersAreNewer() {
        List<AttributeObservation> values = List.of(seen(crm, "crm", "email", "old@crm.de", 1), seen(shop, "shop", "email", "new@shop.de", 9));
        SurvivorshipPolicy priority = new SurvivorshipPolicy(SurvivorshipStrategy.SOURCE_PRIORITY, List.of("crm", "shop"));
        GoldenAttribute email = GoldenRecord.derive(values, policy(priority)).get("email");
        assertEquals("old@crm.de", email.value().asText());
        assertEquals("crm", email.source());
    }

    @Test
    void sourcePriorityFallsBackToMostRecentWhenNoListedSourceHasAValue() {
        List<AttributeObservation> values = List.of(seen(form, "web-form", "phone", "1", 1), seen(shop, "shop", "phone", "2", 4));
        SurvivorshipPolicy priority = new SurvivorshipPolicy(SurvivorshipStrategy.SOURCE_PRIORITY, List.of("crm"));
        assertEquals("2", GoldenRecord.derive(values, policy(priority)).get("phone").value().asText());
    }

    @Test
    void eachAttributeFollowsItsOwnPolicy() {
        List<AttributeObservation> values = List.of(seen(crm, "crm", "name", "Anna", 1), seen(shop, "shop", "name", "Anne", 4),
                seen(crm, "crm", "city", "Berlin", 1), seen(shop, "shop", "city", "Hamburg", 4));
        SurvivorshipPolicies policies = new SurvivorshipPolicies(SurvivorshipPolicy.of(SurvivorshipStrategy.MOST_RECENT),
                Map.of("name", new SurvivorshipPolicy(SurvivorshipStrategy.SOURCE_PRIORITY, List.of("crm"))));
        Map<String, GoldenAttribute> golden = GoldenRecord.derive(values, policies);
        assertEquals("Anna", golden.get("name").value().asText());
        assertEquals("Hamburg", golden.get("city").value().asText());
    }

    @Test
    void attributesWithOnlyEmptyValuesHaveNoGoldenValue() {
        List<AttributeObservation> values = List.of(seen(crm, "crm", "nickname", null, 1), seen(shop, "shop", "nickname", "", 2));
        assertFalse(GoldenRecord.derive(values, policy(SurvivorshipPolicy.of(SurvivorshipStrategy.MOST_RECENT))).containsKey("nickname"));
    }

    @Test
    void equalTimesGiveTheSameAnswerWhateverTheInputOrder() {
        AttributeObservation a = seen(crm, "crm", "city", "Berlin", 1);
        AttributeObservation b = seen(shop, "shop", "city", "Hamburg", 1);
        SurvivorshipPolicies recent = policy(SurvivorshipPolicy.of(SurvivorshipStrategy.MOST_RECENT));
        assertEquals(GoldenRecord.derive(List.of(a, b), recent), GoldenRecord.derive(List.of(b, a), recent));
    }
}
