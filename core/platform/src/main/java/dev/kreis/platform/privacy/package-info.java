/**
 * Privacy: consent per purpose and channel (the platform's {@link dev.kreis.spi.privacy.ConsentService}),
 * the data-subject export, erasure with its receipts, and the suppression list that keeps an erased
 * person from being imported again without a new consent.
 */
package dev.kreis.platform.privacy;
