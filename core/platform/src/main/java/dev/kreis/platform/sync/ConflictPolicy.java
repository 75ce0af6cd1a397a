package dev.kreis.platform.sync;

import java.util.Arrays;
import java.util.Optional;

/** Which side wins when a field changed both in Kreis and in the CRM. The losing value is always kept. */
public enum ConflictPolicy {
    /** The later modification wins (the CRM's field history where it has one, else the record's time). */
    LAST_WRITER_WINS("last-writer-wins"),
    /** The CRM's value wins; Kreis never overwrites the field. */
    CRM_WINS("crm-wins"),
    /** Kreis's golden value wins and is pushed. */
    KREIS_WINS("kreis-wins");

    private final String wire;

    ConflictPolicy(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<ConflictPolicy> of(String wire) {
        return Arrays.stream(values()).filter(p -> p.wire.equals(wire)).findFirst();
    }
}
