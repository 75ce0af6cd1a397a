package dev.kreis.platform.ingest.kafka;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Kafka ingest in health: lag, partitions, paused, counts and the last write error. Down only when it is enabled
 * and its polling thread has stopped; lag or a failing write (retried) leave it up, with the figures to alert on:
 * HTTP serving must not leave the load balancer because a topic is behind.
 */
@Readiness
@ApplicationScoped
public class KafkaIngestHealth implements HealthCheck {
    private final KafkaIngest ingest;

    KafkaIngestHealth(KafkaIngest ingest) {
        this.ingest = ingest;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-ingest");
        if (!ingest.enabled()) {
            return response.up().withData("enabled", false).build();
        }
        response.withData("enabled", true);
        ingest.state().forEach((key, value) -> {
            if (value instanceof Number number) {
                response.withData(key, number.longValue());
            } else if (value instanceof Boolean flag) {
                response.withData(key, flag);
            } else {
                response.withData(key, String.valueOf(value));
            }
        });
        return (ingest.consuming() ? response.up() : response.down()).build();
    }
}
