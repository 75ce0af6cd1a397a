/** Storage of touchpoints and touchpoint types. */
package dev.kreis.platform.touchpoint.persistence;
