/** The sync engine's tables: connections, cursors, runs, leases, dead letters, pushed values, conflicts. */
package dev.kreis.platform.sync.persistence;
