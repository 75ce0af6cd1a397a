package dev.kreis.platform.api;

import java.util.UUID;

/** Reads ids from path and query parameters, answering 400 that names the parameter when one is not a UUID. */
public final class Ids {
    private Ids() {
    }

    public static UUID parse(String name, String value) {
        try {
            return UUID.fromString(value == null ? "" : value.trim());
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException(name, "must be a UUID");
        }
    }
}
