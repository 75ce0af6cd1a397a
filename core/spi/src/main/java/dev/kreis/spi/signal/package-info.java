/**
 * Proactive signals: what the platform tells modules when one of its signal rules fires.
 *
 * <p>A signal rule (configured by the CX team through {@code /api/v1/signals/rules}) watches
 * touchpoints as they arrive. When its condition holds, its action runs; the action {@code event}
 * publishes a {@link dev.kreis.spi.signal.SignalRaised} CDI event that any module can observe, so a
 * module can react (pause a campaign, raise a lead's priority) without the platform knowing it.
 *
 * <p>Stability: <b>stable</b>.
 */
package dev.kreis.spi.signal;
