package dev.kreis.platform.storage;

import java.sql.SQLException;

/** A database failure the caller cannot repair; unique-key conflicts are recognisable for retries. */
public class StorageException extends RuntimeException {

    public StorageException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** Whether the failure is a unique or primary key violation (SQLSTATE 23505 on both databases). */
    public boolean isUniqueViolation() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
