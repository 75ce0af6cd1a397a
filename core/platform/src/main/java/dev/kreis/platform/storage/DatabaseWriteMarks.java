package dev.kreis.platform.storage;

import java.time.OffsetDateTime;
import java.util.Optional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link WriteMarks} in the primary database's {@code recent_writer} table, one row per caller; each call in its own transaction. */
@ApplicationScoped
public class DatabaseWriteMarks implements WriteMarks {
    private static final String LATER = "update recent_writer set until = greatest(until, ?) where caller = ?";

    private final Jdbc jdbc;

    DatabaseWriteMarks(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void mark(String caller, OffsetDateTime until) {
        // update first (the usual case: the caller wrote before); a caller marked by two nodes at once keeps the later time
        QuarkusTransaction.requiringNew().run(() -> {
            if (jdbc.update(LATER, until, caller) == 0
                    && jdbc.update("insert into recent_writer (caller, until) values (?, ?) on conflict do nothing", caller, until) == 0) {
                jdbc.update(LATER, until, caller);
            }
        });
    }

    @Override
    public Optional<OffsetDateTime> until(String caller) {
        return QuarkusTransaction.requiringNew().call(
                () -> jdbc.queryOne("select until from recent_writer where caller = ?", rs -> rs.getObject(1, OffsetDateTime.class), caller));
    }

    @Override
    public void forgetBefore(OffsetDateTime before) {
        QuarkusTransaction.requiringNew().run(() -> jdbc.update("delete from recent_writer where until < ?", before));
    }
}
