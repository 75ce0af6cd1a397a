package dev.kreis.spi.touchpoint;

import java.util.Optional;

/**
 * The channel an interaction happened on. Travels as its lower-case name ({@code "email"}).
 *
 * <p>Stability: stable; new channels may be added in a minor version, so modules must not switch
 * over this enum without a default branch.
 */
public enum Channel {
    WEB, EMAIL, PHONE, CHAT, STORE, SOCIAL, APP, SMS, EVENT, OTHER;

    /** The lower-case name used in JSON and storage. */
    public String wire() {
        return WireValue.of(this);
    }

    /** Parses a lower-case channel name; empty for {@code null} or an unknown name. */
    public static Optional<Channel> fromWire(String wire) {
        return WireValue.parse(Channel.class, wire);
    }
}
