/** Storage of audit entries and the customers they concern. */
package dev.kreis.platform.audit.persistence;
