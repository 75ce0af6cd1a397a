/**
 * How module endpoints report problems: throw {@link dev.kreis.spi.api.ProblemException} and the
 * platform answers with an RFC 9457 problem body ({@code application/problem+json}) naming the fields;
 * how their lists page ({@link dev.kreis.spi.api.Paging}); and which of them change settings or policies
 * ({@link dev.kreis.spi.api.ChangesSettings}), so the platform audits those changes.
 *
 * <p>Stability: stable.
 */
package dev.kreis.spi.api;
