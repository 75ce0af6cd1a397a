package dev.kreis.platform.bulk.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kreis.platform.bulk.ImportSpec;

/** The multipart body of {@code POST /api/v1/imports}, for the API document. */
@Schema(description = "multipart/form-data with the parts spec (JSON) and file (the CSV).")
public record ImportUpload(
        @Schema(required = true, description = "The import spec as JSON.") ImportSpec spec,
        @Schema(required = true, type = SchemaType.STRING, format = "binary", description = "The CSV file, at most kreis.imports.max-file-size.")
        String file) {
}
