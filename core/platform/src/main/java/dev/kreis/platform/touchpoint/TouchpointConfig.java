package dev.kreis.platform.touchpoint;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits and the currency of touchpoint ingestion ({@code kreis.touchpoints.*}). */
@ConfigMapping(prefix = "kreis.touchpoints")
public interface TouchpointConfig {

    /** The most items one {@code POST /api/v1/touchpoints/batch} may carry; more answers 413. */
    @WithDefault("5000")
    int maxBatchItems();

    /** The most characters a touchpoint's payload may have as JSON. */
    @WithDefault("16384")
    int maxPayloadChars();

    /**
     * The one currency (ISO 4217) of this installation. Amounts in any other currency are rejected, so
     * revenue KPIs never add up different currencies.
     */
    @WithDefault("EUR")
    String currency();

    /**
     * PostgreSQL only: how many whole months of touchpoints before the current one are kept; older
     * months' partitions are dropped (with their touchpoints) while the KPI rollups keep their history,
     * and touchpoints older than that are rejected at ingestion. 0 (the default) keeps everything.
     */
    @WithDefault("0")
    int retentionMonths();

    /** PostgreSQL only: for how many months after the current one partitions are created ahead of time. */
    @WithDefault("3")
    int partitionsAhead();

    /** How often partitions ahead are created and the retention applied (PostgreSQL); 0 turns the job off. */
    @WithDefault("1h")
    java.time.Duration partitionCheckInterval();

    /** Group commit of single-touchpoint requests ({@code kreis.touchpoints.group-commit.*}). */
    GroupCommitConfig groupCommit();

    /**
     * Concurrent {@code POST /api/v1/touchpoints} requests are written together: one transaction, one
     * commit and one set of lookups per group. A request that comes alone is written alone, at once.
     */
    interface GroupCommitConfig {
        /**
         * How many groups may be written at the same time; 0 writes every request on its own. One writer
         * makes the largest groups; on the 2-core benchmark machine it also gave the most touchpoints per
         * second (docs/performance.md).
         */
        @WithDefault("1")
        int writers();

        /** The most requests one group holds. */
        @WithDefault("100")
        int maxItems();

        /**
         * The most requests waiting for their group on this node; one more is answered 429 with
         * {@code Retry-After}, so a burst beyond what the database takes is pushed back to its senders
         * instead of filling the heap (each waiting request holds its touchpoint, payload included).
         */
        @WithDefault("5000")
        int maxQueued();

        /**
         * How long a writer waits for a group to reach {@code max-items} before writing what is queued;
         * 0 (the default) writes at once, and the requests that arrive meanwhile form the next group.
         * A wait makes larger groups at the price of that much latency for every request.
         */
        @WithDefault("0")
        java.time.Duration maxWait();
    }
}
