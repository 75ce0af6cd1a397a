package dev.kreis.platform.bulk.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kreis.platform.bulk.ImportSpec;

/** A saved import mapping. */
@Schema(description = "A saved import mapping: a spec that imports name with spec.mapping.")
public record MappingView(
        @Schema(required = true, example = "legacy-crm-contacts") String name,
        @Schema(required = true) ImportSpec spec,
        @Schema(required = true, example = "admin") String updatedBy,
        @Schema(required = true, format = "date-time") OffsetDateTime updatedAt) {
}
