package dev.kreis.platform.storage;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The optional read datasource ({@code kreis.db.read.*}, docs/postgresql.md "Read replica"): a PostgreSQL
 * streaming replica that serves timelines, customer lists, the customers behind a KPI and exports, while a
 * caller's own recent writes and everything else are read from the primary.
 */
@ConfigMapping(prefix = "kreis.db.read")
public interface ReadReplicaConfig {

    /**
     * The replica's JDBC URL ({@code KREIS_DB_READ_URL}); unset: every read goes to the primary. Used only when
     * the primary is PostgreSQL. User and password: {@code KREIS_DB_READ_USERNAME} and {@code KREIS_DB_READ_PASSWORD},
     * by default those of the primary.
     */
    Optional<String> url();

    /**
     * For how long after a caller's own write (any POST, PUT, PATCH or DELETE, and the end of an import or sync run it
     * started) its reads go to the primary.
     */
    @WithDefault("5S")
    Duration primaryAfterWrite();

    /** Reads go to the primary while the replica is further behind the primary than this. */
    @WithDefault("30S")
    Duration maxLag();

    /** How often the replica's lag is measured (and, while it cannot be reached, how often it is tried again). */
    @WithDefault("1S")
    Duration checkInterval();

    /** How many callers' last writes a node remembers at most; older ones are forgotten first. */
    @WithDefault("100000")
    int maxRecentWriters();
}
