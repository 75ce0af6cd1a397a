/** REST API for touchpoints: ingestion, the type registry and customer timelines. */
package dev.kreis.platform.touchpoint.api;
