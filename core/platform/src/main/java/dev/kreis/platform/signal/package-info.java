/**
 * Proactive signals (CX pyramid level 4): rules that watch touchpoints as they arrive — a score in a
 * range, several touchpoints within a window, or a customer gone quiet — and act on them by opening a
 * follow-up task for a department, tagging the customer or raising a {@link dev.kreis.spi.signal.SignalRaised}
 * event. Ingestion writes watched touchpoints to an outbox in its own transaction; a worker on every node
 * drains it within seconds ({@code for update skip locked}). Absence is checked on a schedule under a
 * database lease. Tasks marked done after a company-initiated touchpoint count as resolved proactively.
 */
package dev.kreis.platform.signal;
