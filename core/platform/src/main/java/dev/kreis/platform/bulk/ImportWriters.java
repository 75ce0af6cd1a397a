package dev.kreis.platform.bulk;

import java.time.OffsetDateTime;
import java.util.Set;

import dev.kreis.platform.bulk.persistence.ImportRepository;
import dev.kreis.platform.storage.BackgroundWriters;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Imports write on their creator's behalf long after {@code POST /api/v1/imports} answered, on whichever node holds
 * the import's lease: while one is queued or running, and for {@code kreis.db.read.primary-after-write} after it ended,
 * its creator's reads go to the primary on every node (docs/postgresql.md "Read replica"). Dry runs write nothing.
 */
@ApplicationScoped
public class ImportWriters implements BackgroundWriters {
    private final ImportRepository imports;

    ImportWriters(ImportRepository imports) {
        this.imports = imports;
    }

    @Override
    public Set<String> writingSince(OffsetDateTime since) {
        return imports.creatorsWritingSince(since);
    }
}
