/**
 * Scorecards (issue 4 §5): the CX pyramid, five levels scored 0–100 against configurable targets and
 * computed through the KPI engine, and the alignment scorecard (shared KPIs, customers across modules,
 * connected sources). docs/kpis.md#scorecards defines every figure.
 */
package dev.kreis.platform.scorecard;
