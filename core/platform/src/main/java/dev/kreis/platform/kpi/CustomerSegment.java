package dev.kreis.platform.kpi;

import java.util.Set;

/**
 * The customer segments KPI queries can be narrowed to ({@code ?segment=}). One kind of segment exists
 * so far: the customer's kind, {@code kind:person} or {@code kind:organisation}.
 */
public final class CustomerSegment {
    private static final String KIND = "kind:";
    private static final Set<String> KINDS = Set.of("person", "organisation");

    private CustomerSegment() {
    }

    /** Whether {@code key} names a segment Kreis knows. */
    public static boolean isKnown(String key) {
        return key.startsWith(KIND) && KINDS.contains(key.substring(KIND.length()));
    }

    /** The customer kind a known segment key selects. */
    public static String customerKind(String key) {
        if (!isKnown(key)) {
            throw new IllegalArgumentException("unknown segment " + key);
        }
        return key.substring(KIND.length());
    }

    /** What the error message lists as valid. */
    public static String known() {
        return "kind:person, kind:organisation";
    }
}
