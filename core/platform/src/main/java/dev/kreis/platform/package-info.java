/**
 * The Kreis platform: the unified customer record and everything around it. One sub-package per
 * capability ({@code identity}, {@code customer}, {@code touchpoint}), each with {@code api} (REST
 * resources and DTOs) and {@code persistence} (SQL repositories) inside; {@code api} and
 * {@code storage} at this level hold what every capability shares. This package itself only
 * produces the platform clock.
 */
package dev.kreis.platform;
