package dev.kreis.platform.module;

import dev.kreis.platform.storage.Database;
import dev.kreis.spi.module.ModuleDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies a module's own Flyway migrations ({@code db/kreis-modules/<id>/} in its jar) with its own
 * history table ({@code <prefix>schema_history}), so modules version their tables independently of the
 * core and of each other. Runs outside any transaction (Flyway commits each migration itself); applying
 * what is already applied does nothing, so an install after an uninstall that kept the data is instant.
 */
@ApplicationScoped
public class ModuleMigrations {
    private final Database database;

    ModuleMigrations(Database database) {
        this.database = database;
    }

    /** Migrates the module's tables to its newest version; answers how many migrations ran. */
    public int migrate(ModuleDescriptor descriptor, ClassLoader loader) {
        if (descriptor.tablePrefix().isEmpty()) {
            return 0;
        }
        Flyway flyway = Flyway.configure(loader)
                .dataSource(database.dataSource())
                .locations("classpath:" + descriptor.migrationLocation())
                .table(descriptor.tablePrefix().get() + "schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(true)
                .load();
        MigrateResult result = flyway.migrate();
        return result.migrationsExecuted;
    }
}
