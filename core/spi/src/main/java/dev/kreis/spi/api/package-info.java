/**
 * How module endpoints take requests and report problems: request bodies are records marked
 * {@link dev.kreis.spi.api.JsonRequest} and validated with Bean Validation; for anything else throw
 * {@link dev.kreis.spi.api.ProblemException}. Either way the platform answers with an RFC 9457 problem body
 * ({@code application/problem+json}, documented as the {@link dev.kreis.spi.api.ApiDocs#PROBLEM Problem} schema)
 * naming the fields; lists page with {@link dev.kreis.spi.api.Paging}; endpoints that change settings or policies
 * say so with {@link dev.kreis.spi.api.ChangesSettings}, so the platform audits those changes.
 *
 * <p>Stability: stable.
 */
package dev.kreis.spi.api;
