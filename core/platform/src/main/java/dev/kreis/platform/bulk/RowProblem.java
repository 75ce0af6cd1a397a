package dev.kreis.platform.bulk;

/** Why one row of an import was rejected: the column at fault (null for the row as a whole) and the message. */
public record RowProblem(long row, long line, String column, String message, String original) {
}
