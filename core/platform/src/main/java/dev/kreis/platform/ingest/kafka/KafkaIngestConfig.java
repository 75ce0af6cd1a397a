package dev.kreis.platform.ingest.kafka;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Kafka in front of ingestion ({@code kreis.ingest.kafka.*}); off unless {@code enabled}. */
@ConfigMapping(prefix = "kreis.ingest.kafka")
public interface KafkaIngestConfig {

    /** Whether this node consumes the ingest topics at all. Off by default: HTTP ingest needs no Kafka. */
    @WithDefault("false")
    boolean enabled();

    /** The brokers to start from, {@code host:port,host:port}. */
    @WithDefault("localhost:9092")
    String bootstrapServers();

    /** Touchpoints, one per record or a batch body {@code {"items": [...]}} as {@code POST /api/v1/touchpoints/batch} takes. */
    @WithDefault("kreis.touchpoints")
    String touchpointsTopic();

    /** Profiles, one per record as {@code POST /api/v1/profiles} takes (or {@code {"items": [...]}}). */
    @WithDefault("kreis.profiles")
    String profilesTopic();

    /** Rejected records, each with its RFC 9457 problem. */
    @WithDefault("kreis.dead-letter")
    String deadLetterTopic();

    /** The consumer group: nodes with the same group id share the topics' partitions. */
    @WithDefault("kreis-ingest")
    String groupId();

    /** The most records one poll hands over; they are written in one transaction per topic. */
    @WithDefault("500")
    int maxPollRecords();

    /**
     * The most records polled but not yet committed to the database. At this bound the consumer pauses its
     * partitions (it keeps polling, so it stays in the group) and resumes once the writer caught up: a burst
     * waits in Kafka, not in the heap.
     */
    @WithDefault("2000")
    int maxInFlight();

    /** How long to wait before writing a batch again after the database failed (it is retried, never skipped). */
    @WithDefault("1000")
    long retryBackoffMs();

    /**
     * Further Kafka client properties, given to the consumer and the dead-letter producer as they are
     * (e.g. {@code kreis.ingest.kafka.client."security.protocol"=SASL_SSL}).
     */
    Map<String, String> client();
}
