package dev.kreis.platform.bulk;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bulk imports ({@code kreis.imports.*}); see docs/imports.md. */
@ConfigMapping(prefix = "kreis.imports")
public interface ImportConfig {

    /** Where uploaded import files are kept until their import ends. */
    @WithDefault("${kreis.data-dir:./data}/imports")
    String directory();

    /** The largest file an import accepts; a larger upload answers 413. */
    @WithDefault("1G")
    MemorySize maxFileSize();

    /** Rows per chunk: each chunk is written and its progress committed together. */
    @WithDefault("1000")
    int chunkSize();

    /** Whether this node works on imports. Every node may; one import is worked on by one node at a time. */
    @WithDefault("true")
    boolean workerEnabled();

    /** How long the worker waits before looking for work again when there was none. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** How long a node's claim on an import lasts without progress before another node may take it over. */
    @WithDefault("PT2M")
    Duration lease();

    /** Imports one caller may have queued or running at once; another answers 429. */
    @WithDefault("2")
    int maxActivePerCaller();

    /** A pause after every chunk, so a long import leaves room for live ingestion on the same database. */
    @WithDefault("PT0S")
    Duration pauseBetweenChunks();

    /** Rejected rows stored per import (the counts stay exact beyond it). */
    @WithDefault("100000")
    int maxStoredErrors();

    /** How long one chunk's transaction may run before it is rolled back (and the import fails). */
    @WithDefault("PT5M")
    Duration chunkTimeout();

    /** How long a dry run of profiles may run (it is one transaction, rolled back at the end). */
    @WithDefault("PT6H")
    Duration dryRunTimeout();
}
