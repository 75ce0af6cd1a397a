package dev.kreis.platform.identity;

/** An identifier that cannot be normalised; the message says why, for a field error. */
public class InvalidIdentifierException extends Exception {
    private final String field;

    public InvalidIdentifierException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field of the identifier that is wrong: {@code type}, {@code system} or {@code value}. */
    public String field() {
        return field;
    }
}
