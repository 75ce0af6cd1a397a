/**
 * The sync engine: connections to external CRMs through connectors ({@code dev.kreis.spi.connector}),
 * runs that pull changes by watermark with per-page checkpoints and push golden values and CX fields back,
 * field-level conflicts, retries with backoff, dead letters, webhooks, a database lease per connection and
 * erasure carried to the CRM. {@code api/} holds the REST resources, {@code persistence/} the tables.
 */
package dev.kreis.platform.sync;
