package dev.kreis.platform.bulk.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kreis.platform.bulk.ImportSpec;

/** A saved import mapping. */
@Schema(description = "A saved import mapping: a spec that imports name with spec.mapping.")
public record MappingView(
        @Schema(required = true, example = "legacy-crm-contacts") String name,
        @Schema(required = true, implementation = SavedSpec.class) ImportSpec spec,
        @Schema(required = true, example = "admin") String updatedBy,
        @Schema(required = true, format = "date-time") OffsetDateTime updatedAt) {

    /** The document's form of a saved spec: the same keys as {@link ImportSpec}, each always sent (null where it names nothing). */
    @Schema(name = "SavedImportSpec", description = "A saved spec: what the file holds and how its columns map; every key is present, null where unset.")
    public record SavedSpec(@Schema(required = true, enumeration = { "profiles", "touchpoints" }, description = "What each row is") String kind,
            @Schema(required = true, description = "The source the rows come from") String source,
            @Schema(required = true, nullable = true, description = "Report only, writing nothing") Boolean dryRun,
            @Schema(required = true, nullable = true) SavedOptions options,
            @Schema(required = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, nullable = true,
                    description = "Header name to what the column holds") java.util.Map<String, dev.kreis.platform.bulk.ColumnMapping> columns,
            @Schema(required = true, nullable = true, description = "A saved mapping this spec refers to") String mapping,
            @Schema(required = true, nullable = true, description = "Touchpoint imports only: raise no signals") Boolean muteSignals) {
    }

    /** The document's form of saved options: every key sent, null where it was left to detection. */
    @Schema(name = "SavedImportOptions", description = "How to read the file; null where it is detected or defaulted.")
    public record SavedOptions(@Schema(required = true, nullable = true, description = "The field delimiter: , ; or a tab") String delimiter,
            @Schema(required = true, nullable = true, enumeration = { "UTF-8", "windows-1252", "ISO-8859-1" }) String encoding,
            @Schema(required = true, nullable = true, enumeration = { ".", "," }, description = "The decimal separator of numbers") String decimalSeparator,
            @Schema(required = true, nullable = true, description = "A java.time pattern for dates and times") String dateFormat) {
    }
}
