package dev.kreis.platform.storage;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The read replica in health ({@code read-replica}): whether it serves reads, its lag and why it does not serve.
 * Always up: while the replica lags or is away the primary serves its reads, so the node stays in the load balancer.
 */
@Readiness
@ApplicationScoped
public class ReadReplicaHealth implements HealthCheck {
    private final ReadReplica replica;

    ReadReplicaHealth(ReadReplica replica) {
        this.replica = replica;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("read-replica").up();
        ReadReplica.State state = replica.state();
        response.withData("state", state.name().toLowerCase(java.util.Locale.ROOT));
        if (state == ReadReplica.State.OFF) {
            return response.build();
        }
        response.withData("readsGoTo", state == ReadReplica.State.SERVING ? "replica" : "primary");
        response.withData("lagMillis", replica.lag().toMillis());
        response.withData("maxLagMillis", replica.config().maxLag().toMillis());
        String problem = replica.problem();
        if (problem != null) {
            response.withData("problem", problem);
        }
        return response.build();
    }
}
