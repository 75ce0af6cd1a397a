package dev.kreis.platform.storage;

import dev.kreis.spi.data.ModuleDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;

/** The SPI's {@link ModuleDataSource}: the installation's active datasource. */
@ApplicationScoped
public class ModuleDataSources implements ModuleDataSource {
    private final Database database;

    ModuleDataSources(Database database) {
        this.database = database;
    }

    @Override
    public DataSource get() {
        return database.dataSource();
    }

    @Override
    public boolean postgresql() {
        return database.kind() == DatabaseKind.POSTGRESQL;
    }
}
