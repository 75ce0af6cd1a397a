/** Imports, their rejected rows and saved mappings, on the active datasource. */
package dev.kreis.platform.bulk.persistence;
