package dev.kreis.platform.security;

/** What a caller does with a capability: look at it, or change it. */
public enum Access {
    READ("read"),
    WRITE("write");

    private final String key;

    Access(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
