package dev.kreis.platform.storage;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How requests are answered while the database cannot be reached ({@code kreis.database-outage.*}). How
 * long a request waits for a connection is the pool's acquisition timeout
 * ({@code quarkus.datasource.postgresql.jdbc.acquisition-timeout}, {@code KREIS_DB_ACQUISITION_TIMEOUT}).
 */
@ConfigMapping(prefix = "kreis.database-outage")
public interface DatabaseOutageConfig {

    /** The {@code Retry-After} of the 503 answered while the database cannot be reached (whole seconds, at least 1). */
    @WithDefault("5S")
    Duration retryAfter();

    /** How often, during an outage, a node tries a connection to notice (and log once) that the database is back. */
    @WithDefault("2S")
    Duration probeInterval();
}
