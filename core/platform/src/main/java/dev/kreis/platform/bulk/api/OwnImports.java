package dev.kreis.platform.bulk.api;

import java.util.UUID;

import dev.kreis.platform.bulk.persistence.ImportRepository;
import dev.kreis.platform.security.IntegrationDeletesOwn;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

/** An import belongs to whoever started it: the integration role may cancel its own imports, no one else's. */
@ApplicationScoped
@Unremovable // looked up by SettingsAndDeletions through @IntegrationDeletesOwn, never injected
public class OwnImports implements IntegrationDeletesOwn.OwnedRecords {
    private final ImportRepository imports;

    OwnImports(ImportRepository imports) {
        this.imports = imports;
    }

    @Override
    public boolean createdBy(String id, String actor) {
        UUID importId;
        try {
            importId = UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
        return imports.find(importId).map(row -> actor.equals(row.createdBy())).orElse(false);
    }
}
