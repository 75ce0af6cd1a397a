package dev.kreis.platform.bulk;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.platform.identity.api.IdentifierRequest;
import dev.kreis.platform.identity.api.ProfileRequest;

/**
 * Turns the rows of a file into the bodies the API takes (a profile request, a touchpoint JSON object),
 * knowing which column each field came from so that a rejection names the column.
 */
final class ImportRows {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ImportPlan plan;
    private final List<String> header;
    private final List<Mapped> mapped = new ArrayList<>();
    private final CellValues values;
    private final CSVFormat format;

    /** One mapped column: its position in the file and what it holds. */
    private record Mapped(int index, String header, ColumnMapping mapping) {
    }

    /** A row as an API body, with the header of the column each body field came from. */
    record Converted<T>(CsvFile.Row row, T body, Map<String, String> columnOf) {
    }

    ImportRows(ImportPlan plan, List<String> header, char delimiter) {
        this.plan = plan;
        this.header = header;
        this.values = new CellValues(plan);
        this.format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
        List<FieldError> errors = new ArrayList<>();
        List<String> lower = header.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        plan.columns().forEach((name, mapping) -> {
            int index = lower.indexOf(name);
            if (index < 0) {
                errors.add(new FieldError("spec.columns." + name, "the file has no column '" + name + "' (its header: "
                        + String.join(", ", header) + ")"));
            } else {
                mapped.add(new Mapped(index, header.get(index), mapping));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The row's fields as one CSV line, for the error report. */
    String original(CSVRecord record) {
        return format.format((Object[]) record.values());
    }

    /** The problem with the row's shape (too few or too many fields), if any. */
    Optional<RowProblem> shape(CsvFile.Row row) {
        if (row.unreadable() != null) {
            return Optional.of(new RowProblem(row.number(), row.line(), null, row.unreadable(), null));
        }
        CSVRecord record = row.record();
        if (record.size() < header.size()) {
            return Optional.of(new RowProblem(row.number(), row.line(), header.get(record.size()), "the row has " + record.size()
                    + " fields, the header " + header.size() + ": '" + header.get(record.size()) + "' and after are missing", original(record)));
        }
        for (int i = header.size(); i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                return Optional.of(new RowProblem(row.number(), row.line(), null, "the row has " + record.size() + " fields, the header only "
                        + header.size(), original(record)));
            }
        }
        return Optional.empty();
    }

    Converted<ProfileRequest> profile(CsvFile.Row row) throws RowRejected {
        Map<String, String> columnOf = new HashMap<>();
        ObjectNode attributes = JSON.objectNode();
        List<IdentifierRequest> identifiers = new ArrayList<>();
        String externalId = null;
        String kind = null;
        String observedAt = null;
        for (Mapped column : mapped) {
            String cell = row.record().get(column.index()).trim();
            if (cell.isEmpty()) {
                continue;
            }
            ColumnMapping m = column.mapping();
            if (m.identifier() != null) {
                columnOf.put("identifiers[" + identifiers.size() + "]", column.header());
                identifiers.add(new IdentifierRequest(m.identifier(), cell, m.system()));
            } else if (m.attribute() != null) {
                columnOf.put("attributes." + m.attribute(), column.header());
                attributes.put(m.attribute(), cell);
            } else {
                columnOf.put(m.field(), column.header());
                switch (m.field()) {
                    case "externalId" -> externalId = cell;
                    case "kind" -> kind = cell.toLowerCase(Locale.ROOT);
                    default -> observedAt = time(row, column, cell);
                }
            }
        }
        return new Converted<>(row, new ProfileRequest(plan.source(), externalId, kind, attributes, identifiers, observedAt, null, null),
                columnOf);
    }

    Converted<ObjectNode> touchpoint(CsvFile.Row row) throws RowRejected {
        Map<String, String> columnOf = new HashMap<>();
        ObjectNode item = JSON.objectNode();
        ObjectNode payload = JSON.objectNode();
        ArrayNode identifiers = JSON.arrayNode();
        item.put("source", plan.source());
        for (Mapped column : mapped) {
            String cell = row.record().get(column.index()).trim();
            if (cell.isEmpty()) {
                continue;
            }
            ColumnMapping m = column.mapping();
            if (m.identifier() != null) {
                columnOf.put("customer.identifiers[" + identifiers.size() + "]", column.header());
                ObjectNode identifier = identifiers.addObject().put("type", m.identifier()).put("value", cell);
                if (m.system() != null) {
                    identifier.put("system", m.system());
                }
            } else if (m.attribute() != null) {
                columnOf.put("payload", column.header());
                payload.put(m.attribute(), cell);
            } else {
                columnOf.put(m.field(), column.header());
                switch (m.field()) {
                    case "score", "amount" -> item.put(m.field(), number(row, column, cell));
                    case "occurredAt" -> item.put(m.field(), time(row, column, cell));
                    default -> item.put(m.field(), cell);
                }
            }
        }
        if (!identifiers.isEmpty()) {
            item.putObject("customer").set("identifiers", identifiers);
            columnOf.put("customerId", columnOf.get("customer.identifiers[0]"));
        }
        if (!payload.isEmpty()) {
            item.set("payload", payload);
        }
        if (!item.hasNonNull("externalId")) {
            item.put("externalId", "row-" + digest(original(row.record())));
        }
        return new Converted<>(row, item, columnOf);
    }

    private BigDecimal number(CsvFile.Row row, Mapped column, String cell) throws RowRejected {
        return values.number(cell).orElseThrow(() -> new RowRejected(problem(row, column,
                "'" + cell + "' is not a number" + (plan.decimalSeparator() == ',' ? " (decimal separator ,)" : ""))));
    }

    private String time(CsvFile.Row row, Mapped column, String cell) throws RowRejected {
        return values.time(cell).orElseThrow(() -> new RowRejected(problem(row, column, "'" + cell + "' does not match the date format")));
    }

    private RowProblem problem(CsvFile.Row row, Mapped column, String message) {
        return new RowProblem(row.number(), row.line(), column.header(), message, original(row.record()));
    }

    /** A problem for the row naming the column a body field came from (the first column that is, for nested fields). */
    RowProblem problem(Converted<?> converted, String field, String message) {
        String column = null;
        for (String path = field; path != null && column == null; path = parent(path)) {
            column = converted.columnOf().get(path);
        }
        return new RowProblem(converted.row().number(), converted.row().line(), column, field == null ? message : field + ": " + message,
                original(converted.row().record()));
    }

    private static String parent(String path) {
        int dot = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return dot <= 0 ? null : path.substring(0, dot);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A row rejected while it was converted, before any validation of the API ran. */
    static final class RowRejected extends Exception {
        private final transient RowProblem problem;

        RowRejected(RowProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }

        RowProblem problem() {
            return problem;
        }
    }
}
