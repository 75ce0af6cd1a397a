/** Storage of signal rules, the signal outbox, follow-up tasks, customer tags and scheduled-job leases (explicit JDBC). */
package dev.kreis.platform.signal.persistence;
