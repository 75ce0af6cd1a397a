/** REST endpoints of the scorecards, {@code /api/v1/scorecards}. */
package dev.kreis.platform.scorecard.api;
