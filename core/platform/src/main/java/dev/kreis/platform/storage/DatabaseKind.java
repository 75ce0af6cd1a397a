package dev.kreis.platform.storage;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The databases Kreis runs on. The name is also the name of the Quarkus datasource. */
public enum DatabaseKind {
    H2, POSTGRESQL;

    public String datasourceName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DatabaseKind parse(String value) {
        for (DatabaseKind kind : values()) {
            if (kind.datasourceName().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("KREIS_DB_KIND must be one of "
                + Arrays.stream(values()).map(DatabaseKind::datasourceName).collect(Collectors.joining(", "))
                + ", not '" + value + "'");
    }
}
