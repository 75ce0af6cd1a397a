package dev.kreis.platform.customer;

import java.util.Map;
import java.util.Objects;

/** The default policy and the per-attribute overrides, as configured at run time. */
public record SurvivorshipPolicies(SurvivorshipPolicy defaultPolicy, Map<String, SurvivorshipPolicy> attributes) {

    public SurvivorshipPolicies {
        Objects.requireNonNull(defaultPolicy, "defaultPolicy");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public SurvivorshipPolicy policyFor(String attribute) {
        return attributes.getOrDefault(attribute, defaultPolicy);
    }
}
