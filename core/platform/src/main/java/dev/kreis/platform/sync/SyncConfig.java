package dev.kreis.platform.sync;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How connections sync ({@code kreis.sync.*}, docs/configuration.md). */
@ConfigMapping(prefix = "kreis.sync")
public interface SyncConfig {

    /** Whether this node runs scheduled syncs. Every node may; the lease keeps one run per connection. */
    @WithDefault("true")
    boolean schedulerEnabled();

    /** How often the scheduler looks for objects whose sync is due. */
    @WithDefault("PT30S")
    Duration schedulerTick();

    /** How often each object of a connection is pulled unless its connection's settings say otherwise. */
    @WithDefault("PT5M")
    Duration defaultInterval();

    /** Records per page asked from the CRM. */
    @WithDefault("100")
    int pageSize();

    /** Pages read from the CRM ahead of the one being written. */
    @WithDefault("10")
    int readAhead();

    /**
     * The most records written in one batch: pages already read when a write starts are written together up to
     * this many records (one transaction, one checkpoint).
     */
    @WithDefault("1000")
    int writeBatch();

    /** Attempts of one vendor call (the first and the retries) before the run or record gives up. */
    @WithDefault("5")
    int maxAttempts();

    /** The first backoff after a failure; each retry doubles it, with full jitter. */
    @WithDefault("PT0.5S")
    Duration backoffBase();

    /** The longest single wait before a retry, also for a {@code Retry-After} a vendor asks for. */
    @WithDefault("PT2M")
    Duration backoffMax();

    /** Failed attempts after which a record goes to the dead letters. */
    @WithDefault("3")
    int deadLetterAfter();

    /** How long a run's lease lasts without renewal; a node that died frees its connection after this. */
    @WithDefault("PT2M")
    Duration leaseDuration();

    /**
     * The key that encrypts connection credentials: 32 bytes, base64. Without it, a key is generated once
     * per installation and kept in the database; set it to keep the key out of database backups.
     */
    Optional<String> credentialsKey();

    /**
     * The address the CRM calls webhooks at, when Kreis runs behind a proxy (e.g. https://kreis.example.com):
     * signatures cover the full URI the vendor called. Without it, the request's own URI is used.
     */
    Optional<String> publicBaseUrl();

    /** Consecutive failed runs after which a connection shows as degraded in health. */
    @WithDefault("3")
    int degradedAfter();

    /**
     * The largest webhook body accepted (HubSpot sends at most 100 events a request); a larger one gets 413
     * before the signature is checked.
     */
    @WithDefault("1M")
    io.quarkus.runtime.configuration.MemorySize webhookMaxBodySize();
}
