/** Storage of module installations, contributions and customer holds (plain JDBC). */
package dev.kreis.platform.module.persistence;
