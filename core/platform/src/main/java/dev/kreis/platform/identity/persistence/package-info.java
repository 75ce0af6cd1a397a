/** Storage of profiles, their attributes and identifiers, customer clusters, merge history and suggestions. */
package dev.kreis.platform.identity.persistence;
