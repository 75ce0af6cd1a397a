/** REST resources of privacy: consents, the data-subject export, erasure and its receipts. */
package dev.kreis.platform.privacy.api;
