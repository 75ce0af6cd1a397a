/** REST resources of proactive signals: rules, follow-up tasks and customer tags. */
package dev.kreis.platform.signal.api;
