/** REST resources of the sync engine: {@code /api/v1/connections} and its runs, dead letters and webhook. */
package dev.kreis.platform.sync.api;
