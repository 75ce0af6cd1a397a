package dev.kreis.platform.storage;

import java.sql.Connection;
import java.sql.SQLException;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/**
 * The active datasource. Connections taken inside a JTA transaction are enlisted in it; close them
 * as usual (try-with-resources), the pool keeps the physical connection until the transaction ends.
 */
@ApplicationScoped
public class Database {
    private final DatabaseKind kind;
    private final AgroalDataSource dataSource;

    Database(@Any Instance<AgroalDataSource> dataSources) {
        this.kind = DatabaseSelectionConfigSource.selected();
        this.dataSource = dataSources.select(new DataSource.DataSourceLiteral(kind.datasourceName())).get();
    }

    public DatabaseKind kind() {
        return kind;
    }

    /** The pooled, transaction-aware data source itself (for Flyway and modules). */
    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }
}
