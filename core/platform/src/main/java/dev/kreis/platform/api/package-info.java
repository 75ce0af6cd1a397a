/**
 * What every REST resource shares: RFC 9457 problem details and the exceptions that map to them,
 * cursor pagination, and request-size limits.
 */
package dev.kreis.platform.api;
