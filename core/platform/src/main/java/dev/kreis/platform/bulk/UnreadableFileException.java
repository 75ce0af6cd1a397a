package dev.kreis.platform.bulk;

/** The import file cannot be read as CSV at all (empty, no header, an unreadable first line). */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String message) {
        super(message);
    }
}
