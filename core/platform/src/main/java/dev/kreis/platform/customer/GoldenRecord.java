package dev.kreis.platform.customer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Derives a customer's golden attributes from the observations of its profiles. Deterministic: the
 * same observations and policies always give the same values and provenance.
 */
public final class GoldenRecord {

    /** Later observations win; equal times are ordered by source and profile so the result is stable. */
    private static final Comparator<AttributeObservation> RECENCY = Comparator
            .comparing(AttributeObservation::observedAt)
            .thenComparing(AttributeObservation::source)
            .thenComparing(AttributeObservation::profileId);

    private GoldenRecord() {
    }

    /** The golden attributes, by name in alphabetical order; attributes with only empty values are absent. */
    public static Map<String, GoldenAttribute> derive(List<AttributeObservation> observations, SurvivorshipPolicies policies) {
        Map<String, List<AttributeObservation>> byName = observations.stream()
                .filter(o -> !o.isEmpty())
                .collect(Collectors.groupingBy(AttributeObservation::name, TreeMap::new, Collectors.toList()));
        Map<String, GoldenAttribute> golden = new LinkedHashMap<>();
        byName.forEach((name, values) -> golden.put(name, GoldenAttribute.from(choose(values, policies.policyFor(name)))));
        return golden;
    }

    static AttributeObservation choose(List<AttributeObservation> values, SurvivorshipPolicy policy) {
        return switch (policy.strategy()) {
            case MOST_RECENT -> mostRecent(values);
            case FIRST_NON_EMPTY -> values.stream().min(RECENCY).orElseThrow();
            case MOST_FREQUENT -> mostFrequent(values);
            case SOURCE_PRIORITY -> bySourcePriority(values, policy.sources()).orElseGet(() -> mostRecent(values));
        };
    }

    private static AttributeObservation mostRecent(List<AttributeObservation> values) {
        return values.stream().max(RECENCY).orElseThrow();
    }

    private static AttributeObservation mostFrequent(List<AttributeObservation> values) {
        Map<JsonNode, List<AttributeObservation>> byValue = new LinkedHashMap<>();
        values.forEach(v -> byValue.computeIfAbsent(v.value(), k -> new ArrayList<>()).add(v));
        return byValue.values().stream()
                .max(Comparator.<List<AttributeObservation>>comparingInt(List::size)
                        .thenComparing(GoldenRecord::mostRecent, RECENCY))
                .map(GoldenRecord::mostRecent)
                .orElseThrow();
    }

    private static Optional<AttributeObservation> bySourcePriority(List<AttributeObservation> values, List<String> sources) {
        for (String source : sources) {
            Optional<AttributeObservation> best = values.stream().filter(v -> v.source().equals(source)).max(RECENCY);
            if (best.isPresent()) {
                return best;
            }
        }
        return Optional.empty();
    }
}
