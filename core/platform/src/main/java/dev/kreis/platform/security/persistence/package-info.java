/** Storage of local accounts and API tokens (JDBC). */
package dev.kreis.platform.security.persistence;
