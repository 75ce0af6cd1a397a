/**
 * Privacy contracts between the platform and modules: asking whether a customer may be contacted
 * ({@link dev.kreis.spi.privacy.ConsentService}) and taking part in data-subject export and erasure
 * ({@link dev.kreis.spi.privacy.PersonalDataContributor}).
 *
 * <p>Stability: stable.
 */
package dev.kreis.spi.privacy;
