/**
 * Who may do what: roles, the capability matrix, local accounts with HTTP Basic and brute-force
 * lockout, API tokens, rate limits, and the problem answers for 401, 403 and 429. Keycloak (OIDC) is
 * configured in the application; its identities get their permissions from the same matrix.
 */
package dev.kreis.platform.security;
