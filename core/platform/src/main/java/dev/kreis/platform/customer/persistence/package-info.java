/** Storage of survivorship policies and the customer search query. */
package dev.kreis.platform.customer.persistence;
