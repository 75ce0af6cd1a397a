package dev.kreis.spi.connector;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A webhook request as the platform received it, for {@link ConnectorSession#verifyWebhook}. Immutable
 * value. Stability: stable.
 *
 * @param method  the HTTP method, e.g. {@code POST}
 * @param uri     the full address the vendor called: from the configured public base URL when Kreis runs
 *                behind a proxy, else from the request
 * @param headers the request's headers, names lower-cased
 * @param body    the raw body, exactly as received (signatures cover the bytes)
 */
public record WebhookRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body) {

    public WebhookRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        headers = Map.copyOf(lower);
        body = body.clone();
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
