/** Storage of the KPI rollups and the fold state (ADR 0004), the rollup queries each core KPI runs, and targets (JDBC). */
package dev.kreis.platform.kpi.persistence;
