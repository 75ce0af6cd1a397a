package dev.kreis.spi.connector;

/**
 * A module that wants the CRM's deals, tickets, opportunities and cases as records of its own (e.g. the
 * sales module's deals, the support module's tickets). Implement it as a CDI bean in the module; the sync
 * engine calls it for every touchpoint object record it applied, after the record's touchpoint was stored,
 * and only while {@link #module()} is installed and enabled.
 *
 * <p>Calls arrive on the sync engine's thread, once per applied record version (a record read again
 * unchanged is not delivered again, but the same record id arrives again when the CRM changed it): the
 * receiver upserts on {@code (source, recordId)}. An exception counts as a failure of the record, which is
 * retried and eventually dead-lettered like any other. Thread-safe. Stability: experimental.
 */
public interface CrmActivityReceiver {

    /** The id of the module the receiver belongs to. */
    String module();

    /** Receives one applied activity record. */
    void receive(CrmActivity activity);
}
