/**
 * Platform services about customers that modules use: finding and creating customers
 * ({@link dev.kreis.spi.customer.CustomerLookup}) and holds one department places on contacting a
 * customer ({@link dev.kreis.spi.customer.CustomerHolds}).
 *
 * <p>Stability: stable.
 */
package dev.kreis.spi.customer;
