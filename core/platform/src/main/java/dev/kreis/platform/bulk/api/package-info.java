/** The REST resources and DTOs of bulk import and export. */
package dev.kreis.platform.bulk.api;
