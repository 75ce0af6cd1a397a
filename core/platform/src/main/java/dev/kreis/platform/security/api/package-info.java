/** REST endpoints for accounts ({@code /api/v1/users}), API tokens ({@code /api/v1/tokens}) and the caller ({@code /api/v1/me}). */
package dev.kreis.platform.security.api;
