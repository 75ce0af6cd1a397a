package dev.kreis.spi.touchpoint;

/**
 * Where modules feed touchpoints into the unified customer record. Implemented by the platform; inject it.
 *
 * <p>A touchpoint goes through the same validation, consent/erasure checks, journey placement, KPI
 * rollups and signal rules as one ingested through {@code POST /api/v1/touchpoints}; its source is the
 * calling module's id.
 *
 * <p><b>Transactions.</b> The touchpoint is written in the caller's transaction when there is one (so a
 * module's own row and its touchpoint commit or roll back together), else in its own.
 *
 * <p>Thread-safe. Stability: stable.
 */
public interface TouchpointSink {

    /**
     * Records one touchpoint.
     *
     * @param module the calling module's id (the touchpoint's source)
     * @return what was stored
     * @throws dev.kreis.spi.api.ProblemException 422 naming the field when the platform refuses the touchpoint (unknown or
     *                                            uninstalled type, missing score, customer erased, ...)
     */
    RecordedTouchpoint record(String module, NewTouchpoint touchpoint);
}
