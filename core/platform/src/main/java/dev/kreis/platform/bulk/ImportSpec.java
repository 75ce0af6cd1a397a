package dev.kreis.platform.bulk;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The {@code spec} part of an import, as the client sends it and as it is stored with the import. Every
 * option may be left out; {@code mapping} names a saved mapping whose options and columns apply where this
 * spec names none.
 */
@Schema(description = "What the file holds and how its columns map onto profiles or touchpoints.")
public record ImportSpec(
        @Schema(required = true, enumeration = { "profiles", "touchpoints" }, description = "What each row is.", example = "profiles")
        String kind,
        @Schema(required = true, description = "The source the rows come from; with externalId the key rows are upserted on.",
                example = "legacy-crm", maxLength = 100)
        String source,
        @Schema(nullable = true, description = "Report exactly what the import would do, writing nothing.", defaultValue = "false")
        Boolean dryRun,
        @Schema(nullable = true, description = "How to read the file; anything left out is detected or defaulted.")
        ImportOptions options,
        @Schema(type = SchemaType.OBJECT, nullable = true, description = "Header name (matched case-insensitively) to what the column holds;"
                + " unmapped columns are ignored.", example = "{\"Kundennummer\":{\"field\":\"externalId\"},\"E-Mail\":{\"identifier\":\"email\"}}")
        Map<String, ColumnMapping> columns,
        @Schema(nullable = true, description = "A saved mapping to use (PUT /api/v1/import-mappings/{name}).", example = "legacy-crm-contacts")
        String mapping,
        @Schema(nullable = true, description = "Touchpoint imports only: raise no signals (follow-up tasks, tags) for these touchpoints, e.g. for history.",
                defaultValue = "false")
        Boolean muteSignals) {

    /** This spec with the saved mapping's options and columns where it has none of its own. */
    public ImportSpec withMapping(ImportSpec saved) {
        return new ImportSpec(kind, source, dryRun, options != null ? options : saved.options(),
                columns != null && !columns.isEmpty() ? columns : saved.columns(), mapping, muteSignals);
    }
}
