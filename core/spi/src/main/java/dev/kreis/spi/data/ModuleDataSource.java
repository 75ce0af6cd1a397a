package dev.kreis.spi.data;

import javax.sql.DataSource;

/**
 * The installation's database, for a module's own tables (those with its prefix). Implemented by the
 * platform; inject it. Connections taken inside a JTA transaction ({@code @Transactional}) join it, so
 * a module's rows and the touchpoints it records commit together.
 *
 * <p>Write SQL both H2 (PostgreSQL mode) and PostgreSQL run; {@link #postgresql()} tells which is in use.
 * Thread-safe. Stability: stable.
 */
public interface ModuleDataSource {

    /** The pooled, transaction-aware data source. */
    DataSource get();

    /** Whether the database is PostgreSQL (else H2). */
    boolean postgresql();
}
