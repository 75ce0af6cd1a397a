/**
 * Feedback requests modules send through the platform's feedback capability, e.g. support asking for CSAT
 * and CES after a ticket is resolved.
 *
 * <p>Stability: stable.
 */
package dev.kreis.spi.feedback;
