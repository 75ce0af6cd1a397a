package dev.kreis.platform.storage;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Activates exactly one of the two built-in datasources ({@code h2}, {@code postgresql}) from
 * {@code kreis.db.kind} (system property) or {@code KREIS_DB_KIND} (environment), default {@code h2};
 * and the optional read datasource ({@value #READ}, a PostgreSQL streaming replica, docs/postgresql.md)
 * when the primary is PostgreSQL and {@code kreis.db.read.url} or {@code KREIS_DB_READ_URL} is set.
 * A datasource's {@code active} flag is read at run time, so one build serves every combination.
 */
public class DatabaseSelectionConfigSource implements ConfigSource {
    /** The name of the read datasource. */
    public static final String READ = "read";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(activeKey(DatabaseKind.H2.datasourceName()), activeKey(DatabaseKind.POSTGRESQL.datasourceName()), activeKey(READ));
    }

    @Override
    public String getValue(String propertyName) {
        for (DatabaseKind kind : DatabaseKind.values()) {
            if (activeKey(kind.datasourceName()).equals(propertyName)) {
                return Boolean.toString(selected() == kind);
            }
        }
        if (activeKey(READ).equals(propertyName)) {
            return Boolean.toString(readReplicaSelected());
        }
        return null;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        getPropertyNames().forEach(name -> properties.put(name, getValue(name)));
        return properties;
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
        String value = setting("kreis.db.kind", "KREIS_DB_KIND");
        return value == null ? DatabaseKind.H2 : DatabaseKind.parse(value);
    }

    /** Whether reads may go to a replica: a read URL is set and the primary is PostgreSQL (H2 has no replicas). */
    static boolean readReplicaSelected() {
        return selected() == DatabaseKind.POSTGRESQL && setting("kreis.db.read.url", "KREIS_DB_READ_URL") != null;
    }

    private static String setting(String property, String environment) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String activeKey(String datasource) {
        return "quarkus.datasource." + datasource + ".active";
    }
}
