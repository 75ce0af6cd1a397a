/** REST access to the audit log. */
package dev.kreis.platform.audit.api;
