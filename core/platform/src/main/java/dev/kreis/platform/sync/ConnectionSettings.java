package dev.kreis.platform.sync;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A connection's settings. Well-known keys (docs/connectors.md): {@code push} ({@code true} by default),
 * {@code createRecords} (create CRM records for customers from elsewhere, {@code false}),
 * {@code interval.<object>} (ISO-8601 duration, default {@code kreis.sync.default-interval}),
 * {@code conflict.<object>.<crmField>}, {@code conflict.<attribute>} and {@code conflict.default}
 * ({@code last-writer-wins|crm-wins|kreis-wins}, the most specific wins),
 * {@code mapping.<object>.<crmField>} (the Kreis attribute a CRM field maps to, overriding the connector's
 * default; {@code -} ignores the field), {@code erasure} ({@code delete|none}); everything else is
 * passed to the connector.
 */
public record ConnectionSettings(Map<String, String> values) {

    public ConnectionSettings {
        values = Map.copyOf(values);
    }

    public boolean push() {
        return !"false".equals(values.get("push"));
    }

    public boolean createRecords() {
        return "true".equals(values.get("createRecords"));
    }

    public boolean eraseInCrm() {
        return !"none".equals(values.get("erasure"));
    }

    public Optional<Duration> interval(String object) {
        return Optional.ofNullable(values.get("interval." + object)).map(Duration::parse);
    }

    public ConflictPolicy conflictPolicy(String attribute) {
        return Optional.ofNullable(values.get("conflict." + attribute)).or(() -> Optional.ofNullable(values.get("conflict.default")))
                .flatMap(ConflictPolicy::of).orElse(ConflictPolicy.LAST_WRITER_WINS);
    }

    /** The policy of one CRM field: its own ({@code conflict.<object>.<field>}), else its attribute's, else the default. */
    public ConflictPolicy conflictPolicy(String object, String field, String attribute) {
        return Optional.ofNullable(values.get("conflict." + object + "." + field)).flatMap(ConflictPolicy::of)
                .orElseGet(() -> conflictPolicy(attribute));
    }

    /** The attribute a CRM field maps to if the connection overrides it; {@code "-"} means ignored. */
    public Optional<String> mapping(String object, String field) {
        return Optional.ofNullable(values.get("mapping." + object + "." + field));
    }
}
