package dev.kreis.platform.customer.persistence;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kreis.platform.customer.SurvivorshipPolicies;
import dev.kreis.platform.customer.SurvivorshipPolicy;
import dev.kreis.platform.customer.SurvivorshipStrategy;
import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/** The survivorship policies; the row for attribute {@code *} is the default. */
@ApplicationScoped
public class SurvivorshipRepository {
    private static final String DEFAULT = "*";
    private final Jdbc jdbc;

    SurvivorshipRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public SurvivorshipPolicies load() {
        Map<String, SurvivorshipPolicy> attributes = new HashMap<>();
        SurvivorshipPolicy[] fallback = { SurvivorshipPolicy.of(SurvivorshipStrategy.MOST_RECENT) };
        jdbc.query("select attribute, strategy, source_priority from survivorship_policy", row -> {
            String sources = row.getString("source_priority");
            SurvivorshipPolicy policy = new SurvivorshipPolicy(SurvivorshipStrategy.fromWire(row.getString("strategy")).orElseThrow(),
                    sources == null || sources.isEmpty() ? List.of() : Arrays.asList(sources.split(",")));
            if (DEFAULT.equals(row.getString("attribute"))) {
                fallback[0] = policy;
            } else {
                attributes.put(row.getString("attribute"), policy);
            }
            return null;
        });
        return new SurvivorshipPolicies(fallback[0], attributes);
    }

    public void replace(SurvivorshipPolicies policies) {
        jdbc.update("delete from survivorship_policy");
        List<Object[]> rows = new java.util.ArrayList<>();
        rows.add(row(DEFAULT, policies.defaultPolicy()));
        policies.attributes().forEach((name, policy) -> rows.add(row(name, policy)));
        jdbc.batch("insert into survivorship_policy (attribute, strategy, source_priority) values (?, ?, ?)", rows);
    }

    private static Object[] row(String attribute, SurvivorshipPolicy policy) {
        return new Object[] { attribute, policy.strategy().wire(),
                policy.sources().isEmpty() ? null : String.join(",", policy.sources()) };
    }
}
