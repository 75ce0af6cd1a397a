package dev.kreis.platform.identity.api;

/** An identifier as a source sends it: {@code {"type":"email","value":"Anna@Example.com"}}. */
public record IdentifierRequest(String type, String value, String system) {
}
