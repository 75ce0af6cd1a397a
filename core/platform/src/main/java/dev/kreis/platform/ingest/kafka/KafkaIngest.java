package dev.kreis.platform.ingest.kafka;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The consuming side of Kafka ingest: one polling thread and one writing thread per node.
 * <ul>
 * <li>The poller hands each poll to the writer and keeps polling (so the node stays in its group). While more than
 * {@code max-in-flight} records are polled but not yet written, it pauses its partitions and resumes them when the
 * writer caught up: backpressure, not an unbounded buffer.</li>
 * <li>The writer writes a poll through {@link KafkaRecords} (the HTTP API's services), sends what was rejected to
 * the dead-letter topic and waits for the broker's acknowledgement; only then does the poller commit the offsets.
 * A crash in between replays those records; {@code (source, externalId)} makes the replay a duplicate.</li>
 * <li>A poll that fails to write (the database is down) is written again after {@code retry-backoff-ms}, never
 * skipped; its partitions stay paused meanwhile.</li>
 * <li>Consumer lag is the gauge {@code kreis.ingest.kafka.lag} and part of the readiness check.</li>
 * </ul>
 */
@ApplicationScoped
public class KafkaIngest {
    private static final Logger LOG = Logger.getLogger(KafkaIngest.class);

    private final KafkaIngestConfig config;
    private final KafkaRecords records;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    private final AtomicLong lag = new AtomicLong(-1);
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private volatile boolean running;
    private volatile boolean paused;
    private volatile int assigned;
    private Thread poller;
    private KafkaConsumer<String, String> consumer;
    private KafkaProducer<String, String> producer;
    private ExecutorService writer;

    /** Polls handed to the writer, oldest first; only the poller touches this. */
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    private int inFlightRecords;

    private record InFlight(Future<?> written, Map<TopicPartition, OffsetAndMetadata> offsets, int count) {
    }

    KafkaIngest(KafkaIngestConfig config, KafkaRecords records, ObjectMapper json, MeterRegistry meters) {
        this.config = config;
        this.records = records;
        this.json = json;
        this.meters = meters;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        Gauge.builder("kreis.ingest.kafka.lag", lag, AtomicLong::get).description("Records in the ingest topics not yet consumed by this node's group partitions (-1 until known)")
                .register(meters);
        meters.more().counter("kreis.ingest.kafka.records", List.of(io.micrometer.core.instrument.Tag.of("outcome", "accepted")), accepted);
        meters.more().counter("kreis.ingest.kafka.records", List.of(io.micrometer.core.instrument.Tag.of("outcome", "duplicate")), duplicates);
        meters.more().counter("kreis.ingest.kafka.records", List.of(io.micrometer.core.instrument.Tag.of("outcome", "dead-lettered")), deadLettered);
        consumer = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(), new StringDeserializer());
        producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new StringSerializer());
        writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kreis-kafka-writer");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        poller = new Thread(this::pollLoop, "kreis-kafka-poller");
        poller.setDaemon(true);
        poller.start();
        LOG.infof("Kafka ingest: consuming %s and %s from %s as group %s", config.touchpointsTopic(), config.profilesTopic(),
                config.bootstrapServers(), config.groupId());
    }

    void stop(@Observes ShutdownEvent event) {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            poller.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }

    /** Whether this node consumes at all. */
    public boolean enabled() {
        return config.enabled();
    }

    /** A snapshot for health: lag, partitions, whether paused, the last write error (null when the last write went through). */
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("lag", lag.get());
        state.put("partitions", assigned);
        state.put("paused", paused);
        state.put("accepted", accepted.get());
        state.put("duplicates", duplicates.get());
        state.put("deadLettered", deadLettered.get());
        String error = lastError.get();
        if (error != null) {
            state.put("error", error);
        }
        return state;
    }

    /** Whether the polling thread runs (false when disabled, stopped, or stopped by an error). */
    public boolean consuming() {
        return running && poller != null && poller.isAlive();
    }

    /** Whether the last write failed (the database refused; the poll is being retried). */
    public boolean failing() {
        return lastError.get() != null;
    }

    private Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(config.maxPollRecords()));
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "kreis-ingest-" + ProcessHandle.current().pid());
        properties.putAll(config.client());
        return properties;
    }

    private Properties producerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "kreis-dead-letter-" + ProcessHandle.current().pid());
        config.client().forEach((key, value) -> {
            if (!ConsumerConfig.configNames().contains(key) || ProducerConfig.configNames().contains(key)) {
                properties.put(key, value);
            }
        });
        return properties;
    }

    private void pollLoop() {
        long lagMeasured = 0;
        try {
            consumer.subscribe(List.of(config.touchpointsTopic(), config.profilesTopic()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // what was polled from them is written and committed before another node takes them over
                    drain(true);
                    assigned = consumer.assignment().size() - partitions.size();
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    // no longer this node's (e.g. it missed the session timeout): what it polled is written but
                    // not committed; the new owner consumes it again and (source, externalId) absorbs it
                    drain(true, false);
                    assigned = 0;
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    assigned = consumer.assignment().size();
                    LOG.infof("Kafka ingest: assigned %s", consumer.assignment());
                }
            });
            while (running) {
                try {
                    ConsumerRecords<String, String> polled = consumer.poll(Duration.ofMillis(200));
                    if (!polled.isEmpty()) {
                        hand(polled);
                    }
                    drain(false);
                    if (inFlightRecords >= config.maxInFlight() || failing()) {
                        consumer.pause(consumer.assignment());
                        paused = true;
                    } else if (paused) {
                        consumer.resume(consumer.paused());
                        paused = false;
                    }
                    if (System.nanoTime() - lagMeasured > TimeUnit.SECONDS.toNanos(2)) {
                        measureLag();
                        lagMeasured = System.nanoTime();
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (org.apache.kafka.common.KafkaException e) {
                    // the broker or the group misbehaved: keep the node in the game; nothing uncommitted is lost
                    LOG.warnf(e, "Kafka ingest: %s; polling again in %d ms", e.getMessage(), config.retryBackoffMs());
                    Thread.sleep(config.retryBackoffMs());
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Kafka ingest stopped", e);
            lastError.set(e.toString());
        } finally {
            try {
                drain(true);
            } catch (RuntimeException e) {
                LOG.warn("Kafka ingest: could not commit at shutdown; the records are consumed again", e);
            }
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Hands a poll to the writer, with the offsets to commit once it is written. */
    private void hand(ConsumerRecords<String, String> polled) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        List<KafkaRecords.Incoming> touchpoints = new ArrayList<>();
        List<KafkaRecords.Incoming> profiles = new ArrayList<>();
        for (ConsumerRecord<String, String> record : polled) {
            KafkaRecords.Incoming incoming = new KafkaRecords.Incoming(record.topic(), record.partition(), record.offset(), record.key(), record.value());
            (record.topic().equals(config.profilesTopic()) ? profiles : touchpoints).add(incoming);
            offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        Future<?> written = writer.submit(() -> write(touchpoints, profiles));
        inFlight.add(new InFlight(written, offsets, polled.count()));
        inFlightRecords += polled.count();
    }

    /** Commits the offsets of the polls written so far, oldest first; with {@code all}, waits for every poll in flight. */
    private void drain(boolean all) {
        drain(all, true);
    }

    private void drain(boolean all, boolean commit) {
        while (!inFlight.isEmpty() && (all || inFlight.peek().written().isDone())) {
            InFlight next = inFlight.peek();
            try {
                next.written().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                return; // the writer stopped at shutdown: not written, not committed
            }
            if (commit) {
                try {
                    consumer.commitSync(next.offsets());
                } catch (CommitFailedException | RebalanceInProgressException e) {
                    // the group moved the partitions on: the new owner consumes these records again (duplicates)
                    LOG.warnf("Kafka ingest: offsets not committed (%s); the records are consumed again", e.getMessage());
                }
            }
            inFlight.poll();
            inFlightRecords -= next.count();
        }
    }

    /** Runs on the writer: writes until it went through (or the node stops). */
    private void write(List<KafkaRecords.Incoming> touchpoints, List<KafkaRecords.Incoming> profiles) {
        while (true) {
            try {
                List<KafkaRecords.Rejected> rejected = new ArrayList<>();
                if (!profiles.isEmpty()) {
                    // profiles first: a touchpoint in the same poll may name the person a profile introduces
                    KafkaRecords.Outcome outcome = records.profiles(profiles);
                    accepted.addAndGet(outcome.accepted());
                    rejected.addAll(outcome.rejected());
                }
                if (!touchpoints.isEmpty()) {
                    KafkaRecords.Outcome outcome = records.touchpoints(touchpoints);
                    accepted.addAndGet(outcome.accepted());
                    duplicates.addAndGet(outcome.duplicates());
                    rejected.addAll(outcome.rejected());
                }
                deadLetter(rejected);
                lastError.set(null);
                return;
            } catch (RuntimeException e) {
                if (!running || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                lastError.set(e.toString());
                LOG.warnf(e, "Kafka ingest: writing %d records failed; trying again in %d ms", touchpoints.size() + profiles.size(),
                        config.retryBackoffMs());
                try {
                    Thread.sleep(config.retryBackoffMs());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Sends the rejected records to the dead-letter topic and waits until the broker has them. */
    private void deadLetter(List<KafkaRecords.Rejected> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        List<Future<?>> sent = new ArrayList<>();
        for (KafkaRecords.Rejected r : rejected) {
            ObjectNode value = json.createObjectNode();
            value.set("problem", json.valueToTree(r.problem()));
            value.put("topic", r.topic());
            value.put("partition", r.partition());
            value.put("offset", r.offset());
            if (r.item() != null) {
                value.put("item", r.item());
            }
            value.put("record", r.record());
            ProducerRecord<String, String> record = new ProducerRecord<>(config.deadLetterTopic(), r.key(), value.toString());
            record.headers().add("content-type", "application/json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sent.add(producer.send(record));
        }
        for (Future<?> future : sent) {
            try {
                future.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending to the dead-letter topic", e);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("the dead-letter topic did not take the rejected records: " + e, e);
            }
        }
        deadLettered.addAndGet(rejected.size());
    }

    private void measureLag() {
        long total = 0;
        List<TopicPartition> unknown = new ArrayList<>();
        for (TopicPartition partition : consumer.assignment()) {
            var current = consumer.currentLag(partition);
            if (current.isPresent()) {
                total += current.getAsLong();
            } else {
                unknown.add(partition);
            }
        }
        if (!unknown.isEmpty()) {
            try {
                Map<TopicPartition, Long> ends = consumer.endOffsets(unknown, Duration.ofSeconds(2));
                Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(unknown), Duration.ofSeconds(2));
                for (TopicPartition partition : unknown) {
                    OffsetAndMetadata at = committed.get(partition);
                    total += Math.max(0, ends.getOrDefault(partition, 0L) - (at == null ? 0 : at.offset()));
                }
            } catch (RuntimeException e) {
                return; // keep the last figure
            }
        }
        lag.set(total);
    }
}
