/**
 * The connector contract: how Kreis reads from and writes to an external CRM (HubSpot, Salesforce, ...).
 *
 * <p>A connector is a jar in {@code connectors/<id>/} ({@code kreis-connector-<id>}) that depends on
 * {@code kreis-spi} only and declares one CDI bean implementing {@link dev.kreis.spi.connector.Connector}.
 * The platform's sync engine ({@code dev.kreis.platform.sync}) owns everything stateful: connections and
 * their encrypted credentials, schedules, watermarks and page checkpoints, the run history, retries with
 * backoff, dead letters, field mappings, conflict resolution and the database lease that keeps one run
 * per connection across nodes. A connector only translates: it authenticates, reads a page of changes,
 * writes a batch, erases a record, verifies a webhook, and says what kind of error it met and what the
 * vendor's rate-limit headers said.
 *
 * <p>HTTP calls from a connector use the JDK's {@code java.net.http.HttpClient}; a connector needs no
 * platform library.
 *
 * <p>Stability: stable, unless a type says otherwise. New methods arrive as {@code default} methods.
 */
package dev.kreis.spi.connector;
