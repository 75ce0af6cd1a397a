package dev.kreis.platform.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/** Import files in the data directory: one per import, kept until the import ends. */
@ApplicationScoped
class ImportFiles {
    private static final Logger LOG = Logger.getLogger(ImportFiles.class);

    private final ImportConfig config;

    ImportFiles(ImportConfig config) {
        this.config = config;
    }

    /** Moves an uploaded file (already on disk) to where the import will read it. */
    Path keep(UUID importId, Path uploaded) {
        try {
            Path directory = Path.of(config.directory());
            Files.createDirectories(directory);
            Path target = directory.resolve(importId + ".csv");
            try {
                Files.move(uploaded, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.copy(uploaded, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the import file", e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Cannot delete the import file %s: %s", file, e.getMessage());
        }
    }
}
