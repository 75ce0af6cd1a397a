/**
 * Voice of the customer: NPS, CSAT and CES surveys, single-use invitation links, and public answers
 * that become {@code feedback.*} touchpoints on the customer's record.
 */
package dev.kreis.platform.feedback;
