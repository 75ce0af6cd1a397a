package dev.kreis.platform.sync;

import java.util.List;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.kreis.platform.sync.persistence.RunRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Connections in health: a connection whose last {@code kreis.sync.degraded-after} runs all failed is listed
 * as degraded. The check stays up: a CRM that is down must not take Kreis out of its load balancer.
 */
@Readiness
@ApplicationScoped
public class SyncHealth implements HealthCheck {
    private final Connections connections;
    private final RunRepository runs;
    private final SyncConfig config;

    SyncHealth(Connections connections, RunRepository runs, SyncConfig config) {
        this.connections = connections;
        this.runs = runs;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("connections").up();
        int degraded = 0;
        for (Connection connection : connections.all()) {
            List<SyncRun> recent = runs.recent(connection.id(), config.degradedAfter());
            boolean failing = recent.size() == config.degradedAfter() && recent.stream().allMatch(r -> r.status() == SyncRun.Status.FAILED);
            response.withData(connection.id().toString(), failing ? "degraded" : "ok");
            if (failing) {
                degraded++;
            }
        }
        return response.withData("degraded", degraded).build();
    }
}
