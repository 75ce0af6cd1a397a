package dev.kreis.platform.storage;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Activates exactly one of the two built-in datasources ({@code h2}, {@code postgresql}) from
 * {@code kreis.db.kind} (system property) or {@code KREIS_DB_KIND} (environment), default {@code h2}.
 * A datasource's {@code active} flag is read at run time, so one build serves both databases.
 */
public class DatabaseSelectionConfigSource implements ConfigSource {

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(activeKey(DatabaseKind.H2), activeKey(DatabaseKind.POSTGRESQL));
    }

    @Override
    public String getValue(String propertyName) {
        for (DatabaseKind kind : DatabaseKind.values()) {
            if (activeKey(kind).equals(propertyName)) {
                return Boolean.toString(selected() == kind);
            }
        }
        return null;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(activeKey(DatabaseKind.H2), getValue(activeKey(DatabaseKind.H2)),
                activeKey(DatabaseKind.POSTGRESQL), getValue(activeKey(DatabaseKind.POSTGRESQL)));
    }

    @Override
    public String getName() {
        return "kreis-database-selection";
    }

    @Override
    public int getOrdinal() {
        return 240;
    }

    static DatabaseKind selected() {
        String value = System.getProperty("kreis.db.kind");
        if (value == null || value.isBlank()) {
            value = System.getenv("KREIS_DB_KIND");
        }
        return value == null || value.isBlank() ? DatabaseKind.H2 : DatabaseKind.parse(value);
    }

    private static String activeKey(DatabaseKind kind) {
        return "quarkus.datasource." + kind.datasourceName() + ".active";
    }
}
