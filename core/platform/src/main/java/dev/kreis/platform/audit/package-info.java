/**
 * The audit log: an append-only record of who changed what (admin actions, merges and splits, consent
 * changes, exports and erasures), with the state before and after as JSON. Services record entries
 * through {@link dev.kreis.platform.audit.AuditLog} inside their own transaction.
 */
package dev.kreis.platform.audit;
