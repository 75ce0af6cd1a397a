package dev.kreis.spi.api;

/**
 * Names a module uses when it documents its endpoints with MicroProfile OpenAPI annotations, so every module's
 * operations point at the same shared definitions of the platform's document. They are compile-time constants
 * for use inside annotations, e.g.
 * {@code @APIResponse(responseCode = "404", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))}.
 *
 * <p>Thread-safety: constants only. Stability: stable.
 */
public final class ApiDocs {
    /** The shared RFC 9457 problem schema ({@code #/components/schemas/Problem}): type, title, status, detail, errors[field, message]. */
    public static final String PROBLEM = "Problem";
    /** The media type of every error answer. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private ApiDocs() {
    }
}
