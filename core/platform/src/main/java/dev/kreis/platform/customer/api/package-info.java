/** REST API of the unified customer record: customers, merges and splits, merge suggestions, survivorship. */
package dev.kreis.platform.customer.api;
