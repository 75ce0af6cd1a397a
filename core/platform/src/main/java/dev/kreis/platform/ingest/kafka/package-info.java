/**
 * Kafka in front of ingestion (optional, off by default: {@code kreis.ingest.kafka.enabled}). Touchpoints and
 * profiles are consumed from topics with the same bodies as the HTTP API and go through the same services;
 * offsets are committed only after the database has committed, rejected records go to a dead-letter topic
 * with their RFC 9457 problem. See docs/kafka.md.
 */
package dev.kreis.platform.ingest.kafka;
