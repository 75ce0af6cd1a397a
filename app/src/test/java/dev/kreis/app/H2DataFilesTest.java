package dev.kreis.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kreis.platform.storage.H2DataFiles;

/**
 * The embedded H2 database as it runs in production (the JDBC URL of application.properties, a real file): erased values
 * do not survive in the file, the files are the owner's only, and no trace file records SQL parameter values.
 */
class H2DataFilesTest {

    @TempDir
    Path temp;

    /** The production H2 URL with the data directory set to {@code directory}. */
    private static String productionUrl(Path directory) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = H2DataFilesTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties.getProperty("quarkus.datasource.h2.jdbc.url").replace("${kreis.data-dir}", directory.toString());
    }

    private static Connection open(Path directory) throws Exception {
        return DriverManager.getConnection(productionUrl(directory), "kreis", "");
    }

    /** Stores {@code secret} in many rows, commits, and deletes them all again: what an erasure does to personal values. */
    private static void storeAndDelete(Connection connection, String secret) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table note (id int primary key, text varchar(200))");
            try (PreparedStatement insert = connection.prepareStatement("insert into note (id, text) values (?, ?)")) {
                for (int i = 0; i < 2000; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "Call " + secret + " about order " + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            statement.execute("checkpoint");
            statement.execute("delete from note");
            statement.execute("checkpoint");
        }
    }

    private static boolean fileHolds(Path file, String text) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
    }

    @Test
    void aDeletedValueIsGoneFromTheDataFileOnceTheDatabaseIsCompacted() throws Exception {
        String secret = "+49301234" + UUID.randomUUID().toString().substring(0, 8);
        Path plain = Files.createDirectory(temp.resolve("plain"));
        try (Connection connection = open(plain)) {
            storeAndDelete(connection, secret);
        }
        assertTrue(fileHolds(plain.resolve("kreis.mv.db"), secret), "without compaction the deleted value stays in the file (the finding)");

        Path compacted = Files.createDirectory(temp.resolve("compacted"));
        try (Connection connection = open(compacted)) {
            storeAndDelete(connection, secret);
            H2DataFiles.compact(connection);
        }
        assertFalse(fileHolds(compacted.resolve("kreis.mv.db"), secret), "compaction removed the deleted value from the file");
        try (Connection connection = open(compacted); Statement statement = connection.createStatement()) {
            assertTrue(statement.executeQuery("select count(*) from note").next(), "the database opens again after compaction");
        }
    }

    @Test
    void theDataDirectoryIsTheOwnersOnlyAndSoAreTheDatabaseFiles() throws Exception {
        Path data = Files.createDirectory(temp.resolve("data"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        try (Connection connection = open(data)) {
            Path database = H2DataFiles.databasePath(connection).orElseThrow();
            assertEquals(data.resolve("kreis").toAbsolutePath(), database);

            H2DataFiles.restrict(database);
        }

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        List<Path> files;
        try (Stream<Path> listed = Files.list(data)) {
            files = listed.toList();
        }
        assertTrue(files.contains(data.resolve("kreis.mv.db")), "files: " + files);
        for (Path file : files) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }
    }

    @Test
    void noTraceFileRecordsSqlParameterValues() throws Exception {
        String secret = "anna." + UUID.randomUUID() + "@example.com";
        Path data = Files.createDirectory(temp.resolve("traced"));
        try (Connection connection = open(data); Statement statement = connection.createStatement()) {
            statement.execute("create table person (email varchar(200) primary key)");
            try (PreparedStatement insert = connection.prepareStatement("insert into person (email) values (?)")) {
                insert.setString(1, secret);
                insert.execute();
                assertThrows(SQLException.class, insert::execute, "a duplicate is an error H2 would trace");
            }
            PreparedStatement broken = connection.prepareStatement("select * from person where email = ?");
            broken.setString(1, secret);
            broken.close();
            assertThrows(SQLException.class, () -> statement.execute("select no_such_column from person where email = '" + secret + "'"));
        }

        try (Stream<Path> listed = Files.list(data)) {
            assertEquals(List.of(), listed.filter(p -> p.getFileName().toString().endsWith(".trace.db")).toList());
        }
    }
}
