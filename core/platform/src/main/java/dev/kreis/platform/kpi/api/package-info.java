/** REST endpoints under {@code /api/v1/kpis}: definitions, values, series, the funnel view and targets, with their JSON shapes. */
package dev.kreis.platform.kpi.api;
