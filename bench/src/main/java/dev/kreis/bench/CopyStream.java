package dev.kreis.bench;

import java.nio.charset.StandardCharsets;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** Streams CSV rows into one PostgreSQL COPY, flushing every megabyte; closing ends the COPY. */
final class CopyStream implements AutoCloseable {
    private final CopyIn copy;
    private final StringBuilder buf = new StringBuilder(1 << 21);
    private boolean closed;

    CopyStream(PGConnection pg, String sql) throws Exception {
        this.copy = pg.getCopyAPI().copyIn(sql);
    }

    void row(String csv) throws Exception {
        buf.append(csv).append('\n');
        if (buf.length() > 1 << 20) {
            flush();
        }
    }

    private void flush() throws Exception {
        byte[] b = buf.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(b, 0, b.length);
        buf.setLength(0);
    }

    @Override
    public void close() throws Exception {
        if (!closed) {
            closed = true;
            flush();
            copy.endCopy();
        }
    }
}
