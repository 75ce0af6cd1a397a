/** REST endpoints: {@code /api/v1/surveys} for staff, {@code /public/v1/responses/{token}} for respondents (no login). */
package dev.kreis.platform.feedback.api;
