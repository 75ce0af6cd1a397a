package dev.kreis.platform.customer;

import dev.kreis.platform.identity.persistence.CustomerClusterRepository;
import dev.kreis.platform.storage.Jdbc;
import dev.kreis.spi.customer.CustomerHolds;
import dev.kreis.spi.customer.Hold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The platform's {@link CustomerHolds}: holds in {@code customer_hold}, one per (module, scope,
 * reference). Reads follow merges: the holds placed on any id merged into the customer count.
 */
@ApplicationScoped
public class Holds implements CustomerHolds {
    private static final Pattern SCOPE = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private final Jdbc jdbc;
    private final CustomerClusterRepository clusters;
    private final Clock clock;

    Holds(Jdbc jdbc, CustomerClusterRepository clusters, Clock clock) {
        this.jdbc = jdbc;
        this.clusters = clusters;
        this.clock = clock;
    }

    @Override
    public void place(UUID customerId, String scope, String module, String reference, String reason) {
        Objects.requireNonNull(customerId, "customerId");
        check(scope, module, reference);
        Objects.requireNonNull(reason, "reason");
        String text = reason.length() > 500 ? reason.substring(0, 500) : reason;
        QuarkusTransaction.joiningExisting().run(() -> {
            int updated = jdbc.update("update customer_hold set reason = ?, customer_id = ? where module_id = ? and scope = ? and reference = ?",
                    text, customerId, module, scope, reference);
            if (updated == 0) {
                jdbc.update("insert into customer_hold (id, customer_id, scope, module_id, reference, reason, placed_at) values (?, ?, ?, ?, ?, ?, ?)",
                        UUID.randomUUID(), customerId, scope, module, reference, text, OffsetDateTime.now(clock));
            }
        });
    }

    @Override
    public void lift(String scope, String module, String reference) {
        check(scope, module, reference);
        QuarkusTransaction.joiningExisting().run(() -> jdbc.update("delete from customer_hold where module_id = ? and scope = ? and reference = ?",
                module, scope, reference));
    }

    @Override
    public void liftAll(String module) {
        Objects.requireNonNull(module, "module");
        QuarkusTransaction.joiningExisting().run(() -> jdbc.update("delete from customer_hold where module_id = ?", module));
    }

    @Override
    public List<Hold> active(UUID customerId, String scope) {
        Objects.requireNonNull(scope, "scope");
        return of(customerId).stream().filter(h -> h.scope().equals(scope)).toList();
    }

    /** Every hold on the customer (any scope), following merges, oldest first; empty for an unknown customer. */
    public List<Hold> of(UUID customerId) {
        Objects.requireNonNull(customerId, "customerId");
        List<UUID> ids = clusters.resolve(customerId).map(c -> clusters.withMergedInto(c.id())).orElse(List.of(customerId));
        return jdbc.query("select customer_id, scope, module_id, reference, reason, placed_at from customer_hold where customer_id in ("
                + Jdbc.markers(ids.size()) + ") order by placed_at, id",
                row -> new Hold(Jdbc.uuid(row, "customer_id"), row.getString("scope"), row.getString("module_id"), row.getString("reference"),
                        row.getString("reason"), Jdbc.time(row, "placed_at").toInstant()),
                ids.toArray());
    }

    private static void check(String scope, String module, String reference) {
        if (scope == null || !SCOPE.matcher(scope).matches()) {
            throw new IllegalArgumentException("hold scope must be lower case, e.g. campaigns: " + scope);
        }
        Objects.requireNonNull(module, "module");
        if (reference == null || reference.isEmpty() || reference.length() > 100) {
            throw new IllegalArgumentException("hold reference must be 1 to 100 characters");
        }
    }
}
