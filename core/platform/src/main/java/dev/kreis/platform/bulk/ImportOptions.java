package dev.kreis.platform.bulk;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How to read an import file. */
@Schema(description = "How to read the file. Delimiter and encoding are detected when left out.")
public record ImportOptions(
        @Schema(nullable = true, description = "The field delimiter: one of , ; or a tab (\\t). Detected from the header line when left out.",
                example = ";")
        String delimiter,
        @Schema(nullable = true, enumeration = { "UTF-8", "windows-1252", "ISO-8859-1" },
                description = "The file's encoding. A byte-order mark wins; without one UTF-8 is assumed unless the file is not valid UTF-8,"
                        + " then windows-1252.", example = "UTF-8")
        String encoding,
        @Schema(nullable = true, enumeration = { ".", "," }, description = "The decimal separator of numbers; the other one is taken as"
                + " the thousands separator (1.234,56 with \",\").", example = ",")
        String decimalSeparator,
        @Schema(nullable = true, description = "A java.time pattern for dates and times (e.g. dd.MM.yyyy or dd.MM.yyyy HH:mm); values"
                + " without a zone are taken as UTC. ISO-8601 when left out.", example = "dd.MM.yyyy")
        String dateFormat) {
}
