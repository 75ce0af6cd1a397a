package dev.kreis.platform.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps the embedded H2 database's files private and free of erased values. At start the data directory is made
 * readable by the owner only (0700) and the database's files 0600. At a clean shutdown the database is compacted
 * ({@code SHUTDOWN COMPACT}): H2 writes changes to new places in its file and leaves old versions of rows in free space,
 * so a value that was deleted (an erasure) can still be read from the file with a byte search until the file is
 * rewritten with only what is live. Nothing happens on PostgreSQL or an in-memory database.
 */
@ApplicationScoped
public class H2DataFiles {
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Logger LOG = Logger.getLogger(H2DataFiles.class);

    private final Database database;

    H2DataFiles(Database database) {
        this.database = database;
    }

    void restrictAtStart(@Observes StartupEvent event) {
        if (database.kind() != DatabaseKind.H2) {
            return;
        }
        try (Connection connection = database.connection()) {
            databasePath(connection).ifPresent(H2DataFiles::restrict);
        } catch (SQLException e) {
            LOG.warnf("Could not read the H2 database's path to restrict its files: %s", e.getMessage());
        }
    }

    /** Last of the shutdown observers: the other ones may still write. */
    void compactAtShutdown(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        if (database.kind() != DatabaseKind.H2) {
            return;
        }
        try (Connection connection = database.connection()) {
            Optional<Path> path = databasePath(connection);
            if (path.isPresent()) {
                compact(connection);
                restrict(path.get());
                LOG.info("H2 database compacted at shutdown; deleted values are gone from its file");
            }
        } catch (SQLException e) {
            LOG.errorf("Could not compact the H2 database at shutdown; erased values may remain in its file until the next clean shutdown: %s",
                    e.getMessage());
        }
    }

    /** The database's path without the {@code .mv.db} suffix, if it is a file database. */
    public static Optional<Path> databasePath(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("select database_path()")) {
            String path = row.next() ? row.getString(1) : null;
            return path == null || path.isBlank() ? Optional.empty() : Optional.of(Path.of(path).toAbsolutePath());
        }
    }

    /** Closes the database, rewriting its file with only the live data. The connection (and every other one) is unusable afterwards. */
    public static void compact(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("shutdown compact");
        }
    }

    /** The database's directory 0700, its files 0600 (where the file system has POSIX permissions). */
    public static void restrict(Path databasePath) {
        Path directory = databasePath.getParent();
        String prefix = databasePath.getFileName() + ".";
        try {
            if (!Files.getFileStore(directory).supportsFileAttributeView("posix")) {
                LOG.warnf("The file system of %s has no POSIX permissions; protect the data directory by other means", directory);
                return;
            }
            Files.setPosixFilePermissions(directory, DIRECTORY);
            List<Path> files;
            try (Stream<Path> listed = Files.list(directory)) {
                files = listed.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isRegularFile(p)).toList();
            }
            for (Path file : files) {
                Files.setPosixFilePermissions(file, FILE);
            }
        } catch (IOException e) {
            LOG.warnf("Could not restrict the permissions of %s: %s", directory, e.getMessage());
        }
    }
}
