package dev.kreis.platform.module.persistence;

import java.time.OffsetDateTime;

/** One row of {@code module_installation}. */
public record InstallationRow(String moduleId, String state, String installedVersion, String origin, String descriptor, String config,
        OffsetDateTime installedAt, OffsetDateTime updatedAt, String updatedBy) {
}
