package dev.kreis.platform.customer.api;

import java.util.Set;

import dev.kreis.platform.api.MalformedRequestException;
import dev.kreis.platform.identity.api.ProfileRequests;

/**
 * The customer list's filters as a caller sends them ({@code ?q=&kind=&source=}), checked once for the list and
 * for its CSV export, so both answer the same 400 naming the parameter.
 */
public record CustomerListFilter(String q, String kind, String source) {

    private static final Set<String> KINDS = Set.of("person", "organisation");

    /** The filters of a request; an empty parameter means no filter. */
    public static CustomerListFilter of(String q, String kind, String source) {
        return new CustomerListFilter(q, kindFilter(kind), sourceFilter(source));
    }

    private static String kindFilter(String kind) {
        if (kind == null || kind.isEmpty()) {
            return null;
        }
        if (!KINDS.contains(kind)) {
            throw new MalformedRequestException("kind", "must be person or organisation");
        }
        return kind;
    }

    private static String sourceFilter(String source) {
        if (source == null || source.isEmpty()) {
            return null;
        }
        if (!ProfileRequests.SOURCE.matcher(source).matches()) {
            throw new MalformedRequestException("source", "must be a profile source: lower-case letters, digits, '.', '_' or '-', at most 100");
        }
        return source;
    }
}
