package dev.kreis.platform.bulk;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.platform.identity.IdentifierType;
import dev.kreis.platform.identity.api.ProfileRequests;

/**
 * A validated import spec: what the rows are, how to read the file and what each (lower-cased) header
 * name maps to.
 */
public record ImportPlan(ImportKind kind, String source, boolean dryRun, boolean muteSignals, Charset encoding, Character delimiter,
        char decimalSeparator, DateTimeFormatter dateFormat, boolean dateHasTime, Map<String, ColumnMapping> columns) {

    static final Set<String> PROFILE_FIELDS = Set.of("externalId", "kind", "observedAt");
    static final Set<String> TOUCHPOINT_FIELDS = Set.of("externalId", "customerId", "type", "channel", "phase", "initiator",
            "occurredAt", "score", "amount", "currency");
    private static final int MAX_COLUMNS = 500;

    /** The plan, or an {@link InvalidInputException} naming every invalid part of the spec (fields under {@code spec.}). */
    public static ImportPlan of(ImportSpec spec) {
        List<FieldError> errors = new ArrayList<>();
        if (spec == null) {
            throw new InvalidInputException("spec", "is required");
        }
        ImportKind kind = spec.kind() == null ? null : ImportKind.fromWire(spec.kind()).orElse(null);
        if (kind == null) {
            errors.add(new FieldError("spec.kind", "must be profiles or touchpoints"));
        }
        String source = ProfileRequests.source("spec.source", spec.source(), errors);
        ImportOptions options = spec.options() == null ? new ImportOptions(null, null, null, null) : spec.options();
        Charset encoding = encoding(options.encoding(), errors);
        Character delimiter = delimiter(options.delimiter(), errors);
        char decimal = '.';
        if (options.decimalSeparator() != null) {
            if (options.decimalSeparator().equals(",") || options.decimalSeparator().equals(".")) {
                decimal = options.decimalSeparator().charAt(0);
            } else {
                errors.add(new FieldError("spec.options.decimalSeparator", "must be . or ,"));
            }
        }
        DateTimeFormatter dateFormat = null;
        boolean dateHasTime = false;
        if (options.dateFormat() != null) {
            try {
                dateFormat = DateTimeFormatter.ofPattern(options.dateFormat(), Locale.ROOT);
                dateHasTime = options.dateFormat().contains("H") || options.dateFormat().contains("h");
                dateFormat.format(java.time.OffsetDateTime.parse("2026-12-31T10:15:30Z"));
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                errors.add(new FieldError("spec.options.dateFormat", "is not a date pattern: " + e.getMessage()));
            }
        }
        Map<String, ColumnMapping> columns = new LinkedHashMap<>();
        if (spec.columns() == null || spec.columns().isEmpty()) {
            errors.add(new FieldError("spec.columns", "map at least one column"));
        } else if (spec.columns().size() > MAX_COLUMNS) {
            errors.add(new FieldError("spec.columns", "at most " + MAX_COLUMNS + " columns"));
        } else {
            spec.columns().forEach((header, column) -> {
                String field = "spec.columns." + header;
                if (header == null || header.isBlank()) {
                    errors.add(new FieldError("spec.columns", "header names must not be blank"));
                } else if (columns.put(header.trim().toLowerCase(Locale.ROOT), column) != null) {
                    errors.add(new FieldError(field, "maps a header that another entry maps too (names are matched case-insensitively)"));
                }
                column(field, kind, column, errors);
            });
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ImportPlan(kind, source, Boolean.TRUE.equals(spec.dryRun()), Boolean.TRUE.equals(spec.muteSignals()), encoding,
                delimiter, decimal, dateFormat, dateHasTime, columns);
    }

    private static void column(String field, ImportKind kind, ColumnMapping column, List<FieldError> errors) {
        if (column == null) {
            errors.add(new FieldError(field, "must name a field, an identifier or an attribute"));
            return;
        }
        int named = (column.field() != null ? 1 : 0) + (column.identifier() != null ? 1 : 0) + (column.attribute() != null ? 1 : 0);
        if (named != 1) {
            errors.add(new FieldError(field, "must name exactly one of field, identifier or attribute"));
        } else if (column.field() != null && kind != null
                && !(kind == ImportKind.PROFILES ? PROFILE_FIELDS : TOUCHPOINT_FIELDS).contains(column.field())) {
            errors.add(new FieldError(field + ".field", "unknown field '" + column.field() + "' for " + kind.wire() + "; one of "
                    + String.join(", ", (kind == ImportKind.PROFILES ? PROFILE_FIELDS : TOUCHPOINT_FIELDS).stream().sorted().toList())));
        } else if (column.identifier() != null) {
            IdentifierType type = IdentifierType.fromWire(column.identifier()).orElse(null);
            if (type == null) {
                errors.add(new FieldError(field + ".identifier", "must be email, phone, external or custom"));
            } else if (type.hasSystem() && (column.system() == null || column.system().isBlank())) {
                errors.add(new FieldError(field + ".system", "is required for identifier " + type.wire()));
            }
        } else if (column.attribute() != null && (column.attribute().isBlank() || column.attribute().length() > 100)) {
            errors.add(new FieldError(field + ".attribute", "must be 1-100 characters"));
        }
    }

    private static Charset encoding(String name, List<FieldError> errors) {
        if (name == null) {
            return null;
        }
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            case "WINDOWS-1252", "CP1252" -> Charset.forName("windows-1252");
            case "ISO-8859-1", "LATIN1", "LATIN-1" -> StandardCharsets.ISO_8859_1;
            default -> {
                errors.add(new FieldError("spec.options.encoding", "must be UTF-8, windows-1252 or ISO-8859-1"));
                yield null;
            }
        };
    }

    private static Character delimiter(String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value.equals(",") || value.equals(";") || value.equals("\t")) {
            return value.charAt(0);
        }
        if (value.equals("\\t") || value.equalsIgnoreCase("tab")) {
            return '\t';
        }
        errors.add(new FieldError("spec.options.delimiter", "must be , ; or a tab"));
        return null;
    }
}
