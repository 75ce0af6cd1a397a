/** Storage of consent decisions, erasure receipts, erased customers, the suppression list and the installation's pepper. */
package dev.kreis.platform.privacy.persistence;
