/** Storage of surveys and invitations (JDBC). */
package dev.kreis.platform.feedback.persistence;
